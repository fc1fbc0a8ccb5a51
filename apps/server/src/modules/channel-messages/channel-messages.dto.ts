import type {
  TAttachment,
  TChannelMessage,
  TChannelMessageAuthor,
  TChannelReaction,
} from '@guftagu/contracts';
import { asc, inArray } from 'drizzle-orm';
import type { AttachmentsPort } from '../messaging/index.js';
import { type UserRow, users } from '../users/index.js';
import type { Executor } from './channel-messages.repo.js';
import { type ChannelMessageRow, channelMessages, channelReactions } from './channel-messages.schema.js';

const REPLY_PREVIEW_LENGTH = 200;

export type AuthorFields = Pick<UserRow, 'id' | 'username' | 'publicId' | 'profilePicture' | 'displayName'>;
type ReactionRow = { messageId: string; userId: string; emoji: string };
type QuotedRow = Pick<ChannelMessageRow, 'id' | 'authorId' | 'content' | 'deletedAt'>;

export function toAuthor(user: AuthorFields | undefined, fallbackId: string): TChannelMessageAuthor {
  return {
    _id: user?.id ?? fallbackId,
    username: user?.username ?? 'Deleted User',
    discriminator: user?.publicId ?? '0000000',
    avatar: user?.profilePicture ?? null,
    displayName: user?.displayName ?? null,
  };
}

export function summarizeReactions(rows: ReactionRow[], viewerId: string | null): TChannelReaction[] {
  const byEmoji = new Map<string, string[]>();
  for (const row of rows) byEmoji.set(row.emoji, [...(byEmoji.get(row.emoji) ?? []), row.userId]);
  return [...byEmoji].map(([emoji, userIds]) => ({
    emoji,
    count: userIds.length,
    mine: viewerId !== null && userIds.includes(viewerId),
    userIds,
  }));
}

function replyPreview(quoted: QuotedRow) {
  return {
    id: quoted.id,
    authorId: quoted.authorId,
    content: quoted.deletedAt ? '' : quoted.content.slice(0, REPLY_PREVIEW_LENGTH),
    deleted: quoted.deletedAt !== null,
  };
}

interface Extras {
  author: AuthorFields | undefined;
  attachments: TAttachment[];
  quoted: QuotedRow | undefined;
  reactions: TChannelReaction[];
  /** Null for a room broadcast: everyone gets the same object, so no viewer-specific fields. */
  viewerId: string | null;
  authorBlocked?: boolean;
}

export function buildMessage(row: ChannelMessageRow, extras: Extras): TChannelMessage {
  const deleted = row.deletedAt !== null;
  const author = toAuthor(extras.author, row.authorId);
  const editedAt = deleted ? null : (row.editedAt?.toISOString() ?? null);
  return {
    _id: row.id,
    content: deleted ? '' : row.content,
    user: author,
    author,
    channel: row.channelId,
    server: row.serverId,
    createdAt: row.createdAt.toISOString(),
    fileUrl: deleted ? null : row.fileUrl,
    edited: editedAt !== null,
    editedAt,
    id: row.id,
    channelId: row.channelId,
    serverId: row.serverId,
    attachments: deleted ? [] : extras.attachments,
    replyTo: !deleted && extras.quoted ? replyPreview(extras.quoted) : null,
    reactions: deleted ? [] : extras.reactions,
    mentions: {
      users: row.mentionUserIds,
      roles: row.mentionRoleIds,
      everyone: row.mentionsEveryone,
    },
    pinned: !deleted && row.pinnedAt !== null,
    nonce: extras.viewerId !== null && extras.viewerId === row.authorId ? row.nonce : null,
    ...(extras.authorBlocked ? { authorBlocked: true } : {}),
  };
}

/**
 * The DTOs `viewerId` sees for `rows`, in their order: authors, reactions, attachments and reply
 * previews are loaded with one query each however many messages there are. `blocked` holds the users
 * the viewer blocked; their messages carry `authorBlocked` so the client collapses them.
 */
export async function toChannelMessages(
  db: Executor,
  attachmentsPort: AttachmentsPort,
  viewerId: string,
  rows: ChannelMessageRow[],
  blocked: ReadonlySet<string> = new Set(),
): Promise<TChannelMessage[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const authorIds = [...new Set(rows.map((row) => row.authorId))];
  const replyIds = [...new Set(rows.flatMap((row) => (row.replyToId ? [row.replyToId] : [])))];
  const [authors, reactionRows, attachments, replies] = await Promise.all([
    db
      .select({
        id: users.id,
        username: users.username,
        publicId: users.publicId,
        profilePicture: users.profilePicture,
        displayName: users.displayName,
      })
      .from(users)
      .where(inArray(users.id, authorIds)),
    db
      .select({
        messageId: channelReactions.messageId,
        userId: channelReactions.userId,
        emoji: channelReactions.emoji,
      })
      .from(channelReactions)
      .where(inArray(channelReactions.messageId, ids))
      .orderBy(asc(channelReactions.createdAt)),
    attachmentsPort.listForMessages(db, ids),
    replyIds.length > 0
      ? db
          .select({
            id: channelMessages.id,
            authorId: channelMessages.authorId,
            content: channelMessages.content,
            deletedAt: channelMessages.deletedAt,
          })
          .from(channelMessages)
          .where(inArray(channelMessages.id, replyIds))
      : Promise.resolve([]),
  ]);
  const authorById = new Map(authors.map((author) => [author.id, author]));
  const reactionsByMessage = new Map<string, ReactionRow[]>();
  for (const row of reactionRows)
    reactionsByMessage.set(row.messageId, [...(reactionsByMessage.get(row.messageId) ?? []), row]);
  const replyById = new Map(replies.map((reply) => [reply.id, reply]));
  return rows.map((row) =>
    buildMessage(row, {
      author: authorById.get(row.authorId),
      attachments: attachments.get(row.id) ?? [],
      quoted: row.replyToId ? replyById.get(row.replyToId) : undefined,
      reactions: summarizeReactions(reactionsByMessage.get(row.id) ?? [], viewerId),
      viewerId,
      authorBlocked: blocked.has(row.authorId),
    }),
  );
}
