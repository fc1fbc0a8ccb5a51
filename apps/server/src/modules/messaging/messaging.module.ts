import type { TDirectMessage } from '@guftagu/contracts';
import { defineModule } from '../../app/module.js';
import { AppError } from '../../platform/errors.js';
import type { KeyValueStore } from '../../platform/kv/kv.js';
import { findUserById, type UserRow } from '../users/index.js';
import { ActionsService } from './actions.service.js';
import { ConversationsService } from './conversations.service.js';
import { HistoryService } from './history.service.js';
import { LiveState } from './live-state.js';
import { MessagingContext, type MessagingDeps } from './messaging.context.js';
import { registerMessagingRoutes } from './messaging.http.js';
import { areFriends, blockBetween, findConversation, orderedPair } from './messaging.repo.js';
import { messagingSocketHandlers } from './messaging.socket.js';
import { ReceiptsService } from './receipts.service.js';
import { SearchService } from './search.service.js';
import { SendService } from './send.service.js';
import { canSendNow } from './send-policy.js';

export interface MessagingModuleDeps extends MessagingDeps {
  kv: KeyValueStore;
  /** Finds or creates the "System" account that system messages come from. */
  systemUser: () => Promise<UserRow>;
}

/**
 * Direct messages (issue 5), one object per use case sharing one context. Transports call these;
 * `createMessagingModule` wires `socketBound`/`socketUnbound` into the gateway lifecycle and `unreadTotal` into
 * the `authenticated` payload.
 */
export class Messaging {
  readonly live: LiveState;
  readonly sending: SendService;
  readonly actions: ActionsService;
  readonly receipts: ReceiptsService;
  readonly history: HistoryService;
  readonly search: SearchService;
  readonly conversations: ConversationsService;

  constructor(private readonly deps: MessagingModuleDeps) {
    const context = new MessagingContext(deps);
    this.live = new LiveState(deps.kv, deps.publisher, deps.logger);
    this.sending = new SendService(context, this.live);
    this.actions = new ActionsService(context);
    this.receipts = new ReceiptsService(context);
    this.history = new HistoryService(context, this.receipts);
    this.search = new SearchService(context);
    this.conversations = new ConversationsService(context);
  }

  unreadTotal(userId: string): Promise<number> {
    return this.conversations.unreadTotal(userId);
  }

  /** A socket of the user connected: messages that waited for them are delivered now. */
  socketBound(userId: string): void {
    void this.receipts
      .deliverPending(userId)
      .catch((error) => this.deps.logger.error({ err: error }, 'pending message delivery failed'));
  }

  socketUnbound(userId: string, socketId: string): void {
    void this.live
      .socketClosed(userId, socketId)
      .catch((error) => this.deps.logger.error({ err: error }, 'messaging socket cleanup failed'));
  }

  /**
   * Typing indicators only go where a message could: an existing conversation or a friend, never
   * across a block, nor to someone who would refuse the message (a rejected asker, privacy "nobody").
   * Friends without a conversation yet get it keyed by the pair. Stopping is always allowed.
   */
  async setTyping(userId: string, to: string, isTyping: boolean, socketId: string): Promise<void> {
    if (to === userId) throw new AppError('VALIDATION_ERROR', "You can't type to yourself.", { field: 'to' });
    const { db } = this.deps;
    const [conversation, isFriend, block, me, other] = await Promise.all([
      findConversation(db, userId, to),
      areFriends(db, userId, to),
      blockBetween(db, userId, to),
      findUserById(db, userId),
      findUserById(db, to),
    ]);
    if (block) throw new AppError('BLOCKED', "You can't message this user.");
    if (!other || (!conversation && !isFriend))
      throw new AppError('NOT_FOUND', 'No conversation with this user.');
    if (isTyping && !canSendNow(userId, other, conversation ?? null, { isFriend, isBlocked: false }))
      throw new AppError('DM_NOT_ALLOWED', "This user isn't accepting your messages.");
    const conversationId = conversation?.id ?? `pending:${orderedPair(userId, to).join(':')}`;
    if (isTyping)
      this.live.startTyping({ id: userId, username: me?.username ?? '' }, to, conversationId, socketId);
    else this.live.stopTyping(userId, to, conversationId);
  }

  /**
   * Whether `callerId` may call `calleeId` (issue 12): the DM rules, stricter. Never across a block;
   * friends may; otherwise only inside a conversation whose message request was accepted.
   */
  async assertMayCall(callerId: string, calleeId: string): Promise<void> {
    const { db } = this.deps;
    const [conversation, isFriend, block] = await Promise.all([
      findConversation(db, callerId, calleeId),
      areFriends(db, callerId, calleeId),
      blockBetween(db, callerId, calleeId),
    ]);
    if (block) throw new AppError('BLOCKED', "You can't call this user.");
    if (isFriend || conversation?.requestState === 'accepted') return;
    throw new AppError('DM_NOT_ALLOWED', 'You can only call friends or people who accepted your messages.');
  }

  /** Writes a call's system line into the two users' conversation (see `SendService.sendCallLine`). */
  sendCallLine(callerId: string, calleeId: string, content: string): Promise<TDirectMessage> {
    return this.sending.sendCallLine(callerId, calleeId, content);
  }

  async sendSystemMessage(toUserId: string, content: string): Promise<TDirectMessage> {
    return this.sending.sendSystemMessage(await this.deps.systemUser(), toUserId, content);
  }

  close(): void {
    this.live.close();
  }
}

export function createMessagingModule(deps: MessagingModuleDeps) {
  const messaging = new Messaging(deps);
  return defineModule({
    name: 'messaging',
    api: messaging,
    routes: (app, guard) => registerMessagingRoutes(app, messaging, guard),
    socket: messagingSocketHandlers(messaging),
    unread: { messages: (userId) => messaging.unreadTotal(userId) },
    lifecycle: {
      bound: async (userId) => messaging.socketBound(userId),
      unbound: async (userId, socketId) => messaging.socketUnbound(userId, socketId),
    },
    stop: async () => messaging.close(),
  });
}
