import type { TChannelReadState } from '@guftagu/contracts';
import { sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { ChannelMessagesContext } from './channel-messages.context.js';
import { findMessage } from './channel-messages.repo.js';
import { channelReadStates } from './channel-messages.schema.js';

type StateRow = {
  channel_id: string;
  last_read_id: string | null;
  last_message_id: string | null;
  unread: number | string;
  mentions: number | string;
};

/**
 * Unread state per channel: one read position per user and channel that only moves forward, so
 * two tabs marking different messages end at the newer one, and the counts are always computed from
 * storage (never incremented), which keeps them exact across tabs and reconnects.
 */
export class ReadStateService {
  constructor(private readonly context: ChannelMessagesContext) {}

  private get db() {
    return this.context.db;
  }

  async markRead(userId: string, channelId: string, messageId: string): Promise<TChannelReadState> {
    const access = await this.context.guard.readable(userId, channelId);
    const message = await findMessage(this.db, messageId);
    if (!message || message.channelId !== channelId)
      throw new AppError('NOT_FOUND', 'Message not found', { field: 'messageId' });
    await this.db
      .insert(channelReadStates)
      .values({ userId, channelId, lastReadId: messageId })
      .onConflictDoUpdate({
        target: [channelReadStates.userId, channelReadStates.channelId],
        set: {
          lastReadId: sql`greatest(${channelReadStates.lastReadId}, excluded.last_read_id)`,
          updatedAt: sql`now()`,
        },
      });
    const [state] = await this.states(userId, [channelId]);
    if (!state) throw new Error('read state vanished');
    await this.context.afterCommit('channel read update', () =>
      this.context.deps.publisher.toUser(userId, 'channel_read_update', {
        ...state,
        serverId: access.serverId,
      }),
    );
    return state;
  }

  async serverUnread(userId: string, serverId: string) {
    const memberOf = await this.context.deps.communities.memberServerIds(userId);
    if (!memberOf.includes(serverId)) throw new AppError('NOT_FOUND', 'Server not found');
    const readable = await this.context.deps.communities.readableChannelIds(userId, serverId);
    const channels = await this.states(userId, readable);
    return {
      serverId,
      channels,
      unreadCount: channels.reduce((sum, channel) => sum + channel.unreadCount, 0),
      mentionCount: channels.reduce((sum, channel) => sum + channel.mentionCount, 0),
    };
  }

  /** The exact state of each channel for `userId`, in one statement. */
  async states(userId: string, channelIds: string[]): Promise<TChannelReadState[]> {
    if (channelIds.length === 0) return [];
    const ids = sql.raw(`'{${channelIds.map((id) => id.replace(/[^0-9a-fA-F-]/g, '')).join(',')}}'::uuid[]`);
    const result = await this.db.execute<StateRow & Record<string, unknown>>(sql`
      select c.channel_id, rs.last_read_id,
        (select m.id from channel_messages m
          where m.channel_id = c.channel_id and m.deleted_at is null order by m.id desc limit 1) as last_message_id,
        (select count(*) from channel_messages m
          where m.channel_id = c.channel_id and m.deleted_at is null and m.author_id <> ${userId}
            and (rs.last_read_id is null or m.id > rs.last_read_id)) as unread,
        (select count(*) from channel_messages m
          where m.channel_id = c.channel_id and m.deleted_at is null and m.author_id <> ${userId}
            and (rs.last_read_id is null or m.id > rs.last_read_id)
            and (m.mentions_everyone or exists (
              select 1 from channel_mentions cm where cm.message_id = m.id and cm.user_id = ${userId}))) as mentions
      from unnest(${ids}) as c(channel_id)
      left join channel_read_states rs on rs.user_id = ${userId} and rs.channel_id = c.channel_id`);
    return result.rows.map((row) => ({
      channelId: row.channel_id,
      lastReadId: row.last_read_id,
      lastMessageId: row.last_message_id,
      unreadCount: Number(row.unread),
      mentionCount: Number(row.mentions),
    }));
  }
}
