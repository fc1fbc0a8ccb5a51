import {
  isReservedUsername,
  type TCheckUsernameResponse,
  type TSelfUser,
  USERNAME_PATTERN,
} from '@guftagu/contracts';
import { type Database, isUniqueViolation } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { newId, randomPublicUserId } from '../../platform/ids.js';
import {
  claimVerified,
  findUserByEmail,
  findUserById,
  findUserByUsername,
  insertUser,
  type NewUser,
  setUsername,
  updateAccountProfile,
} from './users.repo.js';
import { type UserRow, withPrivacyDefaults } from './users.schema.js';

const PUBLIC_ID_ATTEMPTS = 20;

export function toSelfUser(row: UserRow): TSelfUser {
  return {
    id: row.id,
    userId7Digit: row.publicId,
    email: row.email,
    username: row.username,
    displayName: row.displayName,
    bio: row.bio,
    profilePicture: row.profilePicture,
    interests: row.interests,
    isVerified: row.isVerified,
    isAdmin: row.isAdmin,
    isPremium: row.isPremium,
    totalMatches: row.totalMatches,
    friendsCount: row.friendsCount,
    joinDate: row.joinDate.toISOString(),
    privacy: withPrivacyDefaults(row.privacy),
    needsOnboarding: row.username === null,
    status: row.status,
    customStatus: row.customStatus,
    nextUsernameChangeAt: nextUsernameChangeAt(row)?.toISOString() ?? null,
  };
}

/** Seed 000: a username may change once every 30 days; choosing the first one does not count. */
export const USERNAME_CHANGE_INTERVAL_DAYS = 30;

export function nextUsernameChangeAt(row: UserRow, now = new Date()): Date | null {
  if (!row.usernameLastChanged) return null;
  const next = new Date(row.usernameLastChanged.getTime() + USERNAME_CHANGE_INTERVAL_DAYS * 86_400_000);
  return next > now ? next : null;
}

/** A ban with an end date in the past no longer applies. */
export function isBanActive(row: Pick<UserRow, 'isBanned' | 'banUntil'>, now = new Date()): boolean {
  return row.isBanned && (row.banUntil === null || row.banUntil > now);
}

export interface UsersService {
  getUser(id: string): Promise<UserRow>;
  findByEmail(email: string): Promise<UserRow | undefined>;
  /**
   * Creates a user with a fresh random 7-digit id. A collision on the id is retried with a new random
   * one; a collision on email or username is reported to the caller. There is no timestamp fallback.
   */
  createUser(input: Omit<NewUser, 'id' | 'publicId'>): Promise<{ user: UserRow; created: boolean }>;
  checkUsername(username: string, selfId?: string): Promise<TCheckUsernameResponse>;
  /** Marks an unverified account verified after its owner proved the mailbox; undefined if already verified. */
  claimVerified(user: UserRow): Promise<UserRow | undefined>;
  onboard(userId: string, username: string, displayName: string | undefined): Promise<UserRow>;
  /** Sets an account's shown name and privacy outside the profile flow (the System account). */
  updateAccountProfile(
    userId: string,
    changes: Partial<Pick<UserRow, 'displayName' | 'privacy'>>,
  ): Promise<UserRow | undefined>;
}

export function createUsersService(db: Database, adminEmails: ReadonlySet<string>): UsersService {
  return {
    async getUser(id) {
      const row = await findUserById(db, id);
      if (!row) throw new AppError('NOT_FOUND', 'User not found');
      return row;
    },

    findByEmail: (email) => findUserByEmail(db, email),

    claimVerified: (user) => claimVerified(db, user.id, adminEmails.has(user.email)),

    updateAccountProfile: (userId, changes) => updateAccountProfile(db, userId, changes),

    async createUser(input) {
      for (let attempt = 0; attempt < PUBLIC_ID_ATTEMPTS; attempt++) {
        const values: NewUser = {
          ...input,
          id: newId(),
          publicId: randomPublicUserId(),
          // Admin rights follow a proven mailbox only: an unverified registration never gets them.
          isAdmin: input.isAdmin ?? (input.isVerified && adminEmails.has(input.email)),
        };
        const row = await insertUser(db, values);
        if (row) return { user: row, created: true };
        // Nothing was inserted: find out which unique key was taken.
        const byEmail = await findUserByEmail(db, input.email);
        if (byEmail) return { user: byEmail, created: false };
        if (input.username && (await findUserByUsername(db, input.username))) {
          throw new AppError('USERNAME_TAKEN', 'That username is taken', { field: 'username' });
        }
        // Otherwise the 7-digit id collided; draw another.
      }
      throw new AppError('SERVICE_UNAVAILABLE', 'Could not allocate a user ID. Please try again.');
    },

    async checkUsername(username, selfId) {
      const trimmed = username.trim();
      if (!USERNAME_PATTERN.test(trimmed) || isReservedUsername(trimmed)) {
        return { success: true, username: trimmed, available: false, reason: 'invalid' };
      }
      const existing = await findUserByUsername(db, trimmed);
      const available = !existing || existing.id === selfId;
      return available
        ? { success: true, username: trimmed, available: true }
        : { success: true, username: trimmed, available: false, reason: 'taken' };
    },

    async onboard(userId, username, displayName) {
      const current = await findUserById(db, userId);
      if (!current) throw new AppError('NOT_FOUND', 'User not found');
      if (current.username !== null) {
        throw new AppError('ALREADY_ONBOARDED', 'Your username is already set. Change it from your profile.');
      }
      try {
        const row = await setUsername(db, userId, username, displayName?.trim() || null);
        if (!row) throw new AppError('ALREADY_ONBOARDED', 'Your username is already set.');
        return row;
      } catch (error) {
        if (isUniqueViolation(error, 'users_username_lower_key')) {
          throw new AppError('USERNAME_TAKEN', 'That username is taken', { field: 'username' });
        }
        throw error;
      }
    },
  };
}
