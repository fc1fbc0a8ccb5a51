import type { TConversation } from '@guftagu/contracts';
import Link from 'next/link';
import { PresenceAvatar, shownStatus } from '@/features/friends/components/presence';
import { formatListTime } from '@/features/messages/format';
import { cn, messageHref, nameOf } from '@/lib/utils';
import { MessageTicks } from './message-ticks';

function preview(conversation: TConversation, me: string): string {
  const last = conversation.lastMessage;
  if (!last) return conversation.requestState === 'outgoing' ? 'Request sent' : 'No messages yet';
  const prefix = last.senderId === me ? 'You: ' : '';
  if (last.deleted) return `${prefix}Message deleted`;
  if (last.content) return `${prefix}${last.content}`;
  if (last.messageType === 'image') return `${prefix}📷 Photo`;
  if (last.messageType === 'file') return `${prefix}📎 File`;
  return prefix ? `${prefix}…` : '…';
}

/** One row of the conversation list (seed 000: picture, name, preview, time, unread badge, online dot). */
export function ConversationCard({
  conversation,
  me,
  unread,
  typing,
  active,
  now,
}: {
  conversation: TConversation;
  me: string;
  unread: number;
  typing: boolean;
  active: boolean;
  now: number;
}) {
  const user = conversation.otherUser;
  const name = nameOf(user);
  const last = conversation.lastMessage;
  const mineLast = last !== null && last.senderId === me && !last.deleted;
  return (
    <li>
      <Link
        href={messageHref(user.userId)}
        aria-current={active ? 'page' : undefined}
        className={cn(
          'group relative flex items-center gap-3 rounded-2xl px-3 py-3 transition-colors',
          active ? 'bg-fill' : 'hover:bg-fill-subtle',
        )}
        data-testid="conversation-card"
        data-user-id={user.userId}
        data-username={user.username}
        data-unread={unread}
      >
        {active ? (
          <span
            aria-hidden
            className="absolute top-3 bottom-3 left-0 w-[3px] rounded-full bg-accent-bright"
          />
        ) : null}
        <PresenceAvatar
          name={name}
          src={user.profilePicture}
          size={48}
          status={user.isOnline ? shownStatus(true, user.status) : 'offline'}
          dotTestId="conversation-online-dot"
        />
        <span className="min-w-0 flex-1">
          <span className="flex items-baseline gap-2">
            <span
              className={cn(
                'min-w-0 flex-1 truncate text-[15px]',
                unread > 0 ? 'font-semibold text-fg' : 'font-medium text-fg',
              )}
            >
              {name}
            </span>
            <span
              className={cn(
                'shrink-0 text-[11px]',
                unread > 0 ? 'font-semibold text-accent-fg' : 'text-fg-faint',
              )}
            >
              {formatListTime(conversation.lastMessageAt ?? last?.createdAt, now)}
            </span>
          </span>
          <span className="mt-0.5 flex items-center gap-1.5">
            {mineLast && !typing ? <MessageTicks state={last.status} /> : null}
            <span
              className={cn(
                'min-w-0 flex-1 truncate text-[13px]',
                typing ? 'text-accent-fg' : unread > 0 ? 'text-fg-soft' : 'text-fg-subtle',
                last?.deleted && !typing && 'italic',
              )}
              data-testid="conversation-preview"
            >
              {typing ? 'typing…' : preview(conversation, me)}
            </span>
            {unread > 0 ? (
              <span
                className="tabular inline-flex h-5 min-w-5 shrink-0 items-center justify-center rounded-full bg-accent px-1.5 text-[11px] font-semibold text-on-accent shadow-accent-dot"
                data-testid="conversation-unread"
              >
                <span className="sr-only">, unread: </span>
                {unread > 99 ? '99+' : unread}
              </span>
            ) : null}
          </span>
        </span>
      </Link>
    </li>
  );
}
