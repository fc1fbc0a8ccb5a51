'use client';

import { formatUserId } from '@guftagu/contracts';
import { CheckIcon, CopyIcon } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { Tooltip } from '@/components/ui/tooltip';
import { useCopyToClipboard } from '@/lib/hooks/use-copy-to-clipboard';
import { cn } from '@/lib/utils';

/** The permanent 7-digit ID, large and copyable (copies the plain digits, e.g. 1234567). */
export function UserIdDisplay({ userId7Digit, className }: { userId7Digit: string; className?: string }) {
  const { copied, copy } = useCopyToClipboard();
  const { toast } = useToast();
  const formatted = formatUserId(userId7Digit);

  const onCopy = async () => {
    const ok = await copy(userId7Digit);
    if (!ok)
      toast({
        title: 'Couldn’t copy',
        description: 'Select the number and copy it manually.',
        tone: 'error',
      });
  };

  return (
    <section
      aria-labelledby="user-id-label"
      className={cn(
        'relative isolate overflow-hidden rounded-[1.75rem] border border-line p-6 sm:p-8',
        'bg-[linear-gradient(160deg,color-mix(in_srgb,var(--color-accent)_22%,var(--color-canvas)),color-mix(in_srgb,var(--color-accent)_6%,var(--color-canvas))_55%)] shadow-[var(--shadow-card)]',
        className,
      )}
    >
      <div className="absolute -top-24 -right-16 -z-10 size-72 rounded-full bg-[radial-gradient(closest-side,color-mix(in_srgb,var(--color-accent)_35%,transparent),transparent)] blur-2xl" />
      <div className="absolute -bottom-28 -left-10 -z-10 size-64 rounded-full bg-[radial-gradient(closest-side,color-mix(in_srgb,var(--color-highlight)_16%,transparent),transparent)] blur-2xl" />
      <div className="flex items-center justify-between gap-4">
        <h2
          id="user-id-label"
          className="font-sans text-micro font-semibold tracking-[0.16em] text-fg-muted uppercase"
        >
          Your Guftagu ID
        </h2>
        <span className="text-[11px] text-fg-subtle">Permanent</span>
      </div>
      <div className="mt-6 flex flex-wrap items-end justify-between gap-5">
        <p
          className="tabular font-display text-[clamp(3rem,12vw,4.75rem)] leading-[0.95] font-semibold tracking-[0.01em] text-fg select-all"
          data-testid="profile-user-id"
        >
          {formatted}
        </p>
        <Tooltip content={copied ? 'Copied to clipboard' : 'Copy your ID'} open={copied ? true : undefined}>
          <Button
            variant={copied ? 'secondary' : 'light'}
            size="md"
            onClick={onCopy}
            data-testid="copy-user-id"
            data-copied={copied || undefined}
            className={cn('min-w-28', copied && 'text-live-fg')}
          >
            {copied ? <CheckIcon size={16} aria-hidden /> : <CopyIcon size={16} aria-hidden />}
            {copied ? 'Copied' : 'Copy ID'}
          </Button>
        </Tooltip>
      </div>
      <p className="mt-6 max-w-md text-sm leading-relaxed text-fg-muted">
        Share it so friends can find you and send a request. Your username can change — this number never
        will.
      </p>
      <span className="sr-only" aria-live="polite">
        {copied ? 'ID copied to clipboard' : ''}
      </span>
    </section>
  );
}
