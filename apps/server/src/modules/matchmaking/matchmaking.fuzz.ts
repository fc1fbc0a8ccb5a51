import type { ClientEventName, ServerEventName, ServerPayload, TAck } from '@guftagu/contracts';
import { serverEvents } from '@guftagu/contracts';
import { connectSocket, type GuftaguSocket } from '@guftagu/sdk';
import { emitAck, waitForConnect } from '../../../test/harness.js';
import type { QueueSnapshot } from './match-queue.js';

/**
 * The seeded randomized matchmaking test (tldraw `syncFuzz` style): virtual users join, leave, skip,
 * stop, chat, signal the wrong socket, report, drop and resume at random. Each client keeps a model of
 * its own state built only from the events it receives; after every step the model of every client
 * must agree with its partner's and with the server's queue, and some things must never happen at
 * all (a second match_found while matched, a self-match, a match ended twice, a grace period cut short).
 */

export interface FuzzUser {
  token: string;
  userId: string;
}

export interface FuzzOptions {
  seed: number;
  steps: number;
  clients: number;
  /** Node URLs; clients are spread over them round-robin. */
  urls: string[];
  /** Signed-in accounts; the first is used by two clients (two tabs of one person). */
  users: FuzzUser[];
  gracePeriodMs: number;
  inspect: () => Promise<QueueSnapshot>;
}

type Model =
  | { kind: 'idle' }
  | { kind: 'queued' }
  | {
      kind: 'matched';
      matchId: string;
      partnerId: string;
      resumeToken: string;
      /** When the partner's grace period runs out, as told by `partner_disconnected`; null while present. */
      partnerGraceEnds: number | null;
    };

interface Client {
  index: number;
  /**
   * A `partner_disconnected` can overtake `match_found` or `match_resumed` of its match (two flows on
   * the server emit to this socket); it is held here and applied when the match is announced.
   */
  earlyAway: Map<string, number>;
  /** The last few events this client heard, for the failure message. */
  log: string[];
  url: string;
  user: FuzzUser | null;
  socket: GuftaguSocket;
  id: string;
  model: Model;
}

const INTERESTS = ['music', 'games', 'art', 'travel', 'food'];

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runMatchmakingFuzz(options: FuzzOptions): Promise<{ matchIds: Set<string> }> {
  const next = random(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const violations: string[] = [];
  const matchIds = new Set<string>();
  const endedCount = new Map<string, number>();
  const clients: Client[] = [];
  let step = 0;

  const violate = (message: string) => violations.push(`seed ${options.seed} step ${step}: ${message}`);

  const attach = (client: Client) => {
    const on = <E extends ServerEventName>(event: E, handler: (payload: ServerPayload<E>) => void) =>
      (client.socket as unknown as { on: (event: string, listener: (payload: never) => void) => void }).on(
        event,
        ((payload: ServerPayload<E>) => {
          client.log.push(`${Date.now() % 100_000} ${event} ${JSON.stringify(payload).slice(0, 160)}`);
          if (!serverEvents[event].safeParse(payload).success) violate(`${event} broke its contract`);
          if (client.log.length > 8) client.log.shift();
          handler(payload);
        }) as (payload: never) => void,
      );
    const found = (payload: ServerPayload<'match_found'>) => {
      if (client.model.kind === 'matched' && client.model.matchId !== payload.matchId) {
        violate(`client ${client.index} got match ${payload.matchId} while in ${client.model.matchId}`);
      }
      if (payload.partnerId === client.id) violate(`client ${client.index} was matched with itself`);
      if (client.user && payload.partnerUserId === client.user.userId) {
        violate(`client ${client.index} was matched with another tab of the same user`);
      }
      matchIds.add(payload.matchId);
      client.model = {
        kind: 'matched',
        matchId: payload.matchId,
        partnerId: payload.partnerId,
        resumeToken: payload.resumeToken,
        partnerGraceEnds: client.earlyAway.get(payload.matchId) ?? null,
      };
      client.earlyAway.clear();
    };
    on('match_found', found);
    on('match_resumed', found);
    on('match_ended', (payload) => {
      const key = `${client.id}:${payload.matchId}`;
      endedCount.set(key, (endedCount.get(key) ?? 0) + 1);
      if ((endedCount.get(key) ?? 0) > 1)
        violate(`client ${client.index} was told twice that ${payload.matchId} ended`);
      if (client.model.kind !== 'matched' || client.model.matchId !== payload.matchId) {
        violate(`client ${client.index} told ${payload.matchId} ended while ${JSON.stringify(client.model)}`);
        return;
      }
      if (payload.endReason === 'disconnect') {
        const graceEnds = client.model.partnerGraceEnds;
        // Delivery jitter is allowed for; ending well before the announced deadline is not.
        if (graceEnds === null)
          violate(`client ${client.index}: disconnect end without partner_disconnected`);
        else if (Date.now() < graceEnds - options.gracePeriodMs / 2) {
          violate(
            `client ${client.index}: grace period cut short (${graceEnds - Date.now()} ms early)\n  ${client.log.join('\n  ')}`,
          );
        }
      }
      client.model = payload.requeued ? { kind: 'queued' } : { kind: 'idle' };
    });
    on('partner_disconnected', (payload) => {
      const graceEnds = Date.now() + payload.gracePeriodMs;
      if (client.model.kind === 'matched' && client.model.matchId === payload.matchId) {
        client.model.partnerGraceEnds = Math.min(client.model.partnerGraceEnds ?? graceEnds, graceEnds);
      } else if (client.model.kind !== 'matched') {
        // It may overtake match_found (the drop raced the match being recorded) or match_resumed.
        client.earlyAway.set(payload.matchId, graceEnds);
      } else {
        violate(
          `client ${client.index}: partner_disconnected for a match it is not in\n  ${client.log.join('\n  ')}`,
        );
      }
    });
    on('partner_reconnected', (payload) => {
      if (client.model.kind === 'matched' && client.model.matchId === payload.matchId) {
        client.model.partnerId = payload.partnerId;
        client.model.partnerGraceEnds = null;
      } else violate(`client ${client.index}: partner_reconnected for a match it is not in`);
    });
    on('queue_timeout', () => {
      client.model = { kind: 'idle' };
    });
  };

  const open = async (index: number, user: FuzzUser | null): Promise<Client> => {
    const url = options.urls[index % options.urls.length] as string;
    const socket = connectSocket(url, user ? { token: user.token } : {});
    const authenticated = user
      ? new Promise<void>((resolve) => socket.once('authenticated' as never, () => resolve()))
      : Promise.resolve();
    await waitForConnect(socket);
    await authenticated;
    const client: Client = {
      index,
      url,
      user,
      socket,
      id: socket.id ?? '',
      model: { kind: 'idle' },
      earlyAway: new Map(),
      log: [],
    };
    attach(client);
    return client;
  };

  const userFor = (index: number): FuzzUser | null => {
    if (options.users.length === 0) return null;
    if (index === 0 || index === 1) return options.users[0] ?? null;
    return index - 1 < options.users.length ? (options.users[index - 1] ?? null) : null;
  };

  for (let index = 0; index < options.clients; index++) clients.push(await open(index, userFor(index)));

  const send = (client: Client, event: ClientEventName, payload?: unknown): Promise<TAck> =>
    emitAck(client.socket, event, payload as never, 10_000);

  /** Problems between the client models and the server's queue; empty when all agree. */
  const problems = async (): Promise<string[]> => {
    const snapshot = await options.inspect();
    const found: string[] = [];
    const seen = new Map<string, string>();
    const claim = (socketId: string, where: string) => {
      if (seen.has(socketId)) found.push(`socket ${socketId} in ${seen.get(socketId)} and ${where}`);
      seen.set(socketId, where);
    };
    for (const entry of snapshot.waiting) {
      claim(entry.socketId, 'queue');
      const state = snapshot.sockets[entry.socketId];
      if (state?.state !== 'queued' || state.entryId !== entry.entryId)
        found.push(`entry ${entry.socketId} without its state`);
    }
    for (const match of snapshot.matches) {
      if (match.a.identity === match.b.identity) found.push(`match ${match.id} pairs one identity`);
      for (const [me, partner] of [
        [match.a, match.b],
        [match.b, match.a],
      ] as const) {
        if (me.disconnectedAt !== 0) continue;
        claim(me.socketId, `match ${match.id}`);
        const state = snapshot.sockets[me.socketId];
        if (
          state?.state !== 'matched' ||
          state.matchId !== match.id ||
          state.partnerSocketId !== partner.socketId
        ) {
          found.push(`socket ${me.socketId} of match ${match.id} has state ${JSON.stringify(state)}`);
        }
      }
    }
    for (const socketId of Object.keys(snapshot.sockets)) {
      if (!seen.has(socketId)) found.push(`socket state ${socketId} belongs to no entry or match`);
    }
    for (const client of clients) {
      if (client.earlyAway.size > 0)
        found.push(`client ${client.index} heard partner_disconnected for no match`);
      const server = snapshot.sockets[client.id] ?? { state: 'idle' as const };
      const model = client.model;
      const same =
        model.kind === 'idle'
          ? server.state === 'idle'
          : model.kind === 'queued'
            ? server.state === 'queued'
            : server.state === 'matched' &&
              server.matchId === model.matchId &&
              server.partnerSocketId === model.partnerId;
      if (!same)
        found.push(
          `client ${client.index} thinks ${JSON.stringify(model)}, server ${JSON.stringify(server)}`,
        );
    }
    return found;
  };

  const settleAll = async () => {
    const deadline = Date.now() + 10_000;
    let last: string[] = [];
    while (Date.now() < deadline) {
      last = await problems();
      if (last.length === 0 && violations.length === 0) return;
      if (violations.length > 0) break;
      await sleep(5);
    }
    throw new Error([...violations, ...last].slice(0, 12).join('\n'));
  };

  /** An ack failure is only acceptable as CONFLICT when the client's own model moved on meanwhile. */
  const expectOk = async (client: Client, ack: TAck, what: string, stillValid: () => boolean) => {
    if (ack.success) return;
    if (ack.code === 'CONFLICT') {
      await settleAll();
      if (!stillValid()) return;
    }
    violate(`client ${client.index} ${what} failed: ${ack.code} ${ack.error}`);
  };

  const reconnect = async (client: Client, resume: boolean) => {
    const previous = client.model;
    client.socket.disconnect();
    const fresh = await open(client.index, client.user);
    clients[client.index] = fresh;
    if (resume && previous.kind === 'matched') {
      const ack = await send(fresh, 'resume_match', { resumeToken: previous.resumeToken });
      // Refused only if the match really is over (the partner's own grace ran out first).
      if (!ack.success) {
        const snapshot = await options.inspect();
        if (snapshot.matches.some((match) => match.id === previous.matchId)) {
          violate(`client ${client.index} could not resume a live match: ${ack.code}`);
        }
      }
    }
  };

  for (step = 0; step < options.steps; step++) {
    const client = pick(clients);
    const model = client.model;
    const roll = next();
    const matchIdOf = () => (client.model.kind === 'matched' ? client.model.matchId : null);
    switch (model.kind) {
      case 'idle': {
        if (roll < 0.85) {
          const interests = next() < 0.3 ? [pick(INTERESTS), pick(INTERESTS)] : [];
          const ack = await send(client, 'join_queue', { interests });
          // A match is announced by match_found (which arrived before this ack); a wait only by the ack.
          if (ack.success && ack.status === 'queued' && client.model.kind === 'idle')
            client.model = { kind: 'queued' };
          await expectOk(client, ack, 'join', () => client.model.kind === 'idle');
        } else if (roll < 0.95) {
          const ack = await send(client, 'chat_message', { to: pick(clients).id, message: 'anyone?' });
          if (ack.success || ack.code !== 'CONFLICT')
            violate(`client ${client.index} chatted while idle: ${JSON.stringify(ack)}`);
        } else await reconnect(client, false);
        break;
      }
      case 'queued': {
        if (roll < 0.35) {
          const ack = await send(client, 'leave_queue');
          if (ack.success && ack.left === true) client.model = { kind: 'idle' };
          else if (!ack.success) violate(`client ${client.index} leave failed: ${ack.code}`);
        } else if (roll < 0.45) {
          await reconnect(client, false);
        }
        // Otherwise it keeps waiting this step.
        break;
      }
      case 'matched': {
        const { matchId, partnerId } = model;
        if (roll < 0.3) {
          const ack = await send(client, 'skip_partner', { matchId });
          await expectOk(client, ack, 'skip', () => matchIdOf() === matchId);
        } else if (roll < 0.45) {
          const ack = await send(client, 'end_chat', { matchId });
          await expectOk(client, ack, 'stop', () => matchIdOf() === matchId);
        } else if (roll < 0.65) {
          const ack = await send(client, 'chat_message', { to: partnerId, message: `step ${step}`, matchId });
          await expectOk(client, ack, 'chat', () => matchIdOf() === matchId);
        } else if (roll < 0.7) {
          const stranger = pick(clients.filter((other) => other.id !== partnerId));
          const ack = await send(client, 'webrtc_offer', {
            to: stranger.id,
            matchId,
            offer: { type: 'offer', sdp: 'v=0' },
          });
          if (ack.success) violate(`client ${client.index} signaled a non-partner`);
        } else if (roll < 0.73) {
          const ack = await send(client, 'report_partner', { reason: 'spam', matchId });
          await expectOk(client, ack, 'report', () => matchIdOf() === matchId);
        } else if (roll < 0.85) {
          await reconnect(client, true);
        } else if (roll < 0.92) {
          await reconnect(client, false);
        }
        break;
      }
    }
    await settleAll();
  }

  for (const client of clients) client.socket.disconnect();
  if (violations.length > 0) throw new Error(violations.slice(0, 12).join('\n'));
  return { matchIds };
}
