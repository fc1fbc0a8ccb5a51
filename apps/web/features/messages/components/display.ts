import type { TAttachment, TDirectMessage, TDmReaction, TDmReplyPreview } from '@guftagu/contracts';
import type { PendingMessage } from '@/features/messages/thread-store';
import type { TickState } from './message-ticks';

/** One bubble as the chat renders it: a stored message or one still being sent. */
export interface DisplayMessage {
  /** Stable across the optimistic → stored swap (the nonce), so the bubble never remounts. */
  key: string;
  /** The stored id; null while pending. */
  id: string | null;
  senderId: string;
  mine: boolean;
  content: string;
  messageType: TDirectMessage['messageType'];
  attachments: TAttachment[];
  replyTo: TDmReplyPreview | null;
  reactions: TDmReaction[];
  tick: TickState | null;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  stored: TDirectMessage | null;
  pending: PendingMessage | null;
}

export function fromStored(message: TDirectMessage, me: string): DisplayMessage {
  const mine = message.senderId === me;
  return {
    key: message.nonce ?? message.id,
    id: message.id,
    senderId: message.senderId,
    mine,
    content: message.content,
    messageType: message.messageType,
    attachments: message.attachments,
    replyTo: message.replyTo,
    reactions: message.reactions,
    tick: mine && !message.deletedForEveryone ? message.status : null,
    createdAt: message.createdAt,
    editedAt: message.editedAt,
    deleted: message.deletedForEveryone,
    stored: message,
    pending: null,
  };
}

export function fromPending(pending: PendingMessage, me: string): DisplayMessage {
  return {
    key: pending.nonce,
    id: null,
    senderId: me,
    mine: true,
    content: pending.content,
    messageType: pending.attachments.some((item) => item.kind === 'image') ? 'image' : 'text',
    attachments: pending.attachments,
    replyTo: pending.replyTo,
    reactions: [],
    tick: pending.state === 'failed' ? 'failed' : 'sending',
    createdAt: pending.createdAt,
    editedAt: null,
    deleted: false,
    stored: null,
    pending,
  };
}
