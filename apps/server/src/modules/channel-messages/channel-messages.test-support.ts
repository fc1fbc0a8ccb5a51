import { randomUUID } from 'node:crypto';
import {
  type ClientPayload,
  type PermissionName,
  type TChannelMessage,
  type TRole,
  ZChannelResponse,
  ZChannelSyncResponse,
  ZCreateServerResponse,
  ZJoinServerResponse,
  ZRoleResponse,
  ZSendChannelMessageResponse,
} from '@guftagu/contracts';
import type { GuftaguSocket } from '@guftagu/sdk';
import { expect } from 'vitest';
import {
  type AnyEventRecorder,
  call,
  connectAuthed,
  emitAck,
  recordAllEvents,
  type SignedUp,
  type TestServer,
} from '../../../test/harness.js';

// Communities' routes, called as any client would (a module's test helpers stay inside the module).
export const createServer = (owner: SignedUp, name = 'Test server') =>
  call(owner.api, ZCreateServerResponse, 'POST', '/api/servers', { name });
export const join = (user: SignedUp, code: string) =>
  call(user.api, ZJoinServerResponse, 'POST', `/api/servers/join/${code}`);
export async function createRole(
  actor: SignedUp,
  serverId: string,
  body: { name: string; permissions?: PermissionName[]; mentionable?: boolean },
): Promise<TRole> {
  return (await call(actor.api, ZRoleResponse, 'POST', `/api/servers/${serverId}/roles`, body)).role;
}
export async function assign(actor: SignedUp, serverId: string, roleId: string, userId: string) {
  await actor.api.request('POST', `/api/servers/${serverId}/roles/${roleId}/assign/${userId}`);
}
export async function createChannel(actor: SignedUp, serverId: string, body: Record<string, unknown>) {
  return (await call(actor.api, ZChannelResponse, 'POST', `/api/servers/${serverId}/channels`, body)).channel;
}

export const nonce = () => randomUUID().replaceAll('-', '');

export interface Tab {
  user: SignedUp;
  socket: GuftaguSocket;
  heard: AnyEventRecorder;
}

export async function tab(server: TestServer, user: SignedUp): Promise<Tab> {
  const { socket } = await connectAuthed(server, user.token);
  return { user, socket, heard: recordAllEvents(socket) };
}

/** A server with its owner, `count` members, and its default text and voice channels. */
export async function community(server: TestServer, count = 2) {
  const owner = await server.signUp();
  const detail = await createServer(owner);
  const members: SignedUp[] = [];
  for (let index = 0; index < count; index += 1) {
    const member = await server.signUp();
    await join(member, detail.server.inviteCode);
    members.push(member);
  }
  const text = detail.channels.find((channel) => channel.type === 'text');
  const voice = detail.channels.find((channel) => channel.type === 'voice');
  const everyone = detail.roles.find((role) => role.isDefault);
  if (!text || !voice || !everyone) throw new Error('server lacks its default channels or @everyone');
  return { owner, members, detail, serverId: detail.server.id, text, voice, everyoneRoleId: everyone.id };
}

/** Sends over the socket and returns the stored message from the ack (which must succeed). */
export async function send(
  socket: GuftaguSocket,
  channelId: string,
  content: string,
  extra: Partial<ClientPayload<'send_message'>> = {},
): Promise<TChannelMessage> {
  const ack = await emitAck(socket, 'send_message', { channelId, content, nonce: nonce(), ...extra });
  if (!ack.success) throw new Error(`send_message failed: ${ack.code} ${ack.error}`);
  return ZSendChannelMessageResponse.parse(ack).message;
}

export async function post(
  user: SignedUp,
  channelId: string,
  content: string,
  extra: Record<string, unknown> = {},
) {
  return (
    await call(user.api, ZSendChannelMessageResponse, 'POST', `/api/channels/${channelId}/messages`, {
      content,
      nonce: nonce(),
      ...extra,
    })
  ).message;
}

/** Emits and expects an error ack with `code`. */
export async function expectAckError<E extends Parameters<typeof emitAck>[1]>(
  socket: GuftaguSocket,
  event: E,
  payload: ClientPayload<E>,
  code: string,
) {
  const ack = await emitAck(socket, event, payload);
  expect(ack.success).toBe(false);
  if (!ack.success) expect(ack.code).toBe(code);
  return ack;
}

export async function syncAck(socket: GuftaguSocket, payload: ClientPayload<'channel_sync'>) {
  const ack = await emitAck(socket, 'channel_sync', payload);
  if (!ack.success) throw new Error(`channel_sync failed: ${ack.code} ${ack.error}`);
  return ZChannelSyncResponse.parse(ack);
}

/** Payloads of `event` a tab heard so far. */
export function heardPayloads<T = Record<string, unknown>>(t: Tab, event: string): T[] {
  return t.heard.events.filter((entry) => entry.event === event).map((entry) => entry.payload as T);
}
