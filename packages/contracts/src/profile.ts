import { z } from 'zod';
import { ZDisplayName, ZPrivacy, ZUsername } from './users.js';

/** Counts user-perceived characters (grapheme clusters), so "👩‍👩‍👧" is one character, not eight. */
export function countGraphemes(value: string): number {
  let count = 0;
  for (const _ of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(value)) count++;
  return count;
}

export const BIO_MAX = 500;
export const INTERESTS_MAX = 10;
export const INTEREST_MAX_LENGTH = 20;

export const ZBio = z
  .string()
  .refine((value) => countGraphemes(value) <= BIO_MAX, `Bio is at most ${BIO_MAX} characters`);

/** Interests are trimmed, lower-cased, de-duplicated tags. */
export const ZInterests = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .min(1)
      .max(INTEREST_MAX_LENGTH, `Each interest is at most ${INTEREST_MAX_LENGTH} characters`),
  )
  .max(INTERESTS_MAX, `At most ${INTERESTS_MAX} interests`)
  .transform((tags) => [...new Set(tags)]);

export const ZUpdateProfile = z
  .object({
    displayName: ZDisplayName.nullable(),
    bio: ZBio,
    interests: ZInterests,
    username: ZUsername,
    privacy: ZPrivacy.partial(),
  })
  .partial()
  .strict();
export type TUpdateProfile = z.input<typeof ZUpdateProfile>;

export const ZRelationship = z.enum([
  'self',
  'none',
  'request_sent',
  'request_received',
  'friends',
  'blocked',
  'blocked_by',
]);
export type TRelationship = z.infer<typeof ZRelationship>;

export const ZPresenceStatus = z.enum(['online', 'away', 'busy', 'invisible', 'offline']);
export type TPresenceStatus = z.infer<typeof ZPresenceStatus>;

/** What anyone may see of a user; hidden fields are null when the owner's privacy says so. */
export const ZPublicProfile = z.object({
  id: z.string(),
  userId7Digit: z.string(),
  username: z.string(),
  displayName: z.string().nullable(),
  bio: z.string(),
  profilePicture: z.string().nullable(),
  interests: z.array(z.string()),
  joinDate: z.string(),
  totalMatches: z.number().int().nullable(),
  friendsCount: z.number().int(),
  isOnline: z.boolean().nullable(),
  lastActive: z.string().nullable(),
  status: ZPresenceStatus.nullable(),
  customStatus: z.string().nullable(),
  relationship: ZRelationship,
  /** Set when relationship is request_sent/request_received, so the page can accept or cancel. */
  requestId: z.string().nullable(),
});
export type TPublicProfile = z.infer<typeof ZPublicProfile>;

export const ZPublicProfileResponse = z.object({ success: z.literal(true), profile: ZPublicProfile });
