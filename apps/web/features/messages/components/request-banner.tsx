'use client';

import type { TDmRequestState } from '@guftagu/contracts';
import { BanIcon, CheckIcon, MailIcon, XIcon } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

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
        className="mx-3 mb-2 flex items-center gap-3 rounded-2xl border border-line bg-fill-subtle px-4 py-3 text-[13px] text-fg-muted sm:mx-5"
        data-testid="request-outgoing"
      >
        <MailIcon aria-hidden size={18} className="shrink-0 text-accent-fg" />
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
      className="mx-3 mb-3 animate-scale-in rounded-3xl border border-accent-bright/20 bg-[radial-gradient(120%_140%_at_0%_0%,color-mix(in_oklab,var(--color-accent-bright)_16%,transparent),transparent_60%)] bg-sunken p-5 shadow-[var(--shadow-card)] sm:mx-5"
      data-testid="request-view"
    >
      <h2 id="request-title" className="font-display text-base font-semibold text-fg">
        {name} wants to message you
      </h2>
      <p className="mt-1 text-[13px] leading-relaxed text-fg-muted">
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
          <CheckIcon aria-hidden size={16} /> Accept
        </Button>
        <Button
          variant="secondary"
          onClick={() => answer('reject')}
          loading={busy === 'reject'}
          disabled={busy !== null}
          data-testid="request-reject"
        >
          <XIcon aria-hidden size={16} /> Reject
        </Button>
        <Button variant="danger" onClick={onBlock} disabled={busy !== null} data-testid="request-block">
          <BanIcon aria-hidden size={16} /> Block
        </Button>
      </div>
    </section>
  );
}
