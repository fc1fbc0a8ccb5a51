import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { channels, servers } from '../communities/communities.schema.js';
import { users } from '../users/users.schema.js';

/**
 * Who is in which voice channel right now. The primary key `user_id` is the rule "one voice channel
 * per user" across tabs and nodes: a join is one upsert, so two tabs racing end in one row. The
 * socket that joined holds the session; when it drops, `grace_until` is set and a job on every node
 * removes the row once it passes (unless the user joins again from a live socket).
 */
export const voiceStates = pgTable(
  'voice_states',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    serverId: uuid('server_id')
      .notNull()
      .references(() => servers.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    socketId: text('socket_id').notNull(),
    selfMute: boolean('self_mute').notNull().default(false),
    selfDeaf: boolean('self_deaf').notNull().default(false),
    serverMute: boolean('server_mute').notNull().default(false),
    serverDeaf: boolean('server_deaf').notNull().default(false),
    camera: boolean('camera').notNull().default(false),
    screenShare: boolean('screen_share').notNull().default(false),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    graceUntil: timestamp('grace_until', { withTimezone: true }),
  },
  (table) => [
    index('voice_states_server_idx').on(table.serverId),
    index('voice_states_channel_idx').on(table.channelId),
  ],
);

export type VoiceStateRow = typeof voiceStates.$inferSelect;
