import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { attachments } from '../uploads/uploads.schema.js';
import { users } from '../users/users.schema.js';

/** Seed 001's Server. Everything a server owns hangs off it with ON DELETE CASCADE. */
export const servers = pgTable(
  'servers',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    description: text('description'),
    /** The icon's public URL, kept with the upload it came from. */
    icon: text('icon'),
    iconAttachmentId: uuid('icon_attachment_id').references(() => attachments.id, { onDelete: 'set null' }),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The permanent invite code (seed 001's `inviteCode`); extra invites live in `invites`. */
    inviteCode: text('invite_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('servers_invite_code_key').on(table.inviteCode),
    index('servers_owner_idx').on(table.ownerId),
  ],
);

export const serverMembers = pgTable(
  'server_members',
  {
    serverId: uuid('server_id')
      .notNull()
      .references(() => servers.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    nickname: text('nickname'),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.serverId, table.userId] }),
    index('server_members_user_idx').on(table.userId),
  ],
);

/** Permissions are a bitfield in the order of `PERMISSION_NAMES`. */
export const roles = pgTable(
  'roles',
  {
    id: uuid('id').primaryKey(),
    serverId: uuid('server_id')
      .notNull()
      .references(() => servers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    color: text('color').notNull().default('#99aab5'),
    permissions: bigint('permissions', { mode: 'bigint' }).notNull().default(sql`0`),
    mentionable: boolean('mentionable').notNull().default(false),
    hoisted: boolean('hoisted').notNull().default(false),
    /** Higher is more authority; `@everyone` is 0. */
    position: integer('position').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('roles_server_idx').on(table.serverId, table.position),
    // Exactly one @everyone per server.
    uniqueIndex('roles_default_key').on(table.serverId).where(sql`${table.isDefault}`),
  ],
);

export const memberRoles = pgTable(
  'member_roles',
  {
    serverId: uuid('server_id').notNull(),
    userId: uuid('user_id').notNull(),
    roleId: uuid('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.serverId, table.userId, table.roleId] }),
    // Leaving a server drops its role assignments with the membership.
    foreignKey({
      name: 'member_roles_member_fk',
      columns: [table.serverId, table.userId],
      foreignColumns: [serverMembers.serverId, serverMembers.userId],
    }).onDelete('cascade'),
    index('member_roles_role_idx').on(table.roleId),
  ],
);

export const channels = pgTable(
  'channels',
  {
    id: uuid('id').primaryKey(),
    serverId: uuid('server_id')
      .notNull()
      .references(() => servers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    type: text('type', { enum: ['text', 'voice', 'announcement', 'category'] }).notNull(),
    topic: text('topic'),
    position: integer('position').notNull().default(0),
    parentId: uuid('parent_id'),
    slowModeSeconds: integer('slow_mode_seconds').notNull().default(0),
    nsfw: boolean('nsfw').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // Deleting a category leaves its channels uncategorised, as Discord does.
    foreignKey({
      name: 'channels_parent_fk',
      columns: [table.parentId],
      foreignColumns: [table.id],
    }).onDelete('set null'),
    index('channels_server_idx').on(table.serverId, table.position),
  ],
);

/** A channel's allow/deny for one role or member. Role overwrites are removed with the role. */
export const channelOverwrites = pgTable(
  'channel_overwrites',
  {
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    targetId: uuid('target_id').notNull(),
    type: text('type', { enum: ['role', 'member'] }).notNull(),
    allow: bigint('allow', { mode: 'bigint' }).notNull().default(sql`0`),
    deny: bigint('deny', { mode: 'bigint' }).notNull().default(sql`0`),
  },
  (table) => [
    primaryKey({ columns: [table.channelId, table.targetId] }),
    index('channel_overwrites_target_idx').on(table.targetId),
  ],
);

export const invites = pgTable(
  'invites',
  {
    code: text('code').primaryKey(),
    serverId: uuid('server_id')
      .notNull()
      .references(() => servers.id, { onDelete: 'cascade' }),
    inviterId: uuid('inviter_id').references(() => users.id, { onDelete: 'set null' }),
    /** Null: unlimited. */
    maxUses: integer('max_uses'),
    uses: integer('uses').notNull().default(0),
    /** Null: never. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('invites_server_idx').on(table.serverId)],
);

/** Seed 001's bans: a banned user cannot join, by any invite, until the ban lifts. */
export const serverBans = pgTable(
  'server_bans',
  {
    serverId: uuid('server_id')
      .notNull()
      .references(() => servers.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    moderatorId: uuid('moderator_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason'),
    /** Null: permanent. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.serverId, table.userId] })],
);

export type ServerRow = typeof servers.$inferSelect;
export type MemberRow = typeof serverMembers.$inferSelect;
export type RoleRow = typeof roles.$inferSelect;
export type ChannelRow = typeof channels.$inferSelect;
export type OverwriteRow = typeof channelOverwrites.$inferSelect;
export type InviteRow = typeof invites.$inferSelect;
export type BanRow = typeof serverBans.$inferSelect;
