'use client';

import { InboxIcon, MailIcon, RefreshCwIcon, TriangleAlertIcon } from 'lucide-react';
import { useRouter, useSearchParams } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import { isApiError } from '@/lib/api';
import { useDevMailbox } from '../hooks/use-dev-mailbox';
import { isOutboxOff } from '../queries';
import { MailCard } from './mail-card';

export function DevMailbox() {
  const search = useSearchParams();
  const router = useRouter();
  const { toast } = useToast();
  const initial = search.get('to') ?? '';
  const [to, setTo] = useState(initial);
  const mailbox = useDevMailbox(initial);
  const refetch = () => void mailbox.refetch();

  const onFilter = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (to.trim()) params.set('to', to.trim());
    router.replace(`/dev/mailbox${params.size ? `?${params.toString()}` : ''}`);
    if (to.trim() === initial) refetch();
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
        {mailbox.isPending ? (
          <ul className="flex flex-col gap-3" aria-busy="true" aria-label="Loading messages">
            {[0, 1, 2].map((item) => (
              <li key={item}>
                <Skeleton className="h-32 rounded-2xl" />
              </li>
            ))}
          </ul>
        ) : mailbox.isError && isOutboxOff(mailbox.error) ? (
          <div className="card flex flex-col items-center rounded-3xl px-6 py-14 text-center">
            <TriangleAlertIcon size={28} className="text-warning-fg" />
            <h2 className="mt-4 text-heading font-semibold text-fg">The dev outbox is off</h2>
            <p className="mt-2 max-w-sm text-sm text-fg-subtle">
              It exists only while the server runs in development mode without a real mail provider.
            </p>
          </div>
        ) : mailbox.isError ? (
          <div className="card flex flex-col items-center rounded-3xl px-6 py-14 text-center">
            <TriangleAlertIcon size={28} className="text-danger-fg" />
            <h2 className="mt-4 text-heading font-semibold text-fg">Couldn&apos;t load the outbox</h2>
            <p className="mt-2 max-w-sm text-sm text-fg-subtle">
              {isApiError(mailbox.error) ? mailbox.error.message : 'Could not load the outbox.'}
            </p>
            <Button className="mt-6" variant="secondary" onClick={refetch}>
              Try again
            </Button>
          </div>
        ) : mailbox.data.length === 0 ? (
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
                refetch();
                toast({ title: 'Outbox refreshed' });
              }}
            >
              <RefreshCwIcon size={16} /> Refresh
            </Button>
          </div>
        ) : (
          <ul className="flex flex-col gap-3" data-testid="dev-mailbox-list">
            {mailbox.data.map((mail) => (
              <MailCard key={mail.id} mail={mail} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
