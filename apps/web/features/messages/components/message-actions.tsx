'use client';

import { DM_EDIT_WINDOW_MS } from '@guftagu/contracts';
import * as Menu from '@radix-ui/react-dropdown-menu';
import { CopyIcon, EllipsisIcon, PencilIcon, ReplyIcon, SmileIcon, TrashIcon } from 'lucide-react';
import { DropdownContent, DropdownItem, DropdownSeparator } from '@/components/ui/dropdown';
import { QUICK_REACTIONS } from '@/features/messages/emoji';
import { cn } from '@/lib/utils';
import type { DisplayMessage } from './display';
import { EmojiPicker } from './emoji-picker';

export type MessageAction =
  | { type: 'reply' }
  | { type: 'edit' }
  | { type: 'copy' }
  | { type: 'delete'; scope: 'me' | 'everyone' }
  | { type: 'react'; emoji: string };

const toolButton =
  'inline-flex size-8 items-center justify-center rounded-lg text-fg-muted transition-colors hover:bg-fill-strong hover:text-fg data-[state=open]:bg-fill-strong data-[state=open]:text-fg';

export function canEdit(message: DisplayMessage, now: number): boolean {
  return (
    message.mine &&
    message.id !== null &&
    !message.deleted &&
    message.messageType !== 'system' &&
    message.content.length > 0 &&
    now - new Date(message.createdAt).getTime() < DM_EDIT_WINDOW_MS
  );
}

/**
 * The hover / focus toolbar beside a bubble (react, reply, more) and its menu, which a long press or
 * right click also opens on touch screens.
 */
export function MessageActions({
  message,
  now,
  menuOpen,
  onMenuOpenChange,
  onAction,
}: {
  message: DisplayMessage;
  now: number;
  menuOpen: boolean;
  onMenuOpenChange: (open: boolean) => void;
  onAction: (action: MessageAction) => void;
}) {
  if (message.id === null || message.deleted || message.messageType === 'system') return null;
  return (
    <div
      className={cn(
        'flex shrink-0 items-center gap-0.5 self-center rounded-xl border border-line bg-sunken/90 p-0.5 shadow-lift backdrop-blur-md transition-opacity duration-150',
        'opacity-0 group-hover:opacity-100 group-focus-within:opacity-100',
        menuOpen && 'opacity-100',
        message.mine ? 'order-first' : 'order-last',
      )}
    >
      <EmojiPicker
        closeOnPick
        align={message.mine ? 'end' : 'start'}
        onPick={(emoji) => onAction({ type: 'react', emoji })}
        trigger={
          <button type="button" className={toolButton} aria-label="React" data-testid="message-react">
            <SmileIcon aria-hidden size={17} />
          </button>
        }
      />
      <button
        type="button"
        className={toolButton}
        onClick={() => onAction({ type: 'reply' })}
        aria-label="Reply"
        data-testid="message-reply"
      >
        <ReplyIcon aria-hidden size={17} />
      </button>
      <Menu.Root open={menuOpen} onOpenChange={onMenuOpenChange} modal={false}>
        <Menu.Trigger className={toolButton} aria-label="More actions" data-testid="message-more">
          <EllipsisIcon aria-hidden size={17} />
        </Menu.Trigger>
        <DropdownContent
          align={message.mine ? 'end' : 'start'}
          className="min-w-52"
          data-testid="message-menu"
        >
          <div className="flex justify-between gap-0.5 px-0.5 pb-1">
            {QUICK_REACTIONS.map((emoji) => (
              <Menu.Item
                key={emoji}
                onSelect={() => onAction({ type: 'react', emoji })}
                className="flex size-9 cursor-pointer items-center justify-center rounded-lg font-emoji text-xl outline-none transition-transform data-[highlighted]:scale-110 data-[highlighted]:bg-fill-strong"
                aria-label={`React with ${emoji}`}
              >
                {emoji}
              </Menu.Item>
            ))}
          </div>
          <DropdownSeparator />
          <DropdownItem
            icon={<ReplyIcon aria-hidden size={16} />}
            onSelect={() => onAction({ type: 'reply' })}
          >
            Reply
          </DropdownItem>
          {canEdit(message, now) ? (
            <DropdownItem
              icon={<PencilIcon aria-hidden size={16} />}
              onSelect={() => onAction({ type: 'edit' })}
              data-testid="message-edit"
            >
              Edit
            </DropdownItem>
          ) : null}
          {message.content ? (
            <DropdownItem
              icon={<CopyIcon aria-hidden size={16} />}
              onSelect={() => onAction({ type: 'copy' })}
            >
              Copy text
            </DropdownItem>
          ) : null}
          <DropdownSeparator />
          <DropdownItem
            tone="danger"
            icon={<TrashIcon aria-hidden size={16} />}
            onSelect={() => onAction({ type: 'delete', scope: 'me' })}
            data-testid="message-delete-me"
          >
            Delete for me
          </DropdownItem>
          {message.mine ? (
            <DropdownItem
              tone="danger"
              icon={<TrashIcon aria-hidden size={16} />}
              onSelect={() => onAction({ type: 'delete', scope: 'everyone' })}
              data-testid="message-delete-everyone"
            >
              Delete for everyone
            </DropdownItem>
          ) : null}
        </DropdownContent>
      </Menu.Root>
    </div>
  );
}
