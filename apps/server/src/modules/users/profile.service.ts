import type { TPublicProfile, TRelationship, TUpdateProfile } from '@guftagu/contracts';
import { eq, sql } from 'drizzle-orm';
import { type Database, isUniqueViolation } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { renderAvatar, sniffImage } from '../../platform/storage/images.js';
import type { ObjectStorage } from '../../platform/storage/storage.js';
import { findUserByPublicId, findUserByUsername } from './users.repo.js';
import { type UserRow, usernameHistory, users, withPrivacyDefaults } from './users.schema.js';
import { nextUsernameChangeAt } from './users.service.js';

export interface ProfileDeps {
  db: Database;
  storage: ObjectStorage;
  relationship: (
    viewerId: string,
    targetId: string,
  ) => Promise<{ relationship: TRelationship; requestId: string | null }>;
  /** Called after a committed change others can see (friends get `friend_profile_updated`). */
  onProfileChanged: (user: UserRow) => void;
}

export type ProfileLookup = { username: string } | { publicId: string };

const ACCEPTED_AVATARS = new Set(['jpeg', 'png', 'webp']);

export class ProfileService {
  constructor(private readonly deps: ProfileDeps) {}

  async update(userId: string, input: TUpdateProfile & { interests?: string[] }): Promise<UserRow> {
    const updated = await this.deps.db.transaction(async (tx) => {
      const [current] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
      if (!current) throw new AppError('NOT_FOUND', 'User not found');
      const changes: Partial<typeof users.$inferInsert> = { updatedAt: new Date() };
      if (input.displayName !== undefined) changes.displayName = input.displayName?.trim() || null;
      if (input.bio !== undefined) changes.bio = input.bio;
      if (input.interests !== undefined) changes.interests = input.interests;
      if (input.privacy !== undefined)
        changes.privacy = { ...withPrivacyDefaults(current.privacy), ...input.privacy };

      if (input.username !== undefined && input.username !== current.username) {
        if (current.username === null)
          throw new AppError('ONBOARDING_REQUIRED', 'Choose your first username from onboarding.');
        const next = nextUsernameChangeAt(current);
        if (next) {
          throw new AppError(
            'USERNAME_CHANGE_TOO_SOON',
            `You can change your username again on ${next.toDateString()}.`,
            {
              nextChangeAt: next.toISOString(),
              field: 'username',
            },
          );
        }
        changes.username = input.username;
        changes.usernameLastChanged = new Date();
        await tx.insert(usernameHistory).values({ id: newId(), userId, oldUsername: current.username });
      }
      try {
        const [row] = await tx.update(users).set(changes).where(eq(users.id, userId)).returning();
        if (!row) throw new AppError('NOT_FOUND', 'User not found');
        return row;
      } catch (error) {
        if (isUniqueViolation(error, 'users_username_lower_key'))
          throw new AppError('USERNAME_TAKEN', 'That username is taken', { field: 'username' });
        throw error;
      }
    });
    this.deps.onProfileChanged(updated);
    return updated;
  }

  async view(viewerId: string | undefined, lookup: ProfileLookup): Promise<TPublicProfile> {
    const target =
      'username' in lookup
        ? await findUserByUsername(this.deps.db, lookup.username)
        : await findUserByPublicId(this.deps.db, lookup.publicId);
    if (!target || target.username === null) throw new AppError('NOT_FOUND', 'No user with that name or ID');
    const { relationship, requestId } = viewerId
      ? await this.deps.relationship(viewerId, target.id)
      : { relationship: 'none' as const, requestId: null };
    // Someone who blocked you is simply not there for you.
    if (relationship === 'blocked_by') throw new AppError('NOT_FOUND', 'No user with that name or ID');

    const isSelf = relationship === 'self';
    const seesPresence = isSelf || relationship === 'friends' || target.privacy.showOnlineStatus;
    const isHidden = !isSelf && target.status === 'invisible';
    const online = target.isOnline && !isHidden;
    return {
      id: target.id,
      userId7Digit: target.publicId,
      username: target.username,
      displayName: target.displayName,
      bio: target.bio,
      profilePicture: target.profilePicture,
      interests: target.interests,
      joinDate: target.joinDate.toISOString(),
      totalMatches: isSelf || target.privacy.showMatchCount ? target.totalMatches : null,
      friendsCount: target.friendsCount,
      isOnline: seesPresence ? online : null,
      // Heartbeats keep moving an invisible user's lastActive; showing it would give them away.
      lastActive: seesPresence && !isHidden ? target.lastActive.toISOString() : null,
      status: seesPresence ? (online ? target.status : 'offline') : null,
      customStatus: seesPresence && online ? target.customStatus : null,
      relationship,
      requestId,
    };
  }

  /**
   * Stores a new avatar: the bytes must really be JPEG, PNG or WebP (checked by magic bytes), and are
   * re-encoded to a 400×400 WebP without metadata before anything is stored. The old file is removed
   * only after the new one is in place and recorded.
   */
  async setPicture(userId: string, bytes: Buffer): Promise<UserRow> {
    const kind = sniffImage(bytes);
    if (!kind || !ACCEPTED_AVATARS.has(kind)) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Profile pictures must be JPG, PNG or WebP images.');
    }
    const rendered = await renderAvatar(bytes);
    const key = `avatars/${userId}/${newId()}.webp`;
    await this.deps.storage.put(key, rendered, 'image/webp');
    return this.replacePicture(userId, this.deps.storage.publicUrl(key));
  }

  removePicture(userId: string): Promise<UserRow> {
    return this.replacePicture(userId, null);
  }

  private async replacePicture(userId: string, url: string | null): Promise<UserRow> {
    // The row stays locked from reading the old picture to writing the new one, so of two racing
    // uploads each removes exactly the file the other replaced and no file is orphaned.
    const { previous, row } = await this.deps.db.transaction(async (tx) => {
      const [locked] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
      const [updated] = await tx
        .update(users)
        .set({ profilePicture: url, updatedAt: sql`now()` })
        .where(eq(users.id, userId))
        .returning();
      if (!locked || !updated) throw new AppError('NOT_FOUND', 'User not found');
      return { previous: locked, row: updated };
    });
    const oldKey = previous.profilePicture
      ? this.deps.storage.keyFromUrl(previous.profilePicture)
      : undefined;
    if (oldKey) await this.deps.storage.delete(oldKey).catch(() => undefined);
    this.deps.onProfileChanged(row);
    return row;
  }
}
