import type { TDmSearchQuery } from '@guftagu/contracts';
import { inArray, sql } from 'drizzle-orm';
import { prefixQuery, toSnippetHtml } from '../../platform/text-search.js';
import { toUserCard } from '../social/index.js';
import { users } from '../users/index.js';
import type { MessagingContext } from './messaging.context.js';
import type { DmMessageRow } from './messaging.schema.js';

type SearchRow = DmMessageRow & { snippet: string; rank: number };

/**
 * PostgreSQL full-text search over the caller's own messages: the generated `search` tsvector with its
 * GIN index, ranked by `ts_rank`, with `ts_headline` snippets. Messages deleted for everyone or for
 * the caller never match.
 */
export class SearchService {
  constructor(private readonly context: MessagingContext) {}

  private get db() {
    return this.context.db;
  }

  async search(userId: string, query: TDmSearchQuery) {
    const tsquery = prefixQuery(query.q);
    if (!tsquery) return [];
    // ts_headline treats `<…>` as markup and drops it, and its own markers must survive escaping: so
    // the text goes in with < > & swapped for control characters 3–5, matches come back between 1 and
    // 2, and everything is turned into escaped HTML here.
    // The caller's conversations come first and the text match is checked inside them, so the cost
    // follows the caller's own messages, not the whole table (a common prefix matches most rows of
    // every user). The snippet is computed for the page only.
    const result = await this.db.execute<SearchRow & Record<string, unknown>>(sql`
      with mine as materialized (
        select p.conversation_id from dm_participants p
        where p.user_id = ${userId} ${query.with ? sql`and p.other_user_id = ${query.with}` : sql``}
      ), hits as (
        select m.*, ts_rank(m.search, q.query) as rank, q.query
        from mine join dm_messages m on m.conversation_id = mine.conversation_id,
          to_tsquery('simple', ${tsquery}) as q(query)
        where m.search @@ q.query
          and m.deleted_at is null
          and not exists (select 1 from dm_hidden h where h.message_id = m.id and h.user_id = ${userId})
        order by rank desc, m.id desc
        limit ${query.limit}
      )
      select m.id, m.conversation_id as "conversationId", m.sender_id as "senderId",
        m.recipient_id as "recipientId", m.content, m.message_type as "messageType", m.reply_to_id as "replyToId",
        m.nonce, m.created_at as "createdAt", m.delivered_at as "deliveredAt", m.read_at as "readAt",
        m.edited_at as "editedAt", m.deleted_at as "deletedAt", m.updated_at as "updatedAt",
        m.rank,
        ts_headline('simple',
          translate(m.content, '<>&' || chr(1) || chr(2) || chr(3) || chr(4) || chr(5), chr(3) || chr(4) || chr(5)),
          m.query,
          'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=35, MinWords=15') as snippet
      from hits m
      order by m.rank desc, m.id desc
    `);
    const rows = result.rows.map((row) => ({
      ...row,
      createdAt: new Date(row.createdAt),
      deliveredAt: row.deliveredAt ? new Date(row.deliveredAt) : null,
      readAt: row.readAt ? new Date(row.readAt) : null,
      editedAt: row.editedAt ? new Date(row.editedAt) : null,
      deletedAt: row.deletedAt ? new Date(row.deletedAt) : null,
      updatedAt: new Date(row.updatedAt),
    }));
    const dtos = await this.context.toDtos(userId, rows);
    const otherIds = [
      ...new Set(rows.map((row) => (row.senderId === userId ? row.recipientId : row.senderId))),
    ];
    const others =
      otherIds.length > 0 ? await this.db.select().from(users).where(inArray(users.id, otherIds)) : [];
    const otherById = new Map(others.map((other) => [other.id, other]));
    return rows.flatMap((row, index) => {
      const message = dtos[index];
      const other = otherById.get(row.senderId === userId ? row.recipientId : row.senderId);
      if (!message || !other) return [];
      const snippet = toSnippetHtml(row.snippet);
      return [{ message, otherUser: toUserCard(other), snippet, rank: Number(row.rank) }];
    });
  }
}
