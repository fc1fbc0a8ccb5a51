/** The DM bench's users and sockets: real accounts and friendships on the gateway, made-up ids on the relay. */
import { performance } from 'node:perf_hooks';
import { ApiClient, connectSocket, type GuftaguSocket } from '@guftagu/sdk';
import { io as connectRaw, type Socket } from 'socket.io-client';
import { log } from './common.js';
import { whenReady } from './fleet.js';
import { round } from './stats.js';

const PASSWORD = 'bench-password-0123';

export type AnySocket = GuftaguSocket | Socket;

export interface Participant {
  userId: string;
  socket: AnySocket;
  partner: number;
}
/** Registers 2 × pairs users through the password route, befriends each pair, opens their sockets. */
export async function gatewayParticipants(url: string, pairs: number): Promise<Participant[]> {
  const run = Math.random().toString(36).slice(2, 6);
  const apis: ApiClient[] = [];
  const ids: string[] = [];
  const register = async (index: number) => {
    const api = new ApiClient({ baseUrl: url });
    const session = await api.register(`d${run}_${index}`, `dm-${run}-${index}@example.com`, PASSWORD);
    apis[index] = api;
    ids[index] = session.user.id;
  };
  const started = performance.now();
  await inBatches(pairs * 2, 16, register);
  log(`gateway: registered ${pairs * 2} users in ${round((performance.now() - started) / 1000, 1)} s`);
  const befriended = performance.now();
  await inBatches(pairs, 16, async (pair) => {
    const from = apis[pair * 2] as ApiClient;
    const to = apis[pair * 2 + 1] as ApiClient;
    const { request } = await from.request<{ request: { id: string } }>('POST', '/api/friends/request', {
      username: `d${run}_${pair * 2 + 1}`,
    });
    await to.request('POST', '/api/friends/accept', { requestId: request.id });
  });
  log(`gateway: befriended ${pairs} pairs in ${round((performance.now() - befriended) / 1000, 1)} s`);
  return openSockets(pairs, ids, (index) => {
    const socket = connectSocket(url, { token: apis[index]?.token ?? '' });
    return { socket, ready: whenReady(socket, 'authenticated') };
  });
}

/** The bare relay has no accounts: each socket names a made-up user id in its handshake. */
export function relayParticipants(url: string, pairs: number): Promise<Participant[]> {
  const ids = Array.from({ length: pairs * 2 }, (_, index) => `relay-user-${index}`);
  return openSockets(pairs, ids, (index) => {
    const socket = connectRaw(url, {
      path: '/socket.io',
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: { userId: ids[index] },
    });
    return {
      socket,
      ready: new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      }),
    };
  });
}

async function openSockets(
  pairs: number,
  ids: string[],
  open: (index: number) => { socket: AnySocket; ready: Promise<void> },
): Promise<Participant[]> {
  const participants: Participant[] = [];
  await inBatches(
    pairs * 2,
    200,
    async (index) => {
      const { socket, ready } = open(index);
      participants[index] = { userId: ids[index] ?? '', socket, partner: index ^ 1 };
      await ready;
    },
    true,
  );
  return participants;
}

/** Runs `work(0…count-1)`, `size` at a time (all of a batch at once when `wholeBatches`). */
async function inBatches(
  count: number,
  size: number,
  work: (index: number) => Promise<void>,
  wholeBatches = false,
): Promise<void> {
  if (wholeBatches) {
    for (let start = 0; start < count; start += size) {
      await Promise.all(Array.from({ length: Math.min(size, count - start) }, (_, i) => work(start + i)));
    }
    return;
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < count) await work(next++);
    }),
  );
}
