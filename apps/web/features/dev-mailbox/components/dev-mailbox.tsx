'use client';

import type { TDevMail } from '@guftagu/contracts';
import { CopyIcon, InboxIcon, MailIcon, RefreshCwIcon, TriangleAlertIcon } from 'lucide-react';
import { useRouter, useSearchParams } from 'next/navigation';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Badge } from '@/components/ui/Badge';
import { Button } from '@/components/ui/Button';
import { Input } from '@/components/ui/Input';
import { Modal } from '@/components/ui/Modal';
import { Skeleton } from '@/components/ui/Skeleton';
import { useToast } from '@/components/ui/Toast';
import { fetchDevMailbox } from '@/features/auth/auth-api';
import { isApiError } from '@/lib/api';
import { useCopyToClipboard } from '@/lib/hooks/use-copy-to-clipboard';
import { formatDateTime } from '@/lib/utils';

type Load =
  | { state: 'loading' }
  | { state: 'ready'; messages: TDevMail[] }
  | { state: 'unavailable' }
  | { state: 'error'; message: string };

/** Pulls the 6-digit sign-in code out of a message, if it carries one. */
function codeOf(mail: TDevMail): string | null {
  return /\b(\d{6})\b/.exec(mail.subject)?.[1] ?? /\b(\d{6})\b/.exec(mail.text)?.[1] ?? null;
}

function MailCard({ mail }: { mail: TDevMail }) {
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

export function DevMailbox() {
  const search = useSearchParams();
  const router = useRouter();
  const { toast } = useToast();
  const initial = search.get('to') ?? '';
  const [to, setTo] = useState(initial);
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  const fetchMail = useCallback(async (address: string, signal?: AbortSignal) => {
    setLoad({ state: 'loading' });
    try {
      const { messages } = await fetchDevMailbox(address || undefined, signal);
      const sorted = [...messages].sort((a, b) => b.sentAt.localeCompare(a.sentAt));
      setLoad({ state: 'ready', messages: sorted });
    } catch (error) {
      if (signal?.aborted) return;
      if (
        isApiError(error) &&
        (error.status === 404 || error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')
      ) {
        setLoad({ state: 'unavailable' });
      } else {
        setLoad({
          state: 'error',
          message: isApiError(error) ? error.message : 'Could not load the outbox.',
        });
      }
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void fetchMail(initial, controller.signal);
    return () => controller.abort();
  }, [initial, fetchMail]);

  const onFilter = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (to.trim()) params.set('to', to.trim());
    router.replace(`/dev/mailbox${params.size ? `?${params.toString()}` : ''}`);
    if (to.trim() === initial) void fetchMail(initial);
  };

  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-12 sm:px-6">
      <div className="flex items-start justify-between gap-4">
        <div>
          <Badge tone="warning" size="sm">
            Development only
          </Badge>
          <h1 className="mt-3 text-title font-semibold text-fg">Dev outbox</h1>
          <p className="mt-2 max-w-lg text-fg-muted">
            Emails the server would have sent — sign-in codes included — when it runs without a mail provider.
          </p>
        </div>
      </div>

      <form onSubmit={onFilter} className="mt-8 flex items-end gap-3">
        <Input
          label="Recipient"
          type="email"
          placeholder="All recipients"
          value={to}
          onChange={(event) => setTo(event.target.value)}
          containerClassName="flex-1"
          prefix={<MailIcon size={16} />}
        />
        <Button type="submit" variant="secondary" size="lg" className="h-12" aria-label="Refresh outbox">
          <RefreshCwIcon size={16} /> <span className="max-sm:sr-only">Refresh</span>
        </Button>
      </form>

      <div className="mt-8" aria-live="polite">
        {load.state === 'loading' ? (
          <ul className="flex flex-col gap-3" aria-busy="true" aria-label="Loading messages">
            {[0, 1, 2].map((item) => (
              <li key={item}>
                <Skeleton className="h-32 rounded-2xl" />
              </li>
            ))}
          </ul>
        ) : load.state === 'unavailable' ? (
          <div className="card flex flex-col items-center rounded-3xl px-6 py-14 text-center">
            <TriangleAlertIcon size={28} className="text-warning-fg" />
            <h2 className="mt-4 text-heading font-semibold text-fg">The dev outbox is off</h2>
            <p className="mt-2 max-w-sm text-sm text-fg-subtle">
              It exists only while the server runs in development mode without a real mail provider.
            </p>
          </div>
        ) : load.state === 'error' ? (
          <div className="card flex flex-col items-center rounded-3xl px-6 py-14 text-center">
            <TriangleAlertIcon size={28} className="text-danger-fg" />
            <h2 className="mt-4 text-heading font-semibold text-fg">Couldn&apos;t load the outbox</h2>
            <p className="mt-2 max-w-sm text-sm text-fg-subtle">{load.message}</p>
            <Button className="mt-6" variant="secondary" onClick={() => void fetchMail(initial)}>
              Try again
            </Button>
          </div>
        ) : load.messages.length === 0 ? (
          <div className="card flex flex-col items-center rounded-3xl px-6 py-14 text-center">
            <InboxIcon size={28} className="text-fg-subtle" />
            <h2 className="mt-4 text-heading font-semibold text-fg">No mail yet</h2>
            <p className="mt-2 max-w-sm text-sm text-fg-subtle">
              {initial ? `Nothing has been sent to ${initial}.` : 'Nothing has been sent.'} Request a sign-in
              code and press Refresh.
            </p>
            <Button
              className="mt-6"
              variant="secondary"
              onClick={() => {
                void fetchMail(initial);
                toast({ title: 'Outbox refreshed' });
              }}
            >
              <RefreshCwIcon size={16} /> Refresh
            </Button>
          </div>
        ) : (
          <ul className="flex flex-col gap-3" data-testid="dev-mailbox-list">
            {load.messages.map((mail) => (
              <MailCard key={mail.id} mail={mail} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
