import type { TPrivacy } from '@guftagu/contracts';
import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const DEFAULT_PRIVACY: TPrivacy = {
  showOnlineStatus: true,
  allowFriendRequests: 'everyone',
  showMatchCount: true,
  allowMessages: 'everyone',
  sendReadReceipts: true,
};

/** Rows written before a privacy setting existed lack its key; they get the default. */
export function withPrivacyDefaults(stored: Partial<TPrivacy>): TPrivacy {
  return { ...DEFAULT_PRIVACY, ...stored };
}

/** Seed 000's Users collection. Presence lives in the gateway; `isOnline`/`lastActive` are its mirror. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    publicId: char('public_id', { length: 7 }).notNull(),
    email: text('email').notNull(),
    isVerified: boolean('is_verified').notNull().default(false),
    passwordHash: text('password_hash'),
    username: text('username'),
    displayName: text('display_name'),
    bio: text('bio').notNull().default(''),
    profilePicture: text('profile_picture'),
    interests: text('interests').array().notNull().default(sql`'{}'::text[]`),
    isOnline: boolean('is_online').notNull().default(false),
    lastActive: timestamp('last_active', { withTimezone: true }).notNull().defaultNow(),
    joinDate: timestamp('join_date', { withTimezone: true }).notNull().defaultNow(),
    totalMatches: integer('total_matches').notNull().default(0),
    friendsCount: integer('friends_count').notNull().default(0),
    totalMessagesSent: integer('total_messages_sent').notNull().default(0),
    isPremium: boolean('is_premium').notNull().default(false),
    premiumUntil: timestamp('premium_until', { withTimezone: true }),
    premiumPlan: text('premium_plan', { enum: ['monthly', 'yearly', 'lifetime'] }),
    isAdmin: boolean('is_admin').notNull().default(false),
    isBanned: boolean('is_banned').notNull().default(false),
    banReason: text('ban_reason'),
    bannedAt: timestamp('banned_at', { withTimezone: true }),
    bannedBy: uuid('banned_by'),
    banUntil: timestamp('ban_until', { withTimezone: true }),
    privacy: jsonb('privacy').$type<TPrivacy>().notNull().default(DEFAULT_PRIVACY),
    usernameLastChanged: timestamp('username_last_changed', { withTimezone: true }),
    /** The status the user chose; "offline" is derived from having no connected socket. */
    status: text('status', { enum: ['online', 'away', 'busy', 'invisible'] })
      .notNull()
      .default('online'),
    customStatus: text('custom_status'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('users_public_id_key').on(table.publicId),
    uniqueIndex('users_email_key').on(table.email),
    // Usernames are unique regardless of case: "Alice" and "alice" are the same person.
    uniqueIndex('users_username_lower_key').on(sql`lower(${table.username})`),
    index('users_is_online_idx').on(table.isOnline),
    index('users_last_active_idx').on(table.lastActive),
    index('users_created_at_idx').on(table.createdAt),
  ],
);

export type UserRow = typeof users.$inferSelect;

export const usernameHistory = pgTable(
  'username_history',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    oldUsername: text('old_username').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('username_history_user_idx').on(table.userId, table.changedAt)],
);
