import type { Database } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { UserRow } from '../users/index.js';
import { isBanActive } from '../users/index.js';
import {
  findLiveSessionWithUser,
  findSessionByTokenHash,
  insertSession,
  markRotated,
  revokeFamily,
  revokeUserSessions,
} from './auth.repo.js';
import type { SessionRow } from './auth.schema.js';
import { type AccessTokens, hashRefreshToken, newRefreshToken } from './tokens.js';

export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  refreshExpiresAt: Date;
  session: SessionRow;
}

export interface ClientMeta {
  ip: string;
  userAgent: string | undefined;
}

export interface Authenticated {
  user: UserRow;
  sessionId: string;
  familyId: string;
}

export function assertNotBanned(user: UserRow): void {
  if (isBanActive(user)) {
    throw new AppError('ACCOUNT_BANNED', 'This account is banned.', {
      reason: user.banReason,
      banUntil: user.banUntil?.toISOString() ?? null,
    });
  }
}

export class SessionService {
  constructor(
    private readonly db: Database,
    private readonly tokens: AccessTokens,
    private readonly refreshTtlDays: number,
    /** Called after a family is revoked, to disconnect its sockets on every node. */
    private readonly onFamilyRevoked: (familyId: string, reason: 'logged_out' | 'session_revoked') => void,
    private readonly reuseGraceSeconds: number,
  ) {}

  private async issue(userId: string, familyId: string, meta: ClientMeta): Promise<IssuedSession> {
    const refresh = newRefreshToken();
    const expiresAt = new Date(Date.now() + this.refreshTtlDays * 86_400_000);
    const session = await insertSession(this.db, {
      id: newId(),
      familyId,
      userId,
      tokenHash: refresh.hash,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      ip: meta.ip,
      expiresAt,
    });
    const accessToken = await this.tokens.sign({ userId, sessionId: session.id });
    return {
      accessToken,
      refreshToken: refresh.token,
      expiresIn: this.tokens.ttlSeconds,
      refreshExpiresAt: expiresAt,
      session,
    };
  }

  start(user: UserRow, meta: ClientMeta): Promise<IssuedSession> {
    assertNotBanned(user);
    return this.issue(user.id, newId(), meta);
  }

  /**
   * Rotates a refresh token. Presenting a token that was already rotated means two parties hold it;
   * we cannot tell which is the owner, so the whole family is revoked and both must sign in again.
   */
  async refresh(token: string, meta: ClientMeta): Promise<{ issued: IssuedSession; user: UserRow }> {
    const row = await findSessionByTokenHash(this.db, hashRefreshToken(token));
    if (!row || row.revokedAt || row.expiresAt <= new Date()) {
      throw new AppError('UNAUTHORIZED', 'Please sign in again.');
    }
    if (row.rotatedAt || !(await markRotated(this.db, row.id))) {
      // Two tabs (or a burst of expired requests) refreshing with the same cookie at once is normal;
      // a copy replayed later is not. Within the grace window the loser gets a sibling session.
      const rotatedAt = row.rotatedAt ?? (await findSessionByTokenHash(this.db, row.tokenHash))?.rotatedAt;
      if (rotatedAt && Date.now() - rotatedAt.getTime() < this.reuseGraceSeconds * 1000) {
        const sibling = await findLiveSessionWithUser(this.db, row.id, row.userId);
        if (sibling) {
          assertNotBanned(sibling.user);
          return { issued: await this.issue(row.userId, row.familyId, meta), user: sibling.user };
        }
      }
      await revokeFamily(this.db, row.familyId);
      this.onFamilyRevoked(row.familyId, 'session_revoked');
      throw new AppError(
        'UNAUTHORIZED',
        'This session was signed out for your security. Please sign in again.',
      );
    }
    const live = await findLiveSessionWithUser(this.db, row.id, row.userId);
    if (!live) throw new AppError('UNAUTHORIZED', 'Please sign in again.');
    assertNotBanned(live.user);
    const issued = await this.issue(row.userId, row.familyId, meta);
    return { issued, user: live.user };
  }

  /** Verifies an access token and that its session is still live and its user not banned. */
  async authenticate(accessToken: string): Promise<Authenticated> {
    const claims = await this.tokens.verify(accessToken);
    const live = await findLiveSessionWithUser(this.db, claims.sessionId, claims.userId);
    if (!live) throw new AppError('UNAUTHORIZED', 'Your session has ended. Please sign in again.');
    assertNotBanned(live.user);
    return { user: live.user, sessionId: live.session.id, familyId: live.session.familyId };
  }

  /** True while the session has not been revoked or expired. */
  async isLive(sessionId: string, userId: string): Promise<boolean> {
    return (await findLiveSessionWithUser(this.db, sessionId, userId)) !== undefined;
  }

  async revoke(familyId: string): Promise<void> {
    await revokeFamily(this.db, familyId);
    this.onFamilyRevoked(familyId, 'logged_out');
  }

  /** Ends every session of a user (account claimed by its verified owner, ban) and drops their sockets. */
  async revokeAllForUser(userId: string): Promise<void> {
    for (const familyId of await revokeUserSessions(this.db, userId))
      this.onFamilyRevoked(familyId, 'session_revoked');
  }

  async revokeByRefreshToken(token: string): Promise<void> {
    const row = await findSessionByTokenHash(this.db, hashRefreshToken(token));
    if (row) await this.revoke(row.familyId);
  }
}
