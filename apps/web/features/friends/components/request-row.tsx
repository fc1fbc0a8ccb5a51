'use client';

import type { TFriendRequest } from '@guftagu/contracts';
import Link from 'next/link';
import { useState } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { formatRelativeTime, nameOf, profileHref } from '@/lib/utils';
import { socialErrorMessage, useSocialApi } from '../social-api';
import { RequestAnswerButtons } from './request-answer-buttons';

/** A pending request: Accept/Decline when it came to you, Cancel when you sent it. */
export function RequestRow({
  request,
  direction,
  now,
}: {
  request: TFriendRequest;
  direction: 'received' | 'sent';
  now: number;
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
            <span className="truncate text-[15px] font-semibold text-fg">{name}</span>
            <span className="truncate text-[13px] text-fg-subtle">@{person.username}</span>
          </span>
          <span className="block text-xs text-fg-faint">
            {direction === 'received' ? 'Sent you a request' : 'You sent a request'} ·{' '}
            {formatRelativeTime(request.sentAt, now) ?? 'recently'}
          </span>
          {request.message ? (
            <span className="mt-2 block rounded-xl rounded-tl-sm border border-line bg-fill-subtle px-3 py-2 text-sm break-words text-fg-soft">
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
