'use client';

import type { TAttachment } from '@guftagu/contracts';
import { RefreshCwIcon, TrashIcon, TriangleAlertIcon } from 'lucide-react';
import { memo, useRef, useState } from 'react';
import { formatFullTime, formatMessageTime } from '@/features/messages/format';
import { cn } from '@/lib/utils';
import type { DisplayMessage } from './display';
import { type MessageAction, MessageActions } from './message-actions';
import { MessageAttachments } from './message-attachments';
import { MessageTicks } from './message-ticks';
import { ReactionsRow } from './reactions-row';
import { ReplyQuote } from './reply-quote';

/** How long a finger must rest on a bubble to open its menu. */
const LONG_PRESS_MS = 450;

export interface MessageBubbleProps {
  message: DisplayMessage;
  now: number;
  joinsPrevious: boolean;
  joinsNext: boolean;
  highlighted: boolean;
  otherName: string;
  nameOf: (userId: string) => string;
  onAction: (message: DisplayMessage, action: MessageAction) => void;
  onJump: (messageId: string) => void;
  onOpenImage: (message: DisplayMessage, attachment: TAttachment) => void;
  onRetry: (nonce: string) => void;
  onDiscard: (nonce: string) => void;
}

export const MessageBubble = memo(function MessageBubble({
  message,
  now,
  joinsPrevious,
  joinsNext,
  highlighted,
  otherName,
  nameOf,
  onAction,
  onJump,
  onOpenImage,
  onRetry,
  onDiscard,
}: MessageBubbleProps) {
  const [menuOpen, setMenuOpen] = useState(false);
  const pressTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { mine, deleted } = message;
  const failed = message.pending?.state === 'failed';
  const actionable = message.id !== null && !deleted;

  const cancelPress = () => {
    if (pressTimer.current) clearTimeout(pressTimer.current);
    pressTimer.current = null;
  };
  const system = message.messageType === 'system';

  if (system) {
    return (
      <div className="flex justify-center px-4 py-2" data-testid="message" data-system="true">
        <p className="max-w-md rounded-2xl border border-accent-bright/20 bg-accent/10 px-4 py-2 text-center text-[13px] text-accent-soft">
          {message.content}
        </p>
      </div>
    );
  }

  return (
    <div
      className={cn(
        'group flex flex-col px-3 sm:px-6',
        mine ? 'items-end' : 'items-start',
        joinsPrevious ? 'pt-0.5' : 'pt-3',
        message.reactions.length > 0 && 'pb-1',
      )}
      data-testid="message"
      data-message-id={message.id ?? undefined}
      data-mine={mine ? 'true' : 'false'}
      data-deleted={deleted ? 'true' : 'false'}
    >
      <div className={cn('flex max-w-[min(34rem,86%)] items-end gap-1.5', mine ? 'flex-row' : 'flex-row')}>
        {actionable ? (
          <MessageActions
            message={message}
            now={now}
            menuOpen={menuOpen}
            onMenuOpenChange={setMenuOpen}
            onAction={(action) => onAction(message, action)}
          />
        ) : null}
        {/* biome-ignore lint/a11y/noStaticElementInteractions: long press / right click are touch and mouse shortcuts; the same menu is a button in the toolbar for keyboards. */}
        <div
          className={cn(
            'relative min-w-0 rounded-[1.25rem] px-3.5 py-2 text-[15px] leading-[1.45] shadow-[var(--shadow-inset-top),var(--shadow-lift)] transition-[box-shadow,background-color] duration-500',
            mine
              ? 'bg-gradient-to-br from-bubble-own to-bubble-own-strong text-on-accent'
              : 'border border-line bg-elevated/90 text-fg',
            mine && joinsPrevious && 'rounded-tr-md',
            mine && joinsNext && 'rounded-br-md',
            !mine && joinsPrevious && 'rounded-tl-md',
            !mine && joinsNext && 'rounded-bl-md',
            deleted &&
              'border border-dashed border-line-strong bg-transparent bg-none text-fg-subtle shadow-none',
            failed && 'ring-2 ring-danger-bright/70',
            message.pending?.state === 'sending' && 'opacity-80',
            highlighted && 'ring-2 ring-glow/80 ring-offset-2 ring-offset-canvas',
          )}
          onContextMenu={(event) => {
            if (!actionable) return;
            event.preventDefault();
            setMenuOpen(true);
          }}
          onTouchStart={() => {
            if (!actionable) return;
            cancelPress();
            pressTimer.current = setTimeout(() => setMenuOpen(true), LONG_PRESS_MS);
          }}
          onTouchEnd={cancelPress}
          onTouchMove={cancelPress}
          data-testid="message-bubble"
        >
          <span className="sr-only">{mine ? 'You: ' : `${otherName}: `}</span>
          {deleted ? (
            <p className="flex items-center gap-1.5 text-[14px] italic" data-testid="message-tombstone">
              <TrashIcon aria-hidden size={14} /> This message was deleted
            </p>
          ) : (
            <>
              {message.replyTo ? (
                <ReplyQuote
                  reply={message.replyTo}
                  author={
                    message.replyTo.senderId === message.senderId && mine
                      ? 'You'
                      : nameOf(message.replyTo.senderId)
                  }
                  mine={mine}
                  onJump={onJump}
                />
              ) : null}
              {message.attachments.length > 0 ? (
                <div className={cn(message.content ? 'mb-1.5' : '', '-mx-1.5 mt-0.5')}>
                  <MessageAttachments
                    attachments={message.attachments}
                    mine={mine}
                    onOpenImage={(attachment) => onOpenImage(message, attachment)}
                  />
                </div>
              ) : null}
              {message.content ? (
                <p
                  className="break-words whitespace-pre-wrap [overflow-wrap:anywhere]"
                  data-testid="message-text"
                >
                  {message.content}
                </p>
              ) : null}
            </>
          )}
          <span
            className={cn(
              'mt-0.5 flex items-center justify-end gap-1 text-[11px] leading-none select-none',
              mine && !deleted ? 'text-on-accent/70' : 'text-fg-subtle',
            )}
          >
            {message.editedAt && !deleted ? <span data-testid="message-edited">edited ·</span> : null}
            <time dateTime={message.createdAt} title={formatFullTime(message.createdAt)}>
              {formatMessageTime(message.createdAt, now)}
            </time>
            {message.tick && message.tick !== 'failed' ? <MessageTicks state={message.tick} /> : null}
          </span>
        </div>
      </div>
      <ReactionsRow
        reactions={message.reactions}
        mine={mine}
        nameOf={nameOf}
        onToggle={(emoji) => onAction(message, { type: 'react', emoji })}
      />
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
  );
});
