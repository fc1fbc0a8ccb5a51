'use client';

import { PhoneIcon, VideoIcon } from 'lucide-react';
import { buttonClasses } from '@/components/ui/button';
import { cn, nameOf } from '@/lib/utils';
import { type CallPeer, useStartCall } from '../lib/call-store';

export interface CallTarget {
  userId: string;
  username: string | null;
  displayName: string | null;
  profilePicture: string | null;
}

/** Voice and video call buttons for a person (DM header, profile, friends list). */
export function CallButtons({
  user,
  size = 'icon',
  className,
}: {
  user: CallTarget;
  size?: 'icon' | 'icon-sm';
  className?: string;
}) {
  const { startCall, inCall } = useStartCall();
  const peer: CallPeer = {
    userId: user.userId,
    username: user.username ?? '',
    displayName: user.displayName,
    profilePicture: user.profilePicture,
  };
  const name = nameOf(user);
  const iconSize = size === 'icon' ? 19 : 16;
  return (
    <span className={cn('inline-flex items-center', className)}>
      <button
        type="button"
        onClick={() => startCall(peer, false)}
        disabled={inCall}
        className={buttonClasses({ variant: 'ghost', size })}
        aria-label={`Voice call ${name}`}
        title="Voice call"
        data-testid="call-voice"
      >
        <PhoneIcon aria-hidden size={iconSize} />
      </button>
      <button
        type="button"
        onClick={() => startCall(peer, true)}
        disabled={inCall}
        className={buttonClasses({ variant: 'ghost', size })}
        aria-label={`Video call ${name}`}
        title="Video call"
        data-testid="call-video"
      >
        <VideoIcon aria-hidden size={iconSize} />
      </button>
    </span>
  );
}
