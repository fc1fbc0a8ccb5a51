import type {
  TChannelMessage,
  TChannelMessagesQuery,
  TChannelSync,
  TChannelSyncResponse,
} from '@guftagu/contracts';
import { and, asc, desc, eq, gt, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { ChannelMessagesContext } from './channel-messages.context.js';
import { findMessage, newerThan, olderThan } from './channel-messages.repo.js';
import { channelMessages } from './channel-messages.schema.js';

/** One sync answer holds at most this many new messages; `hasMore` asks the client to continue. */
const SYNC_BATCH = 500;
const SYNC_CHANGED_MAX = 2000;
/**
 * `syncedAt` is set this far in the past: a change stamped before a sync but committed after it would
 * otherwise fall between two syncs. Re-sending a few known changes is harmless (merged by id).
 */
const SYNC_MARGIN_MS = 30_000;

export interface HistoryPage {
  messages: TChannelMessage[];
  hasMore: boolean;
  hasMoreBefore: boolean;
  hasMoreAfter: boolean;
}

/**
 * Reading: a channel's history (cursor pages by UUIDv7 id, stable under concurrent inserts because a
 * new message always sorts after every cursor), its pins, and the reconnect catch-up.
 */
export class HistoryService {
  constructor(private readonly context: ChannelMessagesContext) {}

  private get db() {
    return this.context.db;
  }

  async list(userId: string, channelId: string, query: TChannelMessagesQuery): Promise<HistoryPage> {
    await this.context.guard.readable(userId, channelId);
    const { limit } = query;
    if (query.after) {
      const rows = await newerThan(this.db, channelId, query.after, limit + 1);
      const page = rows.slice(0, limit).reverse();
      const hasMoreAfter = rows.length > limit;
      return {
        messages: await this.context.toDtos(userId, page),
        hasMore: hasMoreAfter,
        hasMoreBefore: true,
        hasMoreAfter,
      };
    }
    if (query.around) {
      const pivot = await findMessage(this.db, query.around);
      if (!pivot || pivot.channelId !== channelId) throw new AppError('NOT_FOUND', 'Message not found');
      const newerCount = Math.floor(limit / 2);
      const olderCount = limit - newerCount;
      const [newer, older] = await Promise.all([
        newerThan(this.db, channelId, query.around, newerCount + 1, true),
        olderThan(this.db, channelId, query.around, olderCount + 1),
      ]);
      // The pivot itself (when not deleted) counts in the newer half.
      const hasMoreAfter = newer.length > newerCount;
      const hasMoreBefore = older.length > olderCount;
      const page = [...newer.slice(0, newerCount).reverse(), ...older.slice(0, olderCount)];
      return {
        messages: await this.context.toDtos(userId, page),
        hasMore: hasMoreBefore || hasMoreAfter,
        hasMoreBefore,
        hasMoreAfter,
      };
    }
    const rows = await olderThan(this.db, channelId, query.before, limit + 1);
    const hasMoreBefore = rows.length > limit;
    return {
      messages: await this.context.toDtos(userId, rows.slice(0, limit)),
      hasMore: hasMoreBefore,
      hasMoreBefore,
      hasMoreAfter: query.before !== undefined,
    };
  }

  async pins(userId: string, channelId: string): Promise<TChannelMessage[]> {
    await this.context.guard.readable(userId, channelId);
    const rows = await this.db
      .select()
      .from(channelMessages)
      .where(
        and(
          eq(channelMessages.channelId, channelId),
          isNotNull(channelMessages.pinnedAt),
          isNull(channelMessages.deletedAt),
        ),
      )
      .orderBy(desc(channelMessages.pinnedAt));
    return this.context.toDtos(userId, rows);
  }

  /**
   * Reconnect catch-up, as DMs do it: every message after each channel's cursor (oldest first),
   * known messages that changed since `changedSince`, and ids deleted since then. Each channel is
   * checked on its own; one the caller can no longer read is named in `denied` and yields nothing.
   */
  async sync(userId: string, input: TChannelSync): Promise<Omit<TChannelSyncResponse, 'success'>> {
    const named = Object.entries(input.after);
    const nowResult = await this.db.execute<{ now: Date } & Record<string, unknown>>(
      sql`select now() as now`,
    );
    const now = new Date(nowResult.rows[0]?.now ?? Date.now());
    const since = input.changedSince ? new Date(input.changedSince) : null;

    const checked = await Promise.all(
      named.map(async ([channelId, lastId]) => {
        const ok = await this.context.guard.readable(userId, channelId).then(
          () => true,
          () => false,
        );
        return { channelId, lastId, ok };
      }),
    );
    const allowed = checked.filter((entry) => entry.ok);
    const denied = checked.filter((entry) => !entry.ok).map((entry) => entry.channelId);
    if (allowed.length === 0)
      return { messages: [], changed: [], removed: [], denied, hasMore: false, syncedAt: now.toISOString() };

    const fresh = await this.db
      .select()
      .from(channelMessages)
      .where(
        and(
          or(
            ...allowed.map(({ channelId, lastId }) =>
              lastId
                ? and(eq(channelMessages.channelId, channelId), gt(channelMessages.id, lastId))
                : eq(channelMessages.channelId, channelId),
            ),
          ),
          isNull(channelMessages.deletedAt),
        ),
      )
      .orderBy(asc(channelMessages.id))
      .limit(SYNC_BATCH + 1);
    const hasMore = fresh.length > SYNC_BATCH;
    const messages = fresh.slice(0, SYNC_BATCH);

    const known = allowed.filter((entry) => entry.lastId !== null);
    const touched =
      since && known.length > 0
        ? await this.db
            .select()
            .from(channelMessages)
            .where(
              and(
                or(
                  ...known.map(({ channelId, lastId }) =>
                    and(eq(channelMessages.channelId, channelId), lte(channelMessages.id, lastId as string)),
                  ),
                ),
                gt(channelMessages.updatedAt, since),
              ),
            )
            .orderBy(asc(channelMessages.id))
            .limit(SYNC_CHANGED_MAX)
        : [];
    const changed = touched.filter((row) => row.deletedAt === null);
    const removed = touched.filter((row) => row.deletedAt !== null).map((row) => row.id);
    const [messageDtos, changedDtos] = await Promise.all([
      this.context.toDtos(userId, messages),
      this.context.toDtos(userId, changed),
    ]);
    return {
      messages: messageDtos,
      changed: changedDtos,
      removed,
      denied,
      hasMore,
      syncedAt: new Date(now.getTime() - SYNC_MARGIN_MS).toISOString(),
    };
  }
}
