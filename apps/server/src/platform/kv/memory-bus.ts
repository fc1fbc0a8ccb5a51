import { EventEmitter } from 'node:events';
import type { MessageBus } from './kv.js';

/** Single-node bus: delivery is synchronous to local subscribers, like one Redis node with one app. */
export class MemoryMessageBus implements MessageBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(channel: string, message: unknown): Promise<void> {
    this.emitter.emit(channel, message);
  }

  async subscribe(channel: string, handler: (message: unknown) => void): Promise<void> {
    this.emitter.on(channel, handler);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
