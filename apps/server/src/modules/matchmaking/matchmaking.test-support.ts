import type { ClientEventName, ClientPayload, ServerPayload, TAck } from '@guftagu/contracts';
import type { GuftaguSocket } from '@guftagu/sdk';
import { expect } from 'vitest';
import {
  connectAuthed,
  type EventRecorder,
  emitAck,
  recordEvents,
  type SignedUp,
  type TestServer,
  waitForConnect,
} from '../../../test/harness.js';

/** A video chat participant under test: its socket plus recorders for the events that matter. */
export interface Peer {
  socket: GuftaguSocket;
  id: string;
  found: EventRecorder<'match_found'>;
  ended: EventRecorder<'match_ended'>;
  positions: EventRecorder<'queue_position'>;
}

export function watch(socket: GuftaguSocket): Omit<Peer, 'id'> {
  return {
    socket,
    found: recordEvents(socket, 'match_found'),
    ended: recordEvents(socket, 'match_ended'),
    positions: recordEvents(socket, 'queue_position'),
  };
}

export async function anonymousPeer(server: Pick<TestServer, 'socket'>): Promise<Peer> {
  const socket = server.socket();
  const watched = watch(socket);
  await waitForConnect(socket);
  return { ...watched, id: socket.id ?? '' };
}

export async function userPeer(server: Pick<TestServer, 'socket'>, user: SignedUp): Promise<Peer> {
  const { socket } = await connectAuthed(server, user.token);
  const watched = watch(socket);
  return { ...watched, id: socket.id ?? '' };
}

export async function ok(
  socket: GuftaguSocket,
  event: ClientEventName,
  payload?: unknown,
): Promise<Record<string, unknown>> {
  const ack = await emitAck(socket, event, payload as ClientPayload<typeof event>);
  if (!ack.success) throw new Error(`${event} failed: ${ack.code} ${ack.error}`);
  return ack as Record<string, unknown>;
}

export async function fails(
  socket: GuftaguSocket,
  event: ClientEventName,
  payload: unknown,
  code: string,
): Promise<TAck> {
  const ack = await emitAck(socket, event, payload as ClientPayload<typeof event>);
  expect(ack).toMatchObject({ success: false, code });
  return ack;
}

/** Joins both (first waits, second is paired) and returns what each was told. */
export async function pair(
  first: Peer,
  second: Peer,
  interests: { first?: string[]; second?: string[] } = {},
): Promise<{ matchId: string; first: ServerPayload<'match_found'>; second: ServerPayload<'match_found'> }> {
  const before = { first: first.found.payloads.length, second: second.found.payloads.length };
  await ok(first.socket, 'join_queue', interests.first ? { interests: interests.first } : {});
  await ok(second.socket, 'join_queue', interests.second ? { interests: interests.second } : {});
  const a = await nthFound(first, before.first);
  const b = await nthFound(second, before.second);
  expect(a.matchId).toBe(b.matchId);
  return { matchId: a.matchId, first: a, second: b };
}

/** The `index`-th match_found of a peer (0-based), waiting for it if needed. */
export async function nthFound(peer: Peer, index: number): Promise<ServerPayload<'match_found'>> {
  await peer.found.waitFor(() => peer.found.payloads.length > index);
  const payload = peer.found.payloads[index];
  if (!payload) throw new Error('no match_found');
  return payload;
}

export async function nthEnded(peer: Peer, index: number): Promise<ServerPayload<'match_ended'>> {
  await peer.ended.waitFor(() => peer.ended.payloads.length > index);
  const payload = peer.ended.payloads[index];
  if (!payload) throw new Error('no match_ended');
  return payload;
}

export const SDP = (type: 'offer' | 'answer', size = 200) => ({ type, sdp: `v=0\r\n${'a'.repeat(size)}` });
