import { type SQL, sql } from 'drizzle-orm';
import { newId } from '../../platform/ids.js';
import { notifications } from './notifications.schema.js';
import { NOTIFICATION_TTL_DAYS } from './notifications.service.js';

/**
 * A notification kept once per sender while unread (`new_message`: "3 new messages from Ana"),
 * written by SQL this module builds but the caller runs inside its own statement. Messaging's send
 * path folds it into the statement that counts the recipient's unread messages, so a stored message
 * costs one statement after commit (see modules/messaging/README.md), while the notifications table's
 * SQL stays here.
 */
export interface GroupedNotification {
  id: string;
  userId: string;
  type: 'new_message' | 'system';
  /** The title while the sender has one unread item, and with more (`{count}` = how many). */
  titles: { one: string; many: string };
  content: string;
  relatedUserId: string;
  relatedId: string;
  actionUrl: string;
  expiresAt: Date;
}

export function newGroupedNotification(
  values: Omit<GroupedNotification, 'id' | 'expiresAt'>,
): GroupedNotification {
  return { ...values, id: newId(), expiresAt: new Date(Date.now() + NOTIFICATION_TTL_DAYS * 86_400_000) };
}

/**
 * The CTEs `removed`, `sender_unread` and `added`: for `new_message`, the sender's earlier unread
 * notifications go and the new one is titled with `senderUnread` (an SQL expression: how many unread
 * items the sender has now). `added` returns `created_at` and `title`.
 */
export function groupedNotificationCtes(values: GroupedNotification, senderUnread: SQL): SQL {
  const grouped = values.type === 'new_message';
  return sql`removed as (
      delete from ${notifications}
      where ${grouped} and user_id = ${values.userId} and type = 'new_message'
        and related_user_id = ${values.relatedUserId} and is_read = false
      returning expires_at
    ), sender_unread as (
      select ${senderUnread} as n
    ), added as (
      insert into ${notifications} (id, user_id, type, title, content, related_user_id, related_id, action_url, expires_at)
      select ${values.id}::uuid, ${values.userId}::uuid, ${values.type}::text,
             left(case when n > 1 then replace(${values.titles.many}::text, '{count}', n::text) else ${values.titles.one}::text end, 100),
             ${values.content}::text, ${values.relatedUserId}::uuid, ${values.relatedId}::uuid, ${values.actionUrl}::text,
             ${values.expiresAt.toISOString()}::timestamptz
      from sender_unread
      returning created_at, title
    )`;
}

/**
 * The user's unread notification count after the CTEs above: the statement's snapshot does not see
 * its own writes, so it is the count before, minus the unread ones removed, plus one.
 */
export function unreadCountAfterGrouping(userId: string): SQL {
  return sql`(select count(*) from ${notifications} where user_id = ${userId} and is_read = false and expires_at > now())
        - (select count(*) from removed where expires_at > now()) + 1`;
}

/** What the caller's statement returned about the stored notification, and whom it is about. */
export interface StoredGroupedNotification {
  title: string;
  createdAt: Date;
  /** The user's unread notifications after this one (`unreadCountAfterGrouping`). */
  unreadCount: number;
  related: { username: string | null; publicId: string; profilePicture: string | null };
}
