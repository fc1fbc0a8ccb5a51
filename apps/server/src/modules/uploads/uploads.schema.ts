import { sql } from 'drizzle-orm';
import { index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.schema.js';

/**
 * One uploaded file. It starts unclaimed (`message_id` null) and is claimed by exactly one message of its
 * owner; unclaimed rows older than a day are swept with their objects. `message_id` carries no foreign
 * key on purpose: messages belong to the messaging module, and a claim is made inside its transaction.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['image', 'file'] }).notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    name: text('name').notNull(),
    storageKey: text('storage_key').notNull(),
    thumbnailKey: text('thumbnail_key'),
    width: integer('width'),
    height: integer('height'),
    messageId: uuid('message_id'),
    /** The attachment's place in its message, as the sender ordered them. */
    position: smallint('position'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // The local file route finds the row (name, type) from the key in the URL.
    uniqueIndex('attachments_storage_key_key').on(table.storageKey),
    uniqueIndex('attachments_thumbnail_key_key').on(table.thumbnailKey),
    index('attachments_message_idx').on(table.messageId),
    index('attachments_unclaimed_idx').on(table.createdAt).where(sql`${table.messageId} is null`),
    index('attachments_owner_idx').on(table.ownerId),
  ],
);

export type AttachmentRow = typeof attachments.$inferSelect;
