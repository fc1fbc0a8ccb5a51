'use client';

import { ClockIcon, RefreshCwIcon, TriangleAlertIcon } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { type ChatPhase, endedCopy } from '@/features/chat/lib/session-state';
import { useNow } from '@/lib/hooks/use-now';
import { MEDIA_PROBLEM_COPY, type MediaProblem } from '@/lib/webrtc/media';

function formatWait(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  return `${Math.round(seconds / 60)} min`;
}

/** While queued: a calm pulse, where you are in line and roughly how long it will take. */
export function SearchingOverlay({
  phase,
  interests,
}: {
  phase: Extract<ChatPhase, { name: 'searching' }>;
  interests: string[];
}) {
  const now = useNow(1000);
  const waited = Math.max(0, Math.floor((now - phase.since) / 1000));
  return (
    <div
      className="absolute inset-0 z-0 flex flex-col items-center justify-center gap-6 bg-canvas/70 px-6 text-center backdrop-blur-xl"
      data-testid="searching"
    >
      <div className="relative flex size-28 items-center justify-center" aria-hidden>
        <span className="absolute inset-0 animate-pulse-ring rounded-full bg-accent/30" />
        <span className="absolute inset-3 animate-pulse-ring rounded-full bg-highlight/20 [animation-delay:0.6s]" />
        <span className="relative size-14 rounded-full bg-[image:var(--gradient-button)] shadow-[var(--shadow-glow)]" />
      </div>
      <div role="status" aria-live="polite">
        <p className="font-display text-heading font-semibold text-fg">Looking for someone to talk to…</p>
        <p className="mt-1.5 text-[14px] text-fg-muted" data-testid="queue-status">
          {phase.position !== null && phase.totalWaiting !== null
            ? `You’re #${phase.position} of ${phase.totalWaiting} waiting`
            : 'Joining the queue'}
          {phase.estimatedWait ? ` · about ${formatWait(phase.estimatedWait)}` : ''}
        </p>
      </div>
      {interests.length ? (
        <p className="max-w-sm text-[13px] text-fg-subtle">
          Trying {interests.map((tag) => `#${tag}`).join(' ')} first
          {waited >= 5 ? ', then anyone who’s free' : ''}.
        </p>
      ) : null}
      <p className="tabular inline-flex items-center gap-1.5 text-[12px] text-fg-muted">
        <ClockIcon size={13} /> {waited}s
      </p>
    </div>
  );
}

/** After a chat ended, a timeout, or when matching is switched off: say why, offer the way on. */
export function OutcomeOverlay({
  phase,
  onNext,
  onBack,
}: {
  phase: Extract<ChatPhase, { name: 'ended' | 'timed_out' | 'unavailable' }>;
  onNext: () => void;
  onBack: () => void;
}) {
  let title: string;
  let body: string;
  switch (phase.name) {
    case 'ended':
      title = phase.endReason === 'report' ? 'Report sent' : 'Chat ended';
      body = endedCopy(phase.endReason, phase.partnerName);
      break;
    case 'timed_out':
      title = 'Nobody’s around right now';
      body = `We looked for ${formatWait(phase.waitTime)}. Try again, or remove a few interests to widen the search.`;
      break;
    case 'unavailable':
      title = phase.reason === 'maintenance' ? 'Back soon' : 'Can’t start a chat';
      body = phase.message;
      break;
  }
  return (
    <div
      className="absolute inset-0 z-0 flex flex-col items-center justify-center gap-5 bg-canvas/75 px-6 text-center backdrop-blur-xl"
      data-testid="chat-outcome"
      data-outcome={phase.name === 'ended' ? phase.endReason : phase.name}
    >
      <div role="status" aria-live="polite">
        <p className="font-display text-title font-semibold text-fg">{title}</p>
        <p className="mx-auto mt-2 max-w-md text-[15px] text-fg-muted">{body}</p>
      </div>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button size="lg" onClick={onNext} data-testid="chat-again">
          <RefreshCwIcon size={18} /> {phase.name === 'ended' ? 'Find someone new' : 'Try again'}
        </Button>
        <Button size="lg" variant="secondary" onClick={onBack}>
          Change settings
        </Button>
      </div>
    </div>
  );
}

/** The preview could not start: why, and what to do (text chat still works). */
export function MediaProblemOverlay({ problem, onRetry }: { problem: MediaProblem; onRetry: () => void }) {
  const copy = MEDIA_PROBLEM_COPY[problem];
  return (
    <div
      className="absolute inset-0 flex flex-col items-center justify-center gap-4 px-6 text-center"
      role="alert"
      data-testid="media-problem"
      data-problem={problem}
    >
      <span className="inline-flex size-12 items-center justify-center rounded-full bg-warning/10 text-warning-fg">
        <TriangleAlertIcon size={22} />
      </span>
      <div>
        <p className="font-medium text-fg">{copy.title}</p>
        <p className="mx-auto mt-1 max-w-sm text-[14px] text-fg-muted">{copy.body}</p>
      </div>
      <Button variant="secondary" onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}
