import { CHANNEL_TYPING_TTL_MS } from '@guftagu/contracts';
import { eq } from 'drizzle-orm';
import { defineModule } from '../../app/module.js';
import { AppError } from '../../platform/errors.js';
import type { GatewaySocket } from '../../realtime/types.js';
import { channelRoom } from '../communities/index.js';
import { users } from '../users/index.js';
import { ActionsService } from './actions.service.js';
import { ChannelMessagesContext, type ChannelMessagesDeps } from './channel-messages.context.js';
import { registerChannelMessageRoutes } from './channel-messages.http.js';
import { channelMessageSocketHandlers } from './channel-messages.socket.js';
import { HistoryService } from './history.service.js';
import { ReadStateService } from './read-state.service.js';
import { SearchService } from './search.service.js';
import { SendService } from './send.service.js';

export type { ChannelMessagesDeps };

/**
 * Channel messages (issue 10), one object per use case sharing one context. Transports call these.
 * Room membership (who hears a channel) is communities'; this module only ever emits to the room.
 */
export class ChannelMessages {
  readonly context: ChannelMessagesContext;
  readonly sending: SendService;
  readonly actions: ActionsService;
  readonly history: HistoryService;
  readonly search: SearchService;
  readonly reads: ReadStateService;
  /** Which channels each socket on this node says it is looking at (`join_channel`), for typing. */
  private readonly viewing = new Map<string, Set<string>>();

  constructor(deps: ChannelMessagesDeps) {
    this.context = new ChannelMessagesContext(deps);
    this.sending = new SendService(this.context);
    this.actions = new ActionsService(this.context);
    this.history = new HistoryService(this.context);
    this.search = new SearchService(this.context);
    this.reads = new ReadStateService(this.context);
  }

  /** Seed 001 `join-channel`: marks the channel as shown by this socket; it never grants access. */
  async joinChannel(userId: string, channelId: string, socketId: string): Promise<void> {
    await this.context.guard.visible(userId, channelId);
    const set = this.viewing.get(socketId) ?? new Set<string>();
    set.add(channelId);
    this.viewing.set(socketId, set);
  }

  leaveChannel(channelId: string, socketId: string): void {
    const set = this.viewing.get(socketId);
    set?.delete(channelId);
    if (set && set.size === 0) this.viewing.delete(socketId);
  }

  /**
   * Typing goes to the channel's room except the typing socket (the user's other tabs ignore their
   * own id). Starting needs SEND_MESSAGES; stopping only needs the channel to be visible.
   */
  async setTyping(
    userId: string,
    channelId: string,
    isTyping: boolean,
    socket: GatewaySocket,
  ): Promise<void> {
    const access = await this.context.guard.visible(userId, channelId);
    const room = socket.to(channelRoom(channelId)) as unknown as {
      emit(event: string, payload: unknown): void;
    };
    if (!isTyping) {
      room.emit('user_stop_typing', { userId, channelId });
      return;
    }
    if (access.type === 'voice')
      throw new AppError('BAD_REQUEST', 'Voice channels have no messages.', { field: 'channelId' });
    this.context.guard.require(access, 'SEND_MESSAGES', "You can't send messages in this channel.");
    const [me] = await this.context.db
      .select({ username: users.username })
      .from(users)
      .where(eq(users.id, userId));
    room.emit('user_typing', {
      userId,
      username: me?.username ?? '',
      channelId,
      expiresInMs: CHANNEL_TYPING_TTL_MS,
    });
  }

  socketClosed(socketId: string): void {
    this.viewing.delete(socketId);
  }
}

export function createChannelMessagesModule(deps: ChannelMessagesDeps) {
  const channelMessages = new ChannelMessages(deps);
  return defineModule({
    name: 'channel-messages',
    api: channelMessages,
    routes: (app, guard) => registerChannelMessageRoutes(app, channelMessages, guard),
    socket: channelMessageSocketHandlers(channelMessages),
    lifecycle: {
      unbound: async (_userId, socketId) => channelMessages.socketClosed(socketId),
    },
  });
}
