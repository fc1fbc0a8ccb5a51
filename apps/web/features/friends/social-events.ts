'use client';

import type { TFriend, TFriendRequest } from '@guftagu/contracts';
import { useEffect, useRef } from 'react';

/**
 * Changes this tab made to the social graph. The server tells the *other* person over Socket.IO; this
 * in-page bus tells every other part of *this* page (the bell, /friends, /friends/requests, a profile),
 * so accepting from the dropdown also updates the list you are looking at.
 */
export type SocialChange =
  | { type: 'request_sent'; request: TFriendRequest; autoAccepted: boolean }
  | { type: 'request_accepted'; requestId: string; friend: TFriend }
  | { type: 'request_rejected'; requestId: string }
  | { type: 'request_cancelled'; requestId: string }
  | { type: 'unfriended'; userId: string }
  | { type: 'blocked'; userId: string }
  | { type: 'unblocked'; userId: string };

const bus = typeof window === 'undefined' ? null : new EventTarget();

export function announceSocialChange(change: SocialChange): void {
  bus?.dispatchEvent(new CustomEvent<SocialChange>('change', { detail: change }));
}

export function useSocialChange(handler: (change: SocialChange) => void): void {
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  useEffect(() => {
    if (!bus) return;
    const listener = (event: Event) => handlerRef.current((event as CustomEvent<SocialChange>).detail);
    bus.addEventListener('change', listener);
    return () => bus.removeEventListener('change', listener);
  }, []);
}
