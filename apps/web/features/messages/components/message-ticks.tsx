import { CheckCheckIcon, CheckIcon } from 'lucide-react';
import { cn } from '@/lib/utils';

export type TickState = 'sending' | 'failed' | 'sent' | 'delivered' | 'read';

const LABELS: Record<TickState, string> = {
  sending: 'Sending',
  failed: 'Not sent',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
};

/** Seed 000 receipts: ✓ sent (gray), ✓✓ delivered (gray), ✓✓ read (blue). */
export function MessageTicks({ state }: { state: TickState }) {
  return (
    <span
      className="inline-flex items-center"
      data-testid="message-status"
      data-status={state}
      title={LABELS[state]}
    >
      <span className="sr-only">{LABELS[state]}</span>
      {state === 'sending' ? (
        <span
          aria-hidden
          className="block size-3 animate-spin rounded-full border-[1.5px] border-on-accent/30 border-t-on-accent/80"
        />
      ) : state === 'sent' ? (
        <CheckIcon aria-hidden size={15} className="text-on-accent/55" />
      ) : state === 'delivered' || state === 'read' ? (
        <CheckCheckIcon
          aria-hidden
          size={16}
          className={cn(
            state === 'read'
              ? 'text-read drop-shadow-[0_0_5px_color-mix(in_srgb,var(--color-read)_75%,transparent)]'
              : 'text-on-accent/55',
          )}
        />
      ) : null}
    </span>
  );
}
