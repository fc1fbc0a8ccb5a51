import type {
  TConversation,
  TConversationsQuery,
  TDmOtherUser,
  TDmRequestState,
  TPrivacy,
} from '@guftagu/contracts';
import { sql } from 'drizzle-orm';
import { toUserCard, visiblePresence } from '../social/index.js';
import type { UserRow } from '../users/index.js';
import { withPrivacyDefaults } from '../users/index.js';
import type { Executor } from './messaging.repo.js';
import { canSendNow } from './send-policy.js';

/** One page of the conversation list; `before` (a conversation id) pages further. */
export const LIST_PAGE = 200;
const PREVIEW_LENGTH = 100;

interface ConversationSqlRow extends Record<string, unknown> {
  id: string;
  request_state: 'none' | 'pending' | 'accepted' | 'rejected';
  requested_by: string | null;
  last_message_at: Date | null;
  archived: boolean;
  other_id: string;
  public_id: string;
  username: string | null;
  display_name: string | null;
  profile_picture: string | null;
  is_online: boolean;
  status: UserRow['status'];
  custom_status: string | null;
  last_active: Date;
  privacy: Partial<TPrivacy>;
  is_friend: boolean;
  is_blocked: boolean;
  lm_id: string | null;
  lm_sender_id: string | null;
  lm_content: string | null;
  lm_type: 'text' | 'image' | 'file' | 'system' | null;
  lm_created_at: Date | null;
  lm_deleted_at: Date | null;
  lm_delivered_at: Date | null;
  lm_read_at: Date | null;
  unread: number;
}

/** What the viewer may see of the other user: presence follows friendship, privacy and blocks. */
export function otherUserView(
  user: Pick<
    UserRow,
    | 'id'
    | 'publicId'
    | 'username'
    | 'displayName'
    | 'profilePicture'
    | 'isOnline'
    | 'status'
    | 'customStatus'
    | 'lastActive'
    | 'privacy'
  >,
  relation: { isFriend: boolean; isBlocked: boolean },
): TDmOtherUser {
  const seesPresence =
    !relation.isBlocked && (relation.isFriend || withPrivacyDefaults(user.privacy).showOnlineStatus);
  const presence = visiblePresence(user);
  return {
    ...toUserCard(user),
    isOnline: seesPresence && presence.isOnline,
    status: seesPresence ? presence.status : 'offline',
    lastActive: seesPresence ? presence.lastActive : null,
    isFriend: relation.isFriend,
  };
}

function requestStateFor(viewerId: string, row: ConversationSqlRow): TDmRequestState {
  if (row.is_friend) return 'none';
  if (row.request_state === 'pending') return row.requested_by === viewerId ? 'outgoing' : 'incoming';
  if (row.request_state === 'rejected') return 'rejected';
  return 'none';
}

function toConversation(viewerId: string, row: ConversationSqlRow): TConversation {
  const relation = { isFriend: row.is_friend, isBlocked: row.is_blocked };
  const other = {
    id: row.other_id,
    publicId: row.public_id,
    username: row.username,
    displayName: row.display_name,
    profilePicture: row.profile_picture,
    isOnline: row.is_online,
    status: row.status,
    customStatus: row.custom_status,
    lastActive: new Date(row.last_active),
    privacy: withPrivacyDefaults(row.privacy),
  };
  // An asker is not told their request was read until it is accepted.
  const receiptsOn =
    withPrivacyDefaults(row.privacy).sendReadReceipts &&
    !(row.request_state === 'pending' && row.requested_by === viewerId);
  const isMine = row.lm_sender_id === viewerId;
  const lastMessage =
    row.lm_id && row.lm_sender_id && row.lm_type && row.lm_created_at
      ? {
          id: row.lm_id,
          senderId: row.lm_sender_id,
          content: row.lm_deleted_at ? '' : (row.lm_content ?? '').slice(0, PREVIEW_LENGTH),
          messageType: row.lm_type,
          status:
            row.lm_read_at && (!isMine || receiptsOn)
              ? ('read' as const)
              : row.lm_delivered_at || row.lm_read_at
                ? ('delivered' as const)
                : ('sent' as const),
          deleted: row.lm_deleted_at !== null,
          createdAt: new Date(row.lm_created_at).toISOString(),
        }
      : null;
  return {
    id: row.id,
    otherUser: otherUserView(other, relation),
    lastMessage,
    lastMessageAt: row.last_message_at ? new Date(row.last_message_at).toISOString() : null,
    unreadCount: row.unread,
    archived: row.archived,
    requestState: requestStateFor(viewerId, row),
    canSend: canSendNow(
      viewerId,
      other,
      { requestState: row.request_state, requestedBy: row.requested_by },
      relation,
    ),
  };
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * The caller's conversations with everything the list shows, in one query: the other user, the
 * newest message the caller can still see, and the exact unread count. Incoming requests live in the
 * `requests` view only; a request the caller rejected disappears from every view.
 */
export async function listConversations(
  db: Executor,
  viewerId: string,
  options: Partial<TConversationsQuery> & { otherUserId?: string; limit?: number },
): Promise<TConversation[]> {
  // Keyset paging on the list order; the cursor row's current position is the boundary.
  const after = options.before
    ? sql`and (c.last_message_at, c.id) < (select b.last_message_at, b.id from dm_conversations b where b.id = ${options.before})`
    : sql``;
  // Becoming friends settles a request even before anyone writes again (the next send records it).
  const isFriend = sql`exists (select 1 from friendships f where f.user_id = ${viewerId} and f.friend_id = p.other_user_id)`;
  const incoming = sql`(c.request_state in ('pending', 'rejected') and c.requested_by <> ${viewerId} and not ${isFriend})`;
  const viewFilter = options.otherUserId
    ? sql`p.other_user_id = ${options.otherUserId}`
    : options.view === 'requests'
      ? sql`c.request_state = 'pending' and c.requested_by <> ${viewerId} and not ${isFriend}`
      : options.view === 'archived'
        ? sql`p.archived and not ${incoming}`
        : sql`not p.archived and not ${incoming}`;
  const q = options.q?.trim();
  const nameFilter = q
    ? sql`and (u.username ilike ${`%${escapeLike(q)}%`} or u.display_name ilike ${`%${escapeLike(q)}%`} or u.public_id = ${q})`
    : sql``;
  const result = await db.execute<ConversationSqlRow>(sql`
    select c.id, c.request_state, c.requested_by, c.last_message_at, p.archived,
      u.id as other_id, u.public_id, u.username, u.display_name, u.profile_picture, u.is_online, u.status,
      u.custom_status, u.last_active, u.privacy,
      exists (select 1 from friendships f where f.user_id = ${viewerId} and f.friend_id = u.id) as is_friend,
      exists (select 1 from blocks b where (b.blocker_id = ${viewerId} and b.blocked_id = u.id)
        or (b.blocker_id = u.id and b.blocked_id = ${viewerId})) as is_blocked,
      lm.id as lm_id, lm.sender_id as lm_sender_id, lm.content as lm_content, lm.message_type as lm_type,
      lm.created_at as lm_created_at, lm.deleted_at as lm_deleted_at, lm.delivered_at as lm_delivered_at,
      lm.read_at as lm_read_at,
      coalesce(unread.n, 0) as unread
    from dm_participants p
    join dm_conversations c on c.id = p.conversation_id
    join users u on u.id = p.other_user_id
    left join lateral (
      select m.id, m.sender_id, m.content, m.message_type, m.created_at, m.deleted_at, m.delivered_at, m.read_at
      from dm_messages m
      where m.conversation_id = c.id
        and not exists (select 1 from dm_hidden h where h.message_id = m.id and h.user_id = ${viewerId})
      order by m.id desc limit 1
    ) lm on true
    left join lateral (
      select count(*)::int as n from dm_messages m
      where m.conversation_id = c.id and m.recipient_id = ${viewerId} and m.read_at is null
        and m.deleted_at is null
        and not (c.request_state = 'rejected' and c.requested_by = m.sender_id)
        and not exists (select 1 from dm_hidden h where h.message_id = m.id and h.user_id = ${viewerId})
    ) unread on true
    where p.user_id = ${viewerId} and ${viewFilter} ${nameFilter}
      and (lm.id is not null or ${options.otherUserId ? sql`true` : sql`false`}) ${after}
    order by c.last_message_at desc nulls last, c.id desc
    limit ${options.limit ?? LIST_PAGE}
  `);
  return result.rows.map((row) => toConversation(viewerId, row));
}
