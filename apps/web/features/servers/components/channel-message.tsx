'use client';

import type { TAttachment } from '@guftagu/contracts';
import * as Menu from '@radix-ui/react-dropdown-menu';
import {
  CopyIcon,
  CornerUpRightIcon,
  EllipsisIcon,
  PencilIcon,
  PinIcon,
  PinOffIcon,
  RefreshCwIcon,
  ReplyIcon,
  SmileIcon,
  TrashIcon,
  TriangleAlertIcon,
} from 'lucide-react';
import { memo, useState } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { DropdownContent, DropdownItem, DropdownSeparator } from '@/components/ui/dropdown';
import { EmojiPicker } from '@/features/messages/components/emoji-picker';
import { MessageAttachments } from '@/features/messages/components/message-attachments';
import { QUICK_REACTIONS } from '@/features/messages/emoji';
import { formatClock, formatFullTime, formatMessageTime } from '@/features/messages/format';
import { cn } from '@/lib/utils';
import type { ChannelDisplayMessage } from './display';
import { type MentionLookup, MentionText } from './mention-text';

export type ChannelMessageAction =
  | { type: 'reply' }
  | { type: 'edit' }
  | { type: 'copy' }
  | { type: 'delete' }
  | { type: 'pin'; pinned: boolean }
  | { type: 'react'; emoji: string };

const toolButton =
  'inline-flex size-8 items-center justify-center rounded-md text-fg-muted transition-colors hover:bg-fill-strong hover:text-fg data-[state=open]:bg-fill-strong data-[state=open]:text-fg';

export interface ChannelMessageProps {
  message: ChannelDisplayMessage;
  now: number;
  /** Continues the previous row's group: no avatar or name. */
  joinsPrevious: boolean;
  highlighted: boolean;
  canReact: boolean;
  canReply: boolean;
  canDelete: boolean;
  /** Manage Messages: pin and unpin. */
  canPin?: boolean;
  /** Names for `<@id>`/`<@&id>` mentions in the text. */
  mentions?: MentionLookup;
  nameOf: (userId: string) => string;
  onAction: (message: ChannelDisplayMessage, action: ChannelMessageAction) => void;
  onJump: (messageId: string) => void;
  onOpenImage: (message: ChannelDisplayMessage, attachment: TAttachment) => void;
  onRetry: (nonce: string) => void;
  onDiscard: (nonce: string) => void;
}

function Toolbar({
  message,
  canReact,
  canReply,
  canDelete,
  canPin,
  menuOpen,
  setMenuOpen,
  act,
}: {
  message: ChannelDisplayMessage;
  canReact: boolean;
  canReply: boolean;
  canDelete: boolean;
  canPin: boolean;
  menuOpen: boolean;
  setMenuOpen: (open: boolean) => void;
  act: (action: ChannelMessageAction) => void;
}) {
  return (
    <div
      className={cn(
        'absolute -top-4 right-4 z-[2] flex items-center gap-0.5 rounded-lg border border-line bg-raised p-0.5 shadow-lift transition-opacity duration-150',
        'opacity-0 group-hover/message:opacity-100 group-focus-within/message:opacity-100',
        menuOpen && 'opacity-100',
      )}
    >
      {canReact ? (
        <EmojiPicker
          closeOnPick
          align="end"
          onPick={(emoji) => act({ type: 'react', emoji })}
          trigger={
            <button
              type="button"
              className={toolButton}
              aria-label="Add reaction"
              data-testid="message-react"
            >
              <SmileIcon aria-hidden size={17} />
            </button>
          }
        />
      ) : null}
      {canReply ? (
        <button
          type="button"
          className={toolButton}
          onClick={() => act({ type: 'reply' })}
          aria-label="Reply"
          data-testid="message-reply"
        >
          <ReplyIcon aria-hidden size={17} />
        </button>
      ) : null}
      <Menu.Root open={menuOpen} onOpenChange={setMenuOpen} modal={false}>
        <Menu.Trigger className={toolButton} aria-label="More actions" data-testid="message-more">
          <EllipsisIcon aria-hidden size={17} />
        </Menu.Trigger>
        <DropdownContent align="end" className="min-w-52" data-testid="message-menu">
          {canReact ? (
            <>
              <div className="flex justify-between gap-0.5 px-0.5 pb-1">
                {QUICK_REACTIONS.map((emoji) => (
                  <Menu.Item
                    key={emoji}
                    onSelect={() => act({ type: 'react', emoji })}
                    className="flex size-9 cursor-pointer items-center justify-center rounded-lg font-emoji text-xl outline-none transition-transform data-[highlighted]:scale-110 data-[highlighted]:bg-fill-strong"
                    aria-label={`React with ${emoji}`}
                  >
                    {emoji}
                  </Menu.Item>
                ))}
              </div>
              <DropdownSeparator />
            </>
          ) : null}
          {canReply ? (
            <DropdownItem icon={<ReplyIcon aria-hidden size={16} />} onSelect={() => act({ type: 'reply' })}>
              Reply
            </DropdownItem>
          ) : null}
          {message.mine && message.content ? (
            <DropdownItem
              icon={<PencilIcon aria-hidden size={16} />}
              onSelect={() => act({ type: 'edit' })}
              data-testid="message-edit"
            >
              Edit message
            </DropdownItem>
          ) : null}
          {canPin ? (
            <DropdownItem
              icon={message.pinned ? <PinOffIcon aria-hidden size={16} /> : <PinIcon aria-hidden size={16} />}
              onSelect={() => act({ type: 'pin', pinned: !message.pinned })}
              data-testid="message-pin"
            >
              {message.pinned ? 'Unpin message' : 'Pin message'}
            </DropdownItem>
          ) : null}
          {message.content ? (
            <DropdownItem icon={<CopyIcon aria-hidden size={16} />} onSelect={() => act({ type: 'copy' })}>
              Copy text
            </DropdownItem>
          ) : null}
          {canDelete ? (
            <>
              <DropdownSeparator />
              <DropdownItem
                tone="danger"
                icon={<TrashIcon aria-hidden size={16} />}
                onSelect={() => act({ type: 'delete' })}
                data-testid="message-delete"
              >
                Delete message
              </DropdownItem>
            </>
          ) : null}
        </DropdownContent>
      </Menu.Root>
    </div>
  );
}

/** One message in a channel, Discord-style: a group's first row carries the avatar and name. */
export const ChannelMessage = memo(function ChannelMessage({
  message,
  now,
  joinsPrevious,
  highlighted,
  canReact,
  canReply,
  canDelete,
  canPin = false,
  mentions,
  nameOf,
  onAction,
  onJump,
  onOpenImage,
  onRetry,
  onDiscard,
}: ChannelMessageProps) {
  const [menuOpen, setMenuOpen] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const failed = message.pending?.state === 'failed';
  const stored = message.id !== null;
  const startsGroup = !joinsPrevious || message.replyTo !== null;
  const act = (action: ChannelMessageAction) => onAction(message, action);

  if (message.blocked && !revealed) {
    return (
      <div className="px-4 py-1 sm:px-6" data-testid="message" data-blocked="true">
        <button
          type="button"
          onClick={() => setRevealed(true)}
          className="text-[13px] text-fg-subtle hover:text-fg-soft hover:underline"
        >
          Blocked message — show
        </button>
      </div>
    );
  }

  return (
    <div
      className={cn(
        'group/message relative px-4 transition-colors duration-500 hover:bg-fill-subtle sm:px-6',
        startsGroup ? 'mt-3 pt-1 pb-0.5' : 'py-0.5',
        message.mentionsMe && 'border-l-2 border-warning bg-warning/8 hover:bg-warning/12',
        highlighted && 'bg-accent/12',
        menuOpen && 'bg-fill-subtle',
      )}
      data-testid="message"
      data-message-id={message.id ?? undefined}
      data-mine={message.mine ? 'true' : 'false'}
      data-author-id={message.senderId}
      data-mentions-me={message.mentionsMe ? 'true' : undefined}
    >
      {message.replyTo ? (
        <button
          type="button"
          onClick={() => message.replyTo && onJump(message.replyTo.id)}
          className="mb-1 ml-5 flex max-w-full min-w-0 items-center gap-1.5 text-[13px] text-fg-subtle hover:text-fg-soft"
          data-testid="reply-quote"
        >
          <CornerUpRightIcon aria-hidden size={14} className="-scale-x-100 shrink-0 rotate-180" />
          <span className="shrink-0 font-semibold text-fg-muted">@{nameOf(message.replyTo.authorId)}</span>
          <span className={cn('truncate', message.replyTo.deleted && 'italic')}>
            {message.replyTo.deleted
              ? 'Original message was deleted'
              : message.replyTo.content || 'Attachment'}
          </span>
        </button>
      ) : null}
      <div className="flex gap-4">
        <div className="w-10 shrink-0">
          {startsGroup ? (
            <Avatar name={message.authorName} src={message.authorAvatar} size={40} className="mt-0.5" />
          ) : (
            <time
              dateTime={message.createdAt}
              title={formatFullTime(message.createdAt)}
              className="block pt-1 text-right text-[10px] leading-5 text-fg-faint opacity-0 group-hover/message:opacity-100"
            >
              {formatClock(message.createdAt)}
            </time>
          )}
        </div>
        <div className="min-w-0 flex-1">
          {startsGroup ? (
            <p className="flex items-baseline gap-2 leading-snug">
              <span
                className="truncate text-[15px] font-semibold text-fg"
                style={message.authorColor ? { color: message.authorColor } : undefined}
                data-testid="message-author"
              >
                {message.authorName}
              </span>
              <time
                dateTime={message.createdAt}
                title={formatFullTime(message.createdAt)}
                className="shrink-0 text-xs text-fg-subtle"
              >
                {formatMessageTime(message.createdAt, now)}
              </time>
              {message.pinned ? (
                <PinIcon aria-label="Pinned" size={12} className="shrink-0 text-fg-subtle" />
              ) : null}
            </p>
          ) : null}
          {message.content ? (
            <p
              className={cn(
                'text-[15px] leading-[1.45] break-words whitespace-pre-wrap text-fg-soft [overflow-wrap:anywhere]',
                message.pending?.state === 'sending' && 'text-fg-subtle',
              )}
              data-testid="message-text"
            >
              <MentionText
                content={message.content}
                lookup={mentions}
                everyone={message.stored?.mentions.everyone ?? false}
              />
              {message.edited ? (
                <span className="ml-1 text-[11px] text-fg-faint" data-testid="message-edited">
                  (edited)
                </span>
              ) : null}
            </p>
          ) : null}
          {message.attachments.length > 0 ? (
            <div className="mt-1.5 max-w-md">
              <MessageAttachments
                attachments={message.attachments}
                mine={false}
                onOpenImage={(attachment) => onOpenImage(message, attachment)}
              />
            </div>
          ) : null}
          {message.reactions.length > 0 ? (
            <div className="mt-1.5 flex flex-wrap gap-1" data-testid="reactions">
              {message.reactions.map((reaction) => {
                const who = reaction.userIds.map(nameOf).join(', ');
                return (
                  <button
                    key={reaction.emoji}
                    type="button"
                    disabled={!canReact || !stored}
                    onClick={() => act({ type: 'react', emoji: reaction.emoji })}
                    aria-pressed={reaction.mine}
                    aria-label={`${reaction.emoji} ${reaction.count}${who ? `, by ${who}` : ''}`}
                    title={who}
                    className={cn(
                      'inline-flex h-7 items-center gap-1.5 rounded-lg border px-2 text-[13px] transition-colors active:scale-95 disabled:active:scale-100',
                      reaction.mine
                        ? 'border-accent-bright/60 bg-accent/15 text-accent-fg'
                        : 'border-line bg-fill-subtle text-fg-soft hover:border-line-strong',
                    )}
                    data-testid="reaction-chip"
                    data-emoji={reaction.emoji}
                  >
                    <span className="font-emoji text-base leading-none">{reaction.emoji}</span>
                    <span className="tabular text-xs font-semibold">{reaction.count}</span>
                  </button>
                );
              })}
            </div>
          ) : null}
          {failed && message.pending ? (
            <div
              className="mt-1 flex items-center gap-2 text-xs text-danger-fg"
              role="alert"
              data-testid="message-failed"
            >
              <TriangleAlertIcon aria-hidden size={13} />
              <span>{message.pending.error ?? 'Not sent.'}</span>
              <button
                type="button"
                onClick={() => message.pending && onRetry(message.pending.nonce)}
                className="inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 font-semibold text-fg hover:bg-fill-strong"
                data-testid="message-retry"
              >
                <RefreshCwIcon aria-hidden size={12} /> Retry
              </button>
              <button
                type="button"
                onClick={() => message.pending && onDiscard(message.pending.nonce)}
                className="rounded-md px-1.5 py-0.5 text-fg-muted hover:bg-fill-strong hover:text-fg"
              >
                Discard
              </button>
            </div>
          ) : null}
        </div>
      </div>
      {stored ? (
        <Toolbar
          message={message}
          canReact={canReact}
          canReply={canReply}
          canDelete={canDelete}
          canPin={canPin}
          menuOpen={menuOpen}
          setMenuOpen={setMenuOpen}
          act={act}
        />
      ) : null}
    </div>
  );
});
