'use client';

import { CheckIcon, CopyIcon } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { useCopyToClipboard } from '@/lib/hooks/use-copy-to-clipboard';
import { cn } from '@/lib/utils';

/** A read-only value (an invite link) with a Copy button that says when it worked. */
export function CopyField({
  value,
  label,
  'data-testid': testId,
}: {
  value: string;
  label: string;
  'data-testid'?: string;
}) {
  const { copied, copy } = useCopyToClipboard();
  return (
    <div className="flex h-12 items-center gap-2 rounded-xl border border-line bg-canvas/60 pr-1.5 pl-3.5 shadow-inset-well">
      <input
        readOnly
        value={value}
        aria-label={label}
        onFocus={(event) => event.target.select()}
        className="min-w-0 flex-1 bg-transparent font-mono text-[14px] text-fg outline-none"
        data-testid={testId}
      />
      <Button
        size="sm"
        variant={copied ? 'secondary' : 'primary'}
        onClick={() => void copy(value)}
        className={cn('w-[5.5rem]', copied && 'text-live-fg')}
        aria-live="polite"
      >
        {copied ? <CheckIcon aria-hidden size={15} /> : <CopyIcon aria-hidden size={15} />}
        {copied ? 'Copied' : 'Copy'}
      </Button>
    </div>
  );
}
