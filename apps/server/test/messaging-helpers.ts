import { randomUUID } from 'node:crypto';
import {
  type ClientPayload,
  type TDirectMessage,
  type TPrivacy,
  ZDmSyncResponse,
  ZOkResponse,
  ZSendDmResponse,
} from '@guftagu/contracts';
import type { ApiClient, GuftaguSocket } from '@guftagu/sdk';
import { expect } from 'vitest';
import { call, emitAck, type SignedUp } from './harness.js';

/** A fresh client nonce, as the web client makes one per send attempt. */
export const nonce = () => randomUUID().replaceAll('-', '');

/** Sends over the socket and returns the stored message from the ack (which must succeed). */
export async function sendDm(
  socket: GuftaguSocket,
  to: Pick<SignedUp, 'userId'>,
  message: string | undefined,
  extra: Partial<ClientPayload<'dm_send'>> = {},
): Promise<TDirectMessage> {
  const text = message === undefined ? {} : { message };
  const ack = await emitAck(socket, 'dm_send', { to: to.userId, ...text, nonce: nonce(), ...extra });
  if (!ack.success) throw new Error(`dm_send failed: ${ack.code} ${ack.error}`);
  return ZSendDmResponse.parse(ack).message;
}

/** Sends over REST and returns the stored message. */
export async function postDm(
  api: ApiClient,
  to: Pick<SignedUp, 'userId'>,
  message: string,
  extra: Record<string, unknown> = {},
) {
  return (
    await call(api, ZSendDmResponse, 'POST', '/api/messages/send', {
      to: to.userId,
      message,
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

export async function syncAck(socket: GuftaguSocket, payload: ClientPayload<'dm_sync'>) {
  const ack = await emitAck(socket, 'dm_sync', payload);
  if (!ack.success) throw new Error(`dm_sync failed: ${ack.code} ${ack.error}`);
  return ZDmSyncResponse.parse(ack);
}

/** Changes some of a user's privacy settings through the profile route. */
export async function setPrivacy(user: SignedUp, privacy: Partial<TPrivacy>): Promise<void> {
  await call(user.api, ZOkResponse, 'PUT', '/api/user/profile', { privacy });
}
