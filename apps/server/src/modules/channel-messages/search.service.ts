import type { TChannelMessage } from '@guftagu/contracts';
import { sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import { headlineSql, prefixQuery, toSnippetHtml } from '../../platform/text-search.js';
import type { ChannelMessagesContext } from './channel-messages.context.js';
import { channelMessages } from './channel-messages.schema.js';

export interface SearchQuery {
  q: string;
  channelId?: string | undefined;
  authorId?: string | undefined;
  limit: number;
}

/**
 * Full-text search inside one server. The channel list comes from communities
 * (`readableChannelIds`: VIEW_CHANNEL and READ_MESSAGE_HISTORY) and bounds the query itself, so a
 * message of a channel the searcher cannot read can never match.
 */
export class SearchService {
  constructor(private readonly context: ChannelMessagesContext) {}

  async search(
    userId: string,
    serverId: string,
    query: SearchQuery,
  ): Promise<Array<{ message: TChannelMessage; snippet: string; rank: number }>> {
    const { communities } = this.context.deps;
    const memberOf = await communities.memberServerIds(userId);
    if (!memberOf.includes(serverId)) throw new AppError('NOT_FOUND', 'Server not found');
    let channelIds = await communities.readableChannelIds(userId, serverId);
    if (query.channelId) channelIds = channelIds.filter((id) => id === query.channelId);
    const tsquery = prefixQuery(query.q);
    if (!tsquery || channelIds.length === 0) return [];
    const ids = sql.raw(`'{${channelIds.map((id) => id.replace(/[^0-9a-fA-F-]/g, '')).join(',')}}'::uuid[]`);
    const result = await this.context.db.execute<
      { id: string; rank: number; snippet: string } & Record<string, unknown>
    >(sql`
      with hits as (
        select m.id, m.content, ts_rank(m.search, q.query) as rank, q.query
        from ${channelMessages} m, to_tsquery('simple', ${tsquery}) as q(query)
        where m.channel_id = any(${ids}) and m.search @@ q.query and m.deleted_at is null
          ${query.authorId ? sql`and m.author_id = ${query.authorId}` : sql``}
        order by rank desc, m.id desc
        limit ${query.limit}
      )
      select h.id, h.rank, ${headlineSql(sql`h.content`, sql`h.query`)} as snippet
      from hits h order by h.rank desc, h.id desc`);
    if (result.rows.length === 0) return [];
    const rows = await this.context.db
      .select()
      .from(channelMessages)
      .where(
        sql`${channelMessages.id} = any(${sql.raw(`'{${result.rows.map((row) => row.id).join(',')}}'::uuid[]`)})`,
      );
    const byId = new Map(rows.map((row) => [row.id, row]));
    const ordered = result.rows.flatMap((hit) => {
      const row = byId.get(hit.id);
      return row ? [row] : [];
    });
    const dtos = await this.context.toDtos(userId, ordered);
    const dtoById = new Map(dtos.map((dto) => [dto.id, dto]));
    return result.rows.flatMap((hit) => {
      const message = dtoById.get(hit.id);
      return message ? [{ message, snippet: toSnippetHtml(hit.snippet), rank: Number(hit.rank) }] : [];
    });
  }
}
