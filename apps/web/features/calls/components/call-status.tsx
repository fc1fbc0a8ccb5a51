'use client';

import { SignalHighIcon, SignalLowIcon, SignalMediumIcon, WifiOffIcon } from 'lucide-react';
import { cn } from '@/lib/utils';
import type { CallState } from '../lib/call-store';
import { CallDuration } from './call-duration';

const QUALITY = {
  excellent: { label: 'Excellent connection', icon: SignalHighIcon, className: 'text-live' },
  good: { label: 'Good connection', icon: SignalMediumIcon, className: 'text-live' },
  poor: { label: 'Poor connection', icon: SignalLowIcon, className: 'text-warning' },
  failed: { label: 'Connection lost', icon: WifiOffIcon, className: 'text-danger' },
} as const;

/** "Calling…", the running duration, or what is wrong, with the connection quality. */
export function CallStatus({ state, className }: { state: CallState; className?: string }) {
  const { phase } = state;
  let text: React.ReactNode = null;
  if (phase.name === 'outgoing') text = 'Calling…';
  else if (phase.name === 'ended') text = phase.message;
  else if (phase.name === 'active') {
    if (!phase.peerOnline) text = 'Reconnecting…';
    else if (state.peerState === 'connecting' || state.peerState === 'new') text = 'Connecting…';
    else if (state.peerState === 'disconnected' || state.peerState === 'failed') text = 'Reconnecting…';
    else text = <CallDuration since={phase.answeredAt} />;
  }
  const quality = phase.name === 'active' && state.quality ? QUALITY[state.quality.quality] : null;
  return (
    <span
      className={cn('inline-flex items-center gap-2 text-sm text-fg-muted', className)}
      data-testid="call-status"
    >
      <span aria-live="polite">{text}</span>
      {quality ? (
        <span className={cn('inline-flex items-center', quality.className)} title={quality.label}>
          <quality.icon aria-hidden size={16} />
          <span className="sr-only">{quality.label}</span>
        </span>
      ) : null}
    </span>
  );
}
