'use client';

import { formatUserId, type TMatchFound } from '@guftagu/contracts';
import { CheckIcon, UserIcon, UserPlusIcon } from 'lucide-react';
import { useState } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { useAuth } from '@/features/auth/auth-context';
import { partnerNameOf } from '@/features/chat/lib/session-state';
import { useSocialApi } from '@/features/friends/social-api';
import { errorMessage } from '@/lib/api';

type AddState =
  | { name: 'idle' }
  | { name: 'sending' }
  | { name: 'sent'; friends: boolean }
  | { name: 'error'; message: string };

/** Who you are talking to: name (or Anonymous), 7-digit ID, shared interests, and "Add friend" when both are signed in. */
export function PartnerCard({ match }: { match: TMatchFound }) {
  const { status, user } = useAuth();
  const api = useSocialApi();
  const [add, setAdd] = useState<AddState>({ name: 'idle' });
  const name = partnerNameOf(match);
  const canAddFriend =
    status === 'authenticated' &&
    !match.partnerIsAnonymous &&
    match.partnerUserId7Digit !== null &&
    match.partnerUserId !== user?.id;

  const sendRequest = async () => {
    if (!match.partnerUserId7Digit) return;
    setAdd({ name: 'sending' });
    try {
      const result = await api.sendRequest({ userId7Digit: match.partnerUserId7Digit });
      setAdd({ name: 'sent', friends: result.autoAccepted });
    } catch (error) {
      setAdd({ name: 'error', message: errorMessage(error) });
    }
  };

  return (
    <section
      aria-label="Your match"
      className="card flex flex-col gap-3 rounded-3xl p-4"
      data-testid="partner-card"
    >
      <div className="flex items-center gap-3">
        {match.partnerIsAnonymous ? (
          <span className="inline-flex size-11 shrink-0 items-center justify-center rounded-full bg-fill text-fg-muted ring-1 ring-line">
            <UserIcon size={20} />
          </span>
        ) : (
          <Avatar name={name} src={match.partnerProfilePicture} size={44} />
        )}
        <div className="min-w-0 flex-1">
          <p className="truncate font-medium text-fg" data-testid="partner-name">
            {name}
          </p>
          <p className="truncate text-[12px] text-fg-subtle">
            {match.partnerIsAnonymous ? (
              'Anonymous · not signed in'
            ) : (
              <>
                @{match.partnerUsername}
                {match.partnerUserId7Digit ? (
                  <>
                    {' · ID '}
                    <span className="tabular font-mono text-fg-muted" data-testid="partner-id">
                      {formatUserId(match.partnerUserId7Digit)}
                    </span>
                  </>
                ) : null}
              </>
            )}
          </p>
        </div>
        {canAddFriend ? (
          add.name === 'sent' ? (
            <span
              className="inline-flex items-center gap-1 text-[12px] font-medium text-live-fg"
              role="status"
            >
              <CheckIcon size={14} /> {add.friends ? 'Friends' : 'Request sent'}
            </span>
          ) : (
            <Button
              size="sm"
              variant="secondary"
              loading={add.name === 'sending'}
              onClick={() => void sendRequest()}
              data-testid="partner-add-friend"
            >
              <UserPlusIcon size={15} /> Add friend
            </Button>
          )
        ) : null}
      </div>
      {add.name === 'error' ? (
        <p className="text-[12px] text-warning-fg" role="alert">
          {add.message}
        </p>
      ) : null}
      {match.commonInterests.length || match.partnerInterests.length ? (
        <ul className="flex flex-wrap gap-1.5" aria-label="Interests">
          {(match.commonInterests.length ? match.commonInterests : match.partnerInterests.slice(0, 6)).map(
            (tag) => (
              <li
                key={tag}
                className={
                  match.commonInterests.includes(tag)
                    ? 'rounded-full border border-accent-bright/30 bg-accent/15 px-2.5 py-0.5 text-[12px] text-accent-soft'
                    : 'rounded-full border border-line bg-fill-subtle px-2.5 py-0.5 text-[12px] text-fg-muted'
                }
              >
                #{tag}
              </li>
            ),
          )}
          {match.commonInterests.length ? (
            <li className="self-center text-[11px] text-fg-subtle">in common</li>
          ) : null}
        </ul>
      ) : null}
    </section>
  );
}
