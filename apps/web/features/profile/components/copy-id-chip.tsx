'use client';

import { formatUserId } from '@guftagu/contracts';
import { CheckIcon, CopyIcon, HashIcon } from 'lucide-react';
import { useToast } from '@/components/ui/toast';
import { Tooltip } from '@/components/ui/tooltip';
import { useCopyToClipboard } from '@/lib/hooks/use-copy-to-clipboard';
import { cn } from '@/lib/utils';

/** Someone's 7-digit ID as a compact, copyable chip ("# 123-4567 ⧉"). */
export function CopyIdChip({ userId7Digit, className }: { userId7Digit: string; className?: string }) {
  const { copied, copy } = useCopyToClipboard();
  const { toast } = useToast();
  const formatted = formatUserId(userId7Digit);

  const onCopy = async () => {
    if (!(await copy(userId7Digit))) {
      toast({
        title: 'Couldn’t copy',
        description: 'Select the number and copy it manually.',
        tone: 'error',
      });
    }
  };

  return (
    <Tooltip content={copied ? 'Copied to clipboard' : 'Copy ID'} open={copied ? true : undefined}>
      <button
        type="button"
        onClick={onCopy}
        aria-label={`Guftagu ID ${formatted}. Copy`}
        data-testid="public-user-id"
        data-copied={copied || undefined}
        className={cn(
          'group inline-flex h-9 items-center gap-2 rounded-xl border border-line bg-fill-subtle pr-2.5 pl-3 transition-colors hover:border-line-strong hover:bg-fill',
          className,
        )}
      >
        <HashIcon size={14} className="text-accent-fg" aria-hidden />
        <span className="tabular font-display text-[15px] font-semibold tracking-wide text-fg">
          {formatted}
        </span>
        <span
          className={cn(
            'ml-0.5 inline-flex size-6 items-center justify-center rounded-md text-fg-subtle transition-colors group-hover:text-fg',
            copied && 'text-live-fg group-hover:text-live-fg',
          )}
        >
          {copied ? <CheckIcon size={14} aria-hidden /> : <CopyIcon size={14} aria-hidden />}
        </span>
        <span className="sr-only" aria-live="polite">
          {copied ? 'ID copied' : ''}
        </span>
      </button>
    </Tooltip>
  );
}
