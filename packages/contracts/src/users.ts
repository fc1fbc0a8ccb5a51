import { z } from 'zod';

export const USERNAME_PATTERN = /^[A-Za-z0-9_]{3,20}$/;

/** Names that collide with routes (/profile/edit, /api/user/profile, …) or impersonate the platform. */
export const RESERVED_USERNAMES: ReadonlySet<string> = new Set([
  'admin',
  'administrator',
  'api',
  'edit',
  'guftagu',
  'help',
  'id',
  'me',
  'moderator',
  'profile',
  'root',
  'support',
  'system',
]);

export function isReservedUsername(username: string): boolean {
  return RESERVED_USERNAMES.has(username.trim().toLowerCase());
}

export const ZUsername = z
  .string()
  .trim()
  .regex(USERNAME_PATTERN, 'Username must be 3–20 letters, digits or underscores')
  .refine((value) => !isReservedUsername(value), 'That username is reserved');

export const ZDisplayName = z.string().trim().max(50, 'Display name is at most 50 characters');

export const ZPrivacy = z.object({
  showOnlineStatus: z.boolean(),
  allowFriendRequests: z.enum(['everyone', 'nobody']),
  showMatchCount: z.boolean(),
  /** Who may message me: friends only, everyone (non-friends arrive as a message request), or nobody. */
  allowMessages: z.enum(['friends', 'everyone', 'nobody']),
  /** When false, senders see their messages as delivered at most. */
  sendReadReceipts: z.boolean(),
});
export type TPrivacy = z.infer<typeof ZPrivacy>;

/** What a signed-in user sees about themselves. */
export const ZSelfUser = z.object({
  id: z.string(),
  userId7Digit: z.string(),
  email: z.string(),
  username: z.string().nullable(),
  displayName: z.string().nullable(),
  bio: z.string(),
  profilePicture: z.string().nullable(),
  interests: z.array(z.string()),
  isVerified: z.boolean(),
  isAdmin: z.boolean(),
  isPremium: z.boolean(),
  totalMatches: z.number().int(),
  friendsCount: z.number().int(),
  joinDate: z.string(),
  privacy: ZPrivacy,
  needsOnboarding: z.boolean(),
  status: z.enum(['online', 'away', 'busy', 'invisible']),
  customStatus: z.string().nullable(),
  /** When the username may next be changed (null: now). */
  nextUsernameChangeAt: z.string().nullable(),
});
export type TSelfUser = z.infer<typeof ZSelfUser>;

export const ZCheckUsernameQuery = z.object({ username: z.string().max(100) });
export const ZCheckUsernameResponse = z.object({
  success: z.literal(true),
  username: z.string(),
  available: z.boolean(),
  reason: z.enum(['taken', 'invalid']).optional(),
});
export type TCheckUsernameResponse = z.infer<typeof ZCheckUsernameResponse>;

export const ZOnboard = z.object({ username: ZUsername, displayName: ZDisplayName.optional() });
export type TOnboard = z.infer<typeof ZOnboard>;
