import type { ServerEventName, ServerPayload, TChannelMessage } from '@guftagu/contracts';
import { runAfterCommit } from '../../platform/after-commit.js';
import type { Database } from '../../platform/db/client.js';
import type { RateLimiter, RateLimitRule } from '../../platform/kv/rate-limit.js';
import type { Logger } from '../../platform/logger.js';
import type { RealtimePublisher } from '../../realtime/publisher.js';
import { channelRoom } from '../communities/index.js';
import type { AttachmentsPort } from '../messaging/index.js';
import type { NotificationsService } from '../notifications/index.js';
import { AccessGuard, type CommunitiesPort } from './access.js';
import { toChannelMessages } from './channel-messages.dto.js';
import type { Executor } from './channel-messages.repo.js';
import type { ChannelMessageRow } from './channel-messages.schema.js';

export interface ChannelMessagesDeps {
  db: Database;
  publisher: RealtimePublisher;
  communities: CommunitiesPort;
  notifications: NotificationsService;
  attachments: AttachmentsPort;
  /** The users `userId` blocked (one way): their messages are collapsed for `userId`. */
  blockedIds(userId: string): Promise<string[]>;
  limiter: RateLimiter;
  /** Sends per user per window, across all their tabs, channels and REST. */
  sendRateLimit: RateLimitRule;
  logger: Logger;
}

/**
 * What the services share: storage, the access guard, DTO building and after-commit publishing.
 * Channel events always go to the channel's room, whose membership communities keeps exact
 * (VIEW_CHANNEL), so nothing here filters recipients.
 */
export class ChannelMessagesContext {
  readonly guard: AccessGuard;

  constructor(readonly deps: ChannelMessagesDeps) {
    this.guard = new AccessGuard(deps.communities);
  }

  get db(): Database {
    return this.deps.db;
  }

  async toDtos(
    viewerId: string,
    rows: ChannelMessageRow[],
    db: Executor = this.db,
  ): Promise<TChannelMessage[]> {
    if (rows.length === 0) return [];
    const blocked = new Set(await this.deps.blockedIds(viewerId));
    return toChannelMessages(db, this.deps.attachments, viewerId, rows, blocked);
  }

  async toDto(viewerId: string, row: ChannelMessageRow): Promise<TChannelMessage> {
    const [dto] = await this.toDtos(viewerId, [row]);
    if (!dto) throw new Error('message DTO missing');
    return dto;
  }

  toChannel<E extends ServerEventName>(channelId: string, event: E, payload: ServerPayload<E>): void {
    this.deps.publisher.toRoom(channelRoom(channelId), event, payload);
  }

  afterCommit(what: string, ...effects: Array<() => unknown>): Promise<void> {
    return runAfterCommit(this.deps.logger, what, ...effects);
  }
}
