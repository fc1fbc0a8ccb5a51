'use client';

import type { ReactNode } from 'react';
import { useToast } from '@/components/ui/toast';
import { useServerEvent } from '@/lib/hooks/use-server-event';
import { nameOf } from '@/lib/utils';

/**
 * Toasts for friend requests wherever you are in the app. The notifications themselves, the unread
 * count and pending requests are server state in the query cache (queries.ts, cache-events.ts); this
 * provider only owns what is not: the moment to tell you.
 */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const { toast } = useToast();

  useServerEvent('friend_request_received', ({ from, message }) => {
    const who = from.displayName ? `${from.displayName} (@${from.username})` : `@${from.username}`;
    toast({
      title: 'New friend request',
      description: message ? `${who}: “${message}”` : `${who} wants to be friends.`,
    });
  });
  useServerEvent('friend_request_accepted', ({ by }) => {
    toast({
      title: 'Friend request accepted',
      description: `You and ${nameOf(by)} are now friends.`,
      tone: 'success',
    });
  });

  return <>{children}</>;
}
