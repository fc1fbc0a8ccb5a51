import { z } from 'zod';
import { ZPresenceStatus } from './profile.js';
import { ZUserId7 } from './user-id.js';
import { ZUsername } from './users.js';

const ZUuid = z.uuid('Must be an id');

/** The small card of a user shown in lists, requests and events. */
export const ZUserCard = z.object({
  userId: z.string(),
  userId7Digit: z.string(),
  username: z.string(),
  displayName: z.string().nullable(),
  profilePicture: z.string().nullable(),
});
export type TUserCard = z.infer<typeof ZUserCard>;

export const ZRequestMessage = z.string().trim().max(200, 'A request message is at most 200 characters');

export const ZSendFriendRequest = z.object({ username: ZUsername, message: ZRequestMessage.optional() });
export const ZSendFriendRequestById = z.object({ userId: ZUserId7, message: ZRequestMessage.optional() });
export const ZRequestIdBody = z.object({ requestId: ZUuid });
export const ZUserIdParam = z.object({ friendId: ZUuid });
export const ZBlockBody = z.object({ userId: ZUuid });

export const ZFriendRequest = z.object({
  id: z.string(),
  status: z.enum(['pending', 'accepted', 'rejected', 'cancelled']),
  message: z.string().nullable(),
  sentAt: z.string(),
  from: ZUserCard,
  to: ZUserCard,
});
export type TFriendRequest = z.infer<typeof ZFriendRequest>;

export const ZFriend = ZUserCard.extend({
  friendsSince: z.string(),
  isOnline: z.boolean(),
  status: ZPresenceStatus,
  customStatus: z.string().nullable(),
  lastActive: z.string().nullable(),
});
export type TFriend = z.infer<typeof ZFriend>;

export const ZFriendsQuery = z.object({
  q: z.string().trim().max(50).optional(),
  sort: z.enum(['recent_activity', 'alphabetical', 'recently_added']).default('recent_activity'),
});
export const ZSearchQuery = z.object({ q: z.string().trim().min(1).max(20) });

/** Socket events of seed 000's friend system; the client may name a target by id, username or 7-digit id. */
export const ZSendFriendRequestEvent = z
  .object({
    toUserId: ZUuid.optional(),
    toUsername: ZUsername.optional(),
    toUserId7Digit: ZUserId7.optional(),
    message: ZRequestMessage.optional(),
  })
  .refine((value) => Boolean(value.toUserId ?? value.toUsername ?? value.toUserId7Digit), {
    message: 'Name the user by toUserId, toUsername or toUserId7Digit',
    path: ['toUserId'],
  });
export const ZUnfriendEvent = z.object({ friendId: ZUuid });

export const ZFriendRequestReceived = z.object({
  requestId: z.string(),
  from: ZUserCard.extend({ bio: z.string(), interests: z.array(z.string()) }),
  message: z.string().nullable(),
  sentAt: z.string(),
});
export const ZFriendRequestAccepted = z.object({
  requestId: z.string(),
  by: ZUserCard,
  acceptedAt: z.string(),
});
export const ZByUser = z.object({ userId: z.string(), username: z.string() });
export const ZFriendRequestRejected = z.object({
  requestId: z.string(),
  by: ZByUser,
  rejectedAt: z.string(),
});
export const ZFriendRequestCancelled = z.object({ requestId: z.string(), by: ZByUser });
export const ZFriendPresence = z.object({
  friendId: z.string(),
  userId7Digit: z.string(),
  username: z.string(),
  displayName: z.string().nullable(),
  profilePicture: z.string().nullable(),
  status: ZPresenceStatus,
  customStatus: z.string().nullable(),
  lastActive: z.string().nullable(),
  timestamp: z.string(),
});
export const ZUnfriended = z.object({ by: ZByUser, timestamp: z.string() });
export const ZBlockedByUser = z.object({ by: ZByUser });
export const ZFriendProfileUpdated = z.object({
  friendId: z.string(),
  profile: ZUserCard,
  /** Seed 000's field: the friend's profile fields as they are now. */
  updatedFields: z.object({
    displayName: z.string().nullable(),
    profilePicture: z.string().nullable(),
    bio: z.string(),
  }),
});

export const ZUpdateStatus = z.object({
  status: z.enum(['online', 'away', 'busy', 'invisible']),
  customStatus: z.string().trim().max(100).nullable().optional(),
});

export const ZFriendRequestResponse = z.object({
  success: z.literal(true),
  request: ZFriendRequest,
  /** True when the other person had already asked you, so this made you friends. */
  autoAccepted: z.boolean(),
});
export const ZFriendResponse = z.object({ success: z.literal(true), friend: ZFriend });
export const ZFriendsResponse = z.object({ success: z.literal(true), friends: z.array(ZFriend) });
export const ZFriendRequestsResponse = z.object({
  success: z.literal(true),
  received: z.array(ZFriendRequest),
  sent: z.array(ZFriendRequest),
});
export const ZUserSearchResponse = z.object({
  success: z.literal(true),
  users: z.array(
    ZUserCard.extend({
      relationship: z.enum([
        'self',
        'none',
        'request_sent',
        'request_received',
        'friends',
        'blocked',
        'blocked_by',
      ]),
    }),
  ),
});
export const ZBlockedUsersResponse = z.object({ success: z.literal(true), blockedUsers: z.array(ZUserCard) });
export const ZOkResponse = z.object({ success: z.literal(true) });
