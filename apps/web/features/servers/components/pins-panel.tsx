'use client';

import type { TChannelMessage } from '@guftagu/contracts';
import { PaperclipIcon, PinIcon, PinOffIcon } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Modal } from '@/components/ui/modal';
import { Skeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import { Tooltip } from '@/components/ui/tooltip';
import { formatFullTime, formatMessageTime } from '@/features/messages/format';
import { errorMessage } from '@/lib/api';
import { nameOf } from '@/lib/utils';
import { channelErrorMessage, useChannelActions } from '../hooks/use-channel-actions';
import { useChannelPins } from '../hooks/use-pins';
import { useMembers } from '../hooks/use-servers';
import { memberName } from './member-list';
import { type MentionLookup, MentionText } from './mention-text';

function PinnedRow({
  message,
  canUnpin,
  onUnpin,
  mentions,
}: {
  message: TChannelMessage;
  canUnpin: boolean;
  onUnpin: () => void;
  mentions: MentionLookup;
}) {
  const author = nameOf({ displayName: message.user.displayName ?? null, username: message.user.username });
  return (
    <li
      className="group/pin relative rounded-2xl border border-line bg-fill-subtle p-3 transition-colors hover:border-line-strong"
      data-testid="pinned-message"
      data-message-id={message.id}
    >
      <div className="flex items-center gap-2.5">
        <Avatar name={author} src={message.user.avatar} size={28} />
        <span className="min-w-0 truncate text-[14px] font-semibold text-fg">{author}</span>
        <time
          dateTime={message.createdAt}
          title={formatFullTime(message.createdAt)}
          className="shrink-0 text-xs text-fg-subtle"
        >
          {formatMessageTime(message.createdAt, Date.now())}
        </time>
        <span className="flex-1" />
        {canUnpin ? (
          <Tooltip content="Unpin">
            <button
              type="button"
              onClick={onUnpin}
              aria-label={`Unpin message from ${author}`}
              className="inline-flex size-8 items-center justify-center rounded-lg text-fg-subtle transition-colors hover:bg-fill-strong hover:text-danger-fg"
              data-testid="unpin"
            >
              <PinOffIcon aria-hidden size={16} />
            </button>
          </Tooltip>
        ) : null}
      </div>
      {message.content ? (
        <p className="mt-1.5 line-clamp-4 text-[14px] leading-[1.45] break-words whitespace-pre-wrap text-fg-soft [overflow-wrap:anywhere]">
          <MentionText content={message.content} lookup={mentions} everyone={message.mentions.everyone} />
        </p>
      ) : null}
      {message.attachments.length > 0 ? (
        <p className="mt-1.5 inline-flex items-center gap-1.5 text-[13px] text-fg-muted">
          <PaperclipIcon aria-hidden size={14} />
          {message.attachments.length} attachment{message.attachments.length === 1 ? '' : 's'}
        </p>
      ) : null}
    </li>
  );
}

interface Viewer {
  me: string;
  myRoleIds: readonly string[];
}

function PinsBody({
  serverId,
  channelId,
  canManage,
  viewer,
}: {
  serverId: string;
  channelId: string;
  canManage: boolean;
  viewer: Viewer;
}) {
  const { data, isPending, error, refetch } = useChannelPins(channelId, true);
  const { data: memberList } = useMembers(serverId);
  const mentions = useMemo<MentionLookup>(
    () => ({
      user: (userId) => {
        const member = memberList?.members.find((item) => item.userId === userId);
        return member ? memberName(member) : 'unknown-user';
      },
      role: (roleId) => {
        const role = memberList?.roles.find((item) => item.id === roleId);
        return role ? { name: role.name, color: role.color } : null;
      },
      me: viewer.me,
      myRoleIds: viewer.myRoleIds,
    }),
    [memberList, viewer.me, viewer.myRoleIds],
  );
  const actions = useChannelActions(serverId, channelId);
  const { toast } = useToast();
  if (isPending) {
    return (
      <ul className="flex flex-col gap-2" aria-busy="true" aria-label="Loading pinned messages">
        {[0, 1, 2].map((index) => (
          <li key={index} className="rounded-2xl border border-line p-3">
            <div className="flex items-center gap-2.5">
              <Skeleton className="size-7 rounded-full" />
              <Skeleton className="h-3.5 w-28" />
            </div>
            <Skeleton className="mt-2.5 h-3.5 w-4/5" />
          </li>
        ))}
      </ul>
    );
  }
  if (error) {
    return (
      <EmptyState
        tone="danger"
        icon={<PinIcon aria-hidden size={22} />}
        title="Couldn’t load pinned messages"
        actions={<Button onClick={() => void refetch()}>Try again</Button>}
      >
        {errorMessage(error)}
      </EmptyState>
    );
  }
  if (data.length === 0) {
    return (
      <EmptyState
        icon={<PinIcon aria-hidden size={22} />}
        title="No pinned messages yet"
        data-testid="pins-empty"
      >
        {canManage
          ? 'Pin a message from its menu to keep it here for everyone.'
          : 'Moderators can pin important messages here.'}
      </EmptyState>
    );
  }
  return (
    <ul className="flex flex-col gap-2" data-testid="pins-list">
      {data.map((message) => (
        <PinnedRow
          key={message.id}
          message={message}
          canUnpin={canManage}
          mentions={mentions}
          onUnpin={() =>
            void actions.setPinned(message.id, false).catch((failure) =>
              toast({
                title: 'Couldn’t unpin the message',
                description: channelErrorMessage(failure),
                tone: 'error',
              }),
            )
          }
        />
      ))}
    </ul>
  );
}

/** The channel header's pin button and the list of the channel's pins it opens. */
export function PinsButton({
  serverId,
  channelId,
  channelName,
  canManage,
  className,
  viewer,
}: {
  serverId: string;
  channelId: string;
  channelName: string;
  canManage: boolean;
  className: string;
  viewer: Viewer;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Modal
      open={open}
      onOpenChange={setOpen}
      title="Pinned messages"
      description={`#${channelName}`}
      trigger={
        <button type="button" aria-label="Pinned messages" className={className} data-testid="open-pins">
          <PinIcon aria-hidden size={19} />
        </button>
      }
    >
      <div data-testid="pins-panel">
        {open ? (
          <PinsBody serverId={serverId} channelId={channelId} canManage={canManage} viewer={viewer} />
        ) : null}
      </div>
    </Modal>
  );
}
