import type { Database } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { findBanStates, isBanActive } from '../users/index.js';
import { identityOf, type ParticipantProfile, type QueueEntry } from './match-queue.js';
import { excludedUserIds, findMatchUser } from './matchmaking.repo.js';

const ANONYMOUS: ParticipantProfile = {
  userId: null,
  username: 'Anonymous',
  publicId: null,
  displayName: 'Anonymous',
  profilePicture: null,
};

/**
 * Who is joining, checked against the database: a signed-in user must exist, not be banned and have a
 * username; their exclusions (blocks either way, users they reported) travel with the entry so the
 * atomic pairing step can honour them without reading the database.
 */
export async function buildQueueEntry(
  db: Database,
  ref: { socketId: string; userId: string | null; device?: string | null; ip?: string | null },
  interests: string[],
  nodeId: string,
  network: { deviceUsers: string[]; ipUsers: string[] } = { deviceUsers: [], ipUsers: [] },
): Promise<QueueEntry> {
  let profile = ANONYMOUS;
  let excluded: string[] = [];
  if (ref.userId) {
    const user = await findMatchUser(db, ref.userId);
    if (!user) throw new AppError('UNAUTHORIZED', 'Sign in to continue.');
    if (isBanActive(user, new Date())) throw new AppError('ACCOUNT_BANNED', 'Your account is banned.');
    if (!user.username) throw new AppError('ONBOARDING_REQUIRED', 'Choose a username first.');
    profile = {
      userId: user.id,
      username: user.username,
      publicId: user.publicId,
      displayName: user.displayName ?? user.username,
      profilePicture: user.profilePicture,
    };
    excluded = (await excludedUserIds(db, user.id)).map((id) => identityOf(id, ''));
  } else {
    excluded = await anonymousExclusions(db, network);
  }
  return {
    entryId: newId(),
    socketId: ref.socketId,
    nodeId,
    identity: identityOf(ref.userId, ref.socketId),
    profile,
    interests,
    joinedAt: Date.now(),
    excluded,
    ...(ref.userId ? {} : { network: { device: ref.device ?? null, ip: ref.ip ?? null } }),
  };
}

/**
 * An anonymous socket inherits the bans of the accounts seen on its browser or address, and the
 * blocks and reports of the accounts seen on its browser (see NetworkIdentity).
 */
async function anonymousExclusions(
  db: Database,
  network: { deviceUsers: string[]; ipUsers: string[] },
): Promise<string[]> {
  const known = [...new Set([...network.deviceUsers, ...network.ipUsers])];
  if (known.length === 0) return [];
  const now = new Date();
  for (const user of await findBanStates(db, known)) {
    if (isBanActive(user, now)) {
      throw new AppError('ACCOUNT_BANNED', 'Video chat is not available to you right now.');
    }
  }
  const excluded = new Set<string>();
  for (const userId of network.deviceUsers) {
    excluded.add(identityOf(userId, ''));
    for (const other of await excludedUserIds(db, userId)) excluded.add(identityOf(other, ''));
  }
  return [...excluded];
}
