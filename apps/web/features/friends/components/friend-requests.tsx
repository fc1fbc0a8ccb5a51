'use client';

import type { TFriendRequest, TSelfUser } from '@guftagu/contracts';
import Link from 'next/link';
import { useCallback, useState } from 'react';
import { RequestAnswerButtons } from '@/features/friends/components/request-answer-buttons';
import { Avatar } from '@/components/ui/Avatar';
import { Button, buttonClasses } from '@/components/ui/Button';
import { EmptyState, LoadFailedState } from '@/components/ui/EmptyState';
import { InboxIcon, SendIcon, UserPlusIcon } from '@/components/ui/Icons';
import { Skeleton } from '@/components/ui/Skeleton';
import { Tabs } from '@/components/ui/Tabs';
import { useToast } from '@/components/ui/Toast';
import { useLoad } from '@/lib/hooks/use-load';
import { useNow } from '@/lib/hooks/use-now';
import { useServerEvent } from '@/lib/hooks/use-server-event';
import { socialErrorMessage, useSocialApi } from '@/features/friends/social-api';
import { useSocialChange } from '@/features/friends/social-events';
import { formatRelativeTime, nameOf, profileHref } from '@/lib/utils';
import { FriendsShell } from './friends-shell';

type Tab = 'received' | 'sent';

function RequestRow({
  request,
  direction,
  now,
  onDone,
}: {
  request: TFriendRequest;
  direction: Tab;
  now: number;
  onDone: (requestId: string) => void;
}) {
  const api = useSocialApi();
  const { toast } = useToast();
  const [busy, setBusy] = useState<'accept' | 'reject' | 'cancel' | null>(null);
  const person = direction === 'received' ? request.from : request.to;
  const name = nameOf(person);

  const act = async (kind: 'accept' | 'reject' | 'cancel') => {
    setBusy(kind);
    try {
      if (kind === 'accept') {
        await api.acceptRequest(request.id);
        toast({ title: `You and ${name} are now friends`, tone: 'success' });
      } else if (kind === 'reject') {
        await api.rejectRequest(request.id);
        toast({ title: 'Request declined' });
      } else {
        await api.cancelRequest(request.id);
        toast({ title: 'Request cancelled' });
      }
      onDone(request.id);
    } catch (error) {
      toast({
        title: 'That didn’t work',
        description: socialErrorMessage(error, person.username),
        tone: 'error',
      });
      setBusy(null);
    }
  };

  return (
    <li
      className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-center sm:gap-4 sm:px-5"
      data-testid={direction === 'received' ? 'received-request' : 'sent-request'}
      data-username={person.username}
    >
      <Link href={profileHref(person)} className="flex min-w-0 flex-1 items-start gap-3 rounded-xl">
        <Avatar name={name} src={person.profilePicture} size={48} />
        <span className="min-w-0">
          <span className="flex flex-wrap items-baseline gap-x-2">
            <span className="truncate text-[15px] font-semibold text-ink-50">{name}</span>
            <span className="truncate text-[13px] text-ink-400">@{person.username}</span>
          </span>
          <span className="block text-xs text-ink-500">
            {direction === 'received' ? 'Sent you a request' : 'You sent a request'} ·{' '}
            {formatRelativeTime(request.sentAt, now) ?? 'recently'}
          </span>
          {request.message ? (
            <span className="mt-2 block rounded-xl rounded-tl-sm border border-white/[0.06] bg-white/[0.03] px-3 py-2 text-sm break-words text-ink-200">
              “{request.message}”
            </span>
          ) : null}
        </span>
      </Link>
      <div className="flex shrink-0 gap-2 pl-[60px] sm:pl-0">
        {direction === 'received' ? (
          <RequestAnswerButtons busy={busy} onAnswer={act} from={name} testIdPrefix="request" />
        ) : (
          <Button
            variant="secondary"
            size="sm"
            loading={busy === 'cancel'}
            disabled={busy !== null}
            onClick={() => act('cancel')}
            aria-label={`Cancel friend request to ${name}`}
            data-testid="request-cancel"
          >
            Cancel request
          </Button>
        )}
      </div>
    </li>
  );
}

export function FriendRequests({ user }: { user: TSelfUser }) {
  const api = useSocialApi();
  const now = useNow();
  const [tab, setTab] = useState<Tab>('received');
  const [data, setData] = useState<{ received: TFriendRequest[]; sent: TFriendRequest[] } | null>(null);
  const fetchRequests = useCallback(async () => {
    const { received, sent } = await api.listRequests();
    setData({ received, sent });
  }, [api]);
  const { error, load } = useLoad(fetchRequests);

  const removeFrom = (list: Tab, requestId: string) =>
    setData((current) =>
      current ? { ...current, [list]: current[list].filter((request) => request.id !== requestId) } : current,
    );

  const me = {
    userId: user.id,
    userId7Digit: user.userId7Digit,
    username: user.username ?? '',
    displayName: user.displayName,
    profilePicture: user.profilePicture,
  };

  // Live: requests arriving, and answers to the ones you sent.
  useServerEvent('friend_request_received', (event) => {
    const { bio: _bio, interests: _interests, ...from } = event.from;
    const request: TFriendRequest = {
      id: event.requestId,
      status: 'pending',
      message: event.message,
      sentAt: event.sentAt,
      from,
      to: me,
    };
    setData((current) =>
      current && !current.received.some((existing) => existing.id === request.id)
        ? { ...current, received: [request, ...current.received] }
        : current,
    );
  });
  useServerEvent('friend_request_cancelled', (event) => removeFrom('received', event.requestId));
  useServerEvent('friend_request_accepted', (event) => removeFrom('sent', event.requestId));
  useServerEvent('friend_request_rejected', (event) => removeFrom('sent', event.requestId));
  useServerEvent('authenticated', () => void load());
  useSocialChange((change) => {
    if (change.type === 'request_accepted' || change.type === 'request_rejected') {
      removeFrom('received', change.requestId);
    } else if (change.type === 'request_cancelled') {
      removeFrom('sent', change.requestId);
    } else if (change.type === 'request_sent' && !change.autoAccepted) {
      setData((current) =>
        current && !current.sent.some((existing) => existing.id === change.request.id)
          ? { ...current, sent: [change.request, ...current.sent] }
          : current,
      );
    } else if (change.type === 'request_sent' && change.autoAccepted) {
      void load();
    }
  });

  const list = data?.[tab] ?? null;
  const counts = { received: data?.received.length ?? 0, sent: data?.sent.length ?? 0 };

  return (
    <FriendsShell
      title="Friend requests"
      description="Answer people who want to connect, and keep track of the requests you sent."
    >
      <Tabs
        label="Requests"
        idPrefix="requests"
        value={tab}
        onChange={setTab}
        options={[
          { value: 'received', label: data ? `Received (${counts.received})` : 'Received' },
          { value: 'sent', label: data ? `Sent (${counts.sent})` : 'Sent' },
        ]}
        className="max-w-sm"
      />
      <div
        role="tabpanel"
        id={`requests-panel-${tab}`}
        aria-labelledby={`requests-tab-${tab}`}
        className="mt-6"
        data-testid={`requests-panel-${tab}`}
      >
        {error && data === null ? (
          <LoadFailedState title="Requests didn’t load" message={error} onRetry={() => void load()} />
        ) : list === null ? (
          <div className="flex flex-col gap-2" aria-busy="true">
            <span className="sr-only" role="status">
              Loading requests
            </span>
            {[0, 1, 2].map((row) => (
              <Skeleton key={row} className="h-20 rounded-2xl" />
            ))}
          </div>
        ) : list.length === 0 ? (
          tab === 'received' ? (
            <EmptyState icon={<InboxIcon size={22} />} title="No requests right now">
              When someone sends you a friend request, it shows up here — and in the bell at the top.
            </EmptyState>
          ) : (
            <EmptyState
              icon={<SendIcon size={22} />}
              title="No pending requests"
              actions={
                <Link href="/friends/find" className={buttonClasses()}>
                  <UserPlusIcon size={16} /> Find people
                </Link>
              }
            >
              Requests you send wait here until they’re answered.
            </EmptyState>
          )
        ) : (
          <ul
            className="card divide-y divide-white/[0.06] overflow-hidden rounded-3xl"
            aria-label={tab === 'received' ? 'Received requests' : 'Sent requests'}
          >
            {list.map((request) => (
              <RequestRow
                key={request.id}
                request={request}
                direction={tab}
                now={now}
                onDone={(requestId) => removeFrom(tab, requestId)}
              />
            ))}
          </ul>
        )}
      </div>
    </FriendsShell>
  );
}
