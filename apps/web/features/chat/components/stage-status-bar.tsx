'use client';

import { cn } from '@/lib/utils';
import { type ChatSnapshot, callStatusOf } from '../lib/session-state';
import { ConnectionStatus } from './connection-status';

function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  return `${String(minutes).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** The stage's top edge: call status and duration on the left, the session's notice on the right. */
export function StageStatusBar({ snapshot, now }: { snapshot: ChatSnapshot; now: number }) {
  const { phase } = snapshot;
  return (
    <div className="pointer-events-none absolute inset-x-0 top-0 z-20 flex items-start justify-between gap-2 p-3 sm:p-4">
      {phase.name === 'matched' ? (
        <ConnectionStatus
          status={callStatusOf(snapshot)}
          quality={snapshot.quality}
          elapsed={formatElapsed(now - phase.since)}
        />
      ) : (
        <span />
      )}
      {snapshot.notice ? (
        <p
          className={cn(
            'pointer-events-auto max-w-[70%] rounded-2xl border px-3 py-1.5 text-[12px] font-medium backdrop-blur-md',
            snapshot.notice.tone === 'warning'
              ? 'border-warning/30 bg-warning/15 text-warning-fg'
              : 'border-line bg-canvas/60 text-fg',
          )}
          role="status"
          data-testid="chat-notice"
        >
          {snapshot.notice.text}
        </p>
      ) : null}
    </div>
  );
}
