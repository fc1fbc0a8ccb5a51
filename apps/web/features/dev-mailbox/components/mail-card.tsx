'use client';

import type { TDevMail } from '@guftagu/contracts';
import { CopyIcon, MailIcon } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Modal } from '@/components/ui/modal';
import { useCopyToClipboard } from '@/lib/hooks/use-copy-to-clipboard';
import { formatDateTime } from '@/lib/utils';

/** Pulls the 6-digit sign-in code out of a message, if it carries one. */
function codeOf(mail: TDevMail): string | null {
  return /\b(\d{6})\b/.exec(mail.subject)?.[1] ?? /\b(\d{6})\b/.exec(mail.text)?.[1] ?? null;
}

export function MailCard({ mail }: { mail: TDevMail }) {
  const code = codeOf(mail);
  const { copied, copy } = useCopyToClipboard();
  return (
    <li className="card rounded-2xl p-5" data-testid="dev-mail">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="truncate text-[15px] font-semibold text-fg">{mail.subject}</p>
          <p className="mt-1 flex items-center gap-1.5 text-[13px] text-fg-subtle">
            <MailIcon size={14} /> <span className="truncate">{mail.to}</span>
            <span className="text-fg-faint">·</span>
            <time dateTime={mail.sentAt}>{formatDateTime(mail.sentAt)}</time>
          </p>
        </div>
        {code ? (
          <div className="flex items-center gap-2">
            <span
              className="tabular rounded-xl border border-accent-bright/25 bg-accent/10 px-3 py-1.5 font-display text-xl font-semibold tracking-[0.2em] text-accent-soft"
              data-testid="dev-mail-code"
            >
              {code}
            </span>
            <Button variant="secondary" size="icon-sm" aria-label="Copy code" onClick={() => void copy(code)}>
              {copied ? <span className="text-[11px] text-live-fg">✓</span> : <CopyIcon size={14} />}
            </Button>
          </div>
        ) : null}
      </div>
      <pre className="mt-4 font-sans text-[13px] leading-relaxed whitespace-pre-wrap text-fg-muted">
        {mail.text}
      </pre>
      <div className="mt-4">
        <Modal
          title={mail.subject}
          description={`To ${mail.to}`}
          trigger={
            <Button variant="ghost" size="sm">
              View HTML
            </Button>
          }
          className="w-[min(40rem,calc(100vw-2rem))]"
        >
          <iframe
            title={`HTML body of “${mail.subject}”`}
            srcDoc={mail.html}
            sandbox=""
            className="h-[28rem] w-full rounded-xl border border-line bg-fg"
          />
        </Modal>
      </div>
    </li>
  );
}
