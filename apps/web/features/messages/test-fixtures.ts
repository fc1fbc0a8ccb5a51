import type { TDirectMessage } from '@guftagu/contracts';

/** A stored text message for tests: sent, unread, unedited, with whatever `change` says. */
export function dmMessage(
  change: Pick<TDirectMessage, 'id' | 'senderId' | 'recipientId'> & Partial<TDirectMessage>,
): TDirectMessage {
  return {
    conversationId: 'c1',
    content: change.id,
    messageType: 'text',
    attachments: [],
    replyTo: null,
    reactions: [],
    status: 'sent',
    deliveredAt: null,
    readAt: null,
    editedAt: null,
    deletedForEveryone: false,
    deletedAt: null,
    createdAt: '2026-01-01T10:00:00.000Z',
    nonce: null,
    ...change,
  };
}
