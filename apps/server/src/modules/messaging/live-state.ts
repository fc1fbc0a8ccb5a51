import { DM_TYPING_TTL_MS } from '@guftagu/contracts';
import type { KeyValueStore } from '../../platform/kv/kv.js';
import type { Logger } from '../../platform/logger.js';
import type { RealtimePublisher } from '../../realtime/publisher.js';

/** A viewing counter outlives a node that died without decrementing it by at most this long. */
const VIEWING_TTL_SECONDS = 6 * 3600;

interface Typing {
  socketId: string;
  conversationId: string;
  timer: NodeJS.Timeout;
}

/**
 * Ephemeral per-socket state: typing indicators (never persisted, expiring on their own when a stop
 * never comes) and which conversation each socket shows (so a message there creates no
 * `new_message` notification). Viewing is counted per (user, other user) in the shared store, so a
 * sender's node knows about the recipient's tabs on every node.
 */
export class LiveState {
  private readonly typing = new Map<string, Typing>();
  private readonly viewingBySocket = new Map<string, { userId: string; otherUserId: string }>();

  constructor(
    private readonly kv: KeyValueStore,
    private readonly publisher: RealtimePublisher,
    private readonly logger: Logger,
  ) {}

  private static typingKey(from: string, to: string) {
    return `${from}>${to}`;
  }

  private static viewingKey(userId: string, otherUserId: string) {
    return `dm:viewing:${userId}:${otherUserId}`;
  }

  startTyping(from: { id: string; username: string }, to: string, conversationId: string, socketId: string) {
    const key = LiveState.typingKey(from.id, to);
    const existing = this.typing.get(key);
    if (existing) clearTimeout(existing.timer);
    const timer = setTimeout(() => this.stopTyping(from.id, to), DM_TYPING_TTL_MS);
    timer.unref();
    this.typing.set(key, { socketId, conversationId, timer });
    this.publisher.toUser(to, 'dm_typing_start', {
      from: { userId: from.id, username: from.username },
      conversationId,
      expiresInMs: DM_TYPING_TTL_MS,
    });
  }

  /** Ends a typing indicator; a stop for one that already ended (or never started here) is still sent once. */
  stopTyping(fromId: string, to: string, conversationId?: string): void {
    const key = LiveState.typingKey(fromId, to);
    const existing = this.typing.get(key);
    if (existing) clearTimeout(existing.timer);
    this.typing.delete(key);
    const id = existing?.conversationId ?? conversationId;
    if (id) this.publisher.toUser(to, 'dm_typing_stop', { from: { userId: fromId }, conversationId: id });
  }

  /** A sent message ends its sender's indicator without a stop event: `dm_receive` says it all. */
  clearTyping(fromId: string, to: string): void {
    const key = LiveState.typingKey(fromId, to);
    const existing = this.typing.get(key);
    if (!existing) return;
    clearTimeout(existing.timer);
    this.typing.delete(key);
  }

  async setViewing(userId: string, socketId: string, otherUserId: string | null): Promise<void> {
    const previous = this.viewingBySocket.get(socketId);
    if (previous?.otherUserId === otherUserId) return;
    if (otherUserId) this.viewingBySocket.set(socketId, { userId, otherUserId });
    else this.viewingBySocket.delete(socketId);
    if (previous) {
      const key = LiveState.viewingKey(previous.userId, previous.otherUserId);
      // A counter that expired while someone was viewing would come back negative; start over instead.
      if ((await this.kv.increment(key, VIEWING_TTL_SECONDS, -1)) <= 0) await this.kv.delete(key);
    }
    if (otherUserId)
      await this.kv.increment(LiveState.viewingKey(userId, otherUserId), VIEWING_TTL_SECONDS, 1);
  }

  async isViewing(userId: string, otherUserId: string): Promise<boolean> {
    return Number(await this.kv.get(LiveState.viewingKey(userId, otherUserId))) > 0;
  }

  /** A socket went away: its view ends and the indicators it started stop now rather than at expiry. */
  async socketClosed(userId: string, socketId: string): Promise<void> {
    for (const [key, typing] of this.typing) {
      if (typing.socketId !== socketId) continue;
      const to = key.slice(key.indexOf('>') + 1);
      this.stopTyping(userId, to);
    }
    await this.setViewing(userId, socketId, null).catch((error) =>
      this.logger.warn({ err: error }, 'viewing counter update failed'),
    );
  }

  close(): void {
    for (const typing of this.typing.values()) clearTimeout(typing.timer);
    this.typing.clear();
  }
}
