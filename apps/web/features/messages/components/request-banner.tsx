'use client';

import type { TDmRequestState } from '@guftagu/contracts';
import { useState } from 'react';
import { Button } from '@/components/ui/Button';
import { BanIcon, CheckIcon, CloseIcon, MailIcon } from '@/components/ui/Icons';

/**
 * Seed 004 message requests. The recipient sees Accept / Reject / Block above the composer; the sender
 * sees that their request is waiting.
 */
export function RequestBanner({
  state,
  name,
  onAnswer,
  onBlock,
}: {
  state: TDmRequestState;
  name: string;
  onAnswer: (answer: 'accept' | 'reject') => Promise<void>;
  onBlock: () => void;
}) {
  const [busy, setBusy] = useState<'accept' | 'reject' | null>(null);
  if (state === 'none') return null;

  if (state === 'outgoing' || state === 'rejected') {
    return (
      <div
        className="mx-3 mb-2 flex items-center gap-3 rounded-2xl border border-white/[0.07] bg-white/[0.03] px-4 py-3 text-[13px] text-ink-300 sm:mx-5"
        data-testid="request-outgoing"
      >
        <MailIcon size={18} className="shrink-0 text-brand-300" />
        {state === 'outgoing'
          ? `Message request sent. ${name} can reply once they accept it.`
          : `${name} isn’t accepting your messages.`}
      </div>
    );
  }

  const answer = async (kind: 'accept' | 'reject') => {
    setBusy(kind);
    try {
      await onAnswer(kind);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section
      aria-labelledby="request-title"
      className="mx-3 mb-3 animate-scale-in rounded-3xl border border-brand-400/20 bg-[radial-gradient(120%_140%_at_0%_0%,rgb(130_110_255/0.16),transparent_60%)] bg-ink-850 p-5 shadow-[var(--shadow-card)] sm:mx-5"
      data-testid="request-view"
    >
      <h2 id="request-title" className="font-display text-base font-semibold text-ink-50">
        {name} wants to message you
      </h2>
      <p className="mt-1 text-[13px] leading-relaxed text-ink-300">
        You aren’t friends yet. Accept to reply and move this chat to your inbox, or reject or block them if
        you don’t want to hear from them.
      </p>
      <div className="mt-4 flex flex-wrap gap-2">
        <Button
          onClick={() => answer('accept')}
          loading={busy === 'accept'}
          disabled={busy !== null}
          data-testid="request-accept"
        >
          <CheckIcon size={16} /> Accept
        </Button>
        <Button
          variant="secondary"
          onClick={() => answer('reject')}
          loading={busy === 'reject'}
          disabled={busy !== null}
          data-testid="request-reject"
        >
          <CloseIcon size={16} /> Reject
        </Button>
        <Button variant="danger" onClick={onBlock} disabled={busy !== null} data-testid="request-block">
          <BanIcon size={16} /> Block
        </Button>
      </div>
    </section>
  );
}
