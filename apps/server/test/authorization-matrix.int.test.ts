import { randomUUID } from 'node:crypto';
import {
  type ClientEventName,
  clientEvents,
  ZErrorEnvelope,
  ZFriendRequestsResponse,
  ZNotificationsResponse,
} from '@guftagu/contracts';
import type { GuftaguSocket } from '@guftagu/sdk';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createBannedUser,
  createBlockedUser,
  createLoggedOutUser,
  createOwnedObjects,
  type OwnedObjects,
} from './authz-fixtures.js';
import { fetchOpenApiDocument } from './documented-routes.js';
import {
  call,
  connectAuthed,
  eventually,
  nextEvent,
  type SignedUp,
  startTestServer,
  type TestServer,
  waitForConnect,
} from './harness.js';
import { pacedEmitter } from './paced-socket.js';
import { type JsonSchema, seedFor, validOf } from './schema-arbitraries.js';

/**
 * The authorization matrix, generated from the OpenAPI document and the contract's client events: every
 * signed-in route and event is tried as anonymous, after logout and as a banned account; every
 * object-scoped one (a path parameter, or a body or payload field naming an object) also as a stranger
 * and as a user the owner blocked, against real objects the owner holds. A route or event added later
 * joins by default; only the allow-lists below (each with its reason) exempt anything.
 *
 * Object kinds with a fixture factory (authz-fixtures.ts): direct messages, friends, friend requests,
 * notifications, uploads (as attachments and server icons), random-chat matches, users, servers,
 * channels, roles (and permission overwrite targets), invites, channel messages, voice calls. Covered by
 * random ids only (ids generated from the parameter's schema): the invite code of the join route
 * (joining by invite is allowed by design), and anything a later module adds until it gets a factory.
 */

/**
 * Routes anyone may call without a session (the document says so: no or optional bearer). Any other route
 * the document lists without a required bearer fails the matrix until it is added here, with a reason.
 */
const PUBLIC_BY_DESIGN: Record<string, string> = {
  'GET /api/health': 'liveness probe for load balancers',
  'GET /api/docs': 'the API reference page',
  'GET /api/docs/openapi.json': 'the API reference document',
  'GET /api/dev/mailbox': 'development outbox; not mounted in production',
  'POST /api/auth/send-otp': 'signing in',
  'POST /api/auth/verify-otp': 'signing in',
  'POST /api/auth/register': 'signing up',
  'POST /api/auth/login': 'signing in',
  'POST /api/auth/refresh': 'authenticated by the httpOnly refresh cookie, not the bearer',
  'POST /api/auth/logout': 'ends the session of the refresh cookie as well as the bearer',
  'GET /api/user/check-username': 'availability check on the sign-up form',
  'GET /api/user/id/{userId}': 'public profile by 7-digit id (privacy settings apply)',
  'GET /api/user/{username}': 'public profile (privacy settings apply)',
  'GET /api/match/ice-servers': 'anonymous random chat (seed 000) needs STUN',
  'GET /api/invite/{inviteCode}': 'invite preview before signing in (seed 001)',
};

/**
 * Object-scoped routes whose path names another user, where the route acts on the caller's own relation
 * with that user (block them, archive or read one's own conversation with them). A stranger may get a
 * success here, but never the owner's data: the answer must not contain the owner's canary.
 */
const CALLER_SCOPED: Record<string, string> = {
  'POST /api/users/{userId}/block': 'anyone may block anyone',
  'DELETE /api/users/{userId}/block': "unblocking is the caller's own list; idempotent",
  'GET /api/messages/{userId}': "the caller's own conversation with that user",
  'POST /api/messages/conversations/{userId}/archive': "archives the caller's own conversation view",
  'DELETE /api/messages/conversations/{userId}/archive': "unarchives the caller's own conversation view",
};

/**
 * Object-scoped routes that succeed without effect on objects that are not the caller's (bulk marks act
 * on the caller's own rows only). The owner's objects are checked unchanged afterwards.
 */
const NO_EFFECT_ROUTES: Record<string, string> = {
  'PUT /api/notifications/read': "marks only the caller's own notifications",
  'PUT /api/messages/read': "marks only the caller's own conversation",
  'POST /api/messages/sync': "returns only the caller's own conversations",
};

/** Client events any socket may send, signed in or not. */
const PUBLIC_EVENTS: Record<string, string> = {
  authenticate: 'signs the socket in',
  heartbeat: 'keep-alive for every socket',
  join_queue: 'anonymous random chat (seed 000)',
  leave_queue: 'anonymous random chat',
  skip_partner: 'anonymous random chat',
  end_chat: 'anonymous random chat',
  resume_match: 'anonymous random chat; proven by the resume token',
  webrtc_offer: 'anonymous random chat signalling to the current partner',
  webrtc_answer: 'anonymous random chat signalling to the current partner',
  webrtc_ice_candidate: 'anonymous random chat signalling to the current partner',
  chat_message: 'anonymous random chat text',
  chat_typing_start: 'anonymous random chat',
  chat_typing_stop: 'anonymous random chat',
  report_partner: 'anonymous random chat may report the partner',
  connection_quality: 'anonymous random chat telemetry',
};

/** Events that succeed without effect on objects that are not the caller's (checked unchanged after). */
const NO_EFFECT_EVENTS: Record<string, string> = {
  dm_mark_delivered: "acknowledges only messages sent to the caller; others' ids are ignored",
  notification_mark_read: "marks only the caller's own notifications",
  dm_mark_read: 'marks only messages sent to the caller; answers the (empty) list it marked',
  skip_partner: "the caller is in no match; the owner's match is untouched",
  end_chat: "the caller is in no match; the owner's match is untouched",
};

/** Events a user blocked by the owner may still aim at the owner: none of them reaches the owner. */
const BLOCKED_MAY: Record<string, string> = {
  block_user: 'blocking back is allowed',
  unblock_user: "the caller's own block list; idempotent",
  dm_viewing: "records which conversation the caller's own screen shows",
};

/** Fields (in paths, bodies and payloads) that name an object; new object kinds join by their name. */
const USER_FIELD = /^(to|userId|toUserId|friendId|recipientId|targetUserId|with|fromUserId)$/;
const isObjectField = (field: string) =>
  !USER_FIELD.test(field) && /(^id$|Ids?$|^replyTo$|^code$|^inviteCode$)/.test(field);

/** Values the schema cannot say (a refinement): fields with these names get them. */
const FIELD_SAMPLES: Record<string, unknown> = { emoji: '👍' };

type Operation = {
  security?: Array<Record<string, unknown>>;
  parameters?: Array<{ name: string; in: 'path' | 'query'; required?: boolean; schema: JsonSchema }>;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
};

interface Route {
  key: string;
  method: string;
  path: string;
  operation: Operation;
  pathParams: string[];
  bodySchema: JsonSchema | undefined;
}

let server: TestServer;
let owned: OwnedObjects;
let stranger: SignedUp;
let blocked: SignedUp;
let banned: SignedUp;
let loggedOut: SignedUp;
let routes: Route[];
/** Kinds that only random ids covered in this run, printed so the gap stays visible. */
const randomOnly = new Set<string>();

beforeAll(async () => {
  server = await startTestServer();
  owned = await createOwnedObjects(server);
  [stranger, blocked, banned, loggedOut] = await Promise.all([
    server.signUp(),
    createBlockedUser(server, owned),
    createBannedUser(server),
    createLoggedOutUser(server),
  ]);
  const document = await fetchOpenApiDocument(server.url);
  routes = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations as Record<string, Operation>).map(([method, operation]) => ({
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
      operation,
      pathParams: (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
      bodySchema: operation.requestBody?.content['application/json']?.schema,
    })),
  );
}, 120_000);

afterAll(async () => {
  if (randomOnly.size > 0)
    console.info(`authorization matrix: covered by random ids only: ${[...randomOnly].join(', ')}`);
  await server?.close();
});

const requiresSession = (route: Route) =>
  (route.operation.security ?? []).length > 0 &&
  (route.operation.security ?? []).every((option) => Object.keys(option).length > 0);

/** A value of the schema, deterministic per name (some formats the schema alone cannot say). */
function sampleFor(schema: JsonSchema, name: string, index = 0): unknown {
  const field = name.split(/[ ?]/).pop() ?? '';
  if (field in FIELD_SAMPLES) return FIELD_SAMPLES[field];
  if (schema.format === 'uuid') return randomUUID();
  return fc.sample(validOf(schema), { seed: seedFor(17, name), numRuns: index + 1 })[index];
}

/** The owner's real object for a field or parameter, when a factory makes that kind; else undefined. */
function ownedValue(name: string, where: string): unknown {
  const o = owned;
  const c = o.community;
  // Direct-message routes and `dm_` events name DMs; every other message is a channel message.
  const direct = where.startsWith('/api/messages') || where.startsWith('dm_');
  if (name === 'messageId' || name === 'replyTo') return direct ? o.dmMessageId : c?.channelMessageId;
  if (name === 'sessionId' || name === 'callId') return o.callSessionId;
  if (name === 'serverId') return c?.serverId;
  if (name === 'channelId') return c?.channelId;
  if (name === 'roleId' || name === 'targetId') return c?.roleId;
  // Joining by a valid invite is what an invite is for: that route gets a random code.
  if ((name === 'code' || name === 'inviteCode') && !where.includes('/join/')) return c?.inviteCode;
  if (name === 'messageIds') return [o.dmMessageId];
  if (name === 'id' && where.startsWith('/api/notifications')) return o.notificationId;
  if (name === 'notificationId') return o.notificationId;
  if (name === 'notificationIds' || name === 'ids') return [o.notificationId];
  if (name === 'requestId') return o.pendingRequestId;
  if (name === 'attachmentIds') return [o.uploadId];
  if (/^(upload|icon|avatar|attachment|image)Id$/.test(name)) return o.uploadId;
  if (name === 'matchId') return o.matchId;
  if (name === 'friendId') return o.friend.userId;
  return undefined;
}

/** The path with each parameter set to the owner's object (or a random id of the right shape). */
function concretePath(route: Route, target: 'owner' | 'friend'): { path: string; real: boolean } {
  let real = true;
  let path = route.path;
  for (const param of route.operation.parameters ?? []) {
    if (param.in !== 'path') continue;
    let value: unknown;
    if (param.name === 'userId' && route.path.startsWith('/api/user/id/'))
      value = owned.owner.session.user.userId7Digit;
    else if (param.name === 'username') value = owned.owner.session.user.username;
    else if (param.name === 'userId') value = target === 'owner' ? owned.owner.userId : owned.friend.userId;
    else value = ownedValue(param.name, route.path);
    if (value === undefined) {
      real = false;
      if (!(param.name in FIELD_SAMPLES)) randomOnly.add(param.name);
      value = sampleFor(param.schema, `${route.key} ${param.name}`);
    }
    path = path.replace(`{${param.name}}`, encodeURIComponent(String(value)));
  }
  const query = (route.operation.parameters ?? [])
    .filter((param) => param.in === 'query' && param.required)
    .map(
      (param) =>
        `${param.name}=${encodeURIComponent(String(sampleFor(param.schema, `${route.key} ?${param.name}`)))}`,
    );
  return { path: query.length > 0 ? `${path}?${query.join('&')}` : path, real };
}

/** A body the schema accepts, with object fields set to the owner's objects and user fields to `user`. */
function bodyFor(route: Route, index: number, userId: string): unknown {
  if (!route.bodySchema) return route.method === 'GET' ? undefined : {};
  const sample = sampleFor(route.bodySchema, route.key, index);
  if (typeof sample !== 'object' || sample === null || Array.isArray(sample)) return sample;
  const body: Record<string, unknown> = { ...sample };
  for (const [field, schema] of Object.entries(route.bodySchema.properties ?? {})) {
    const value = ownedValue(field, route.path);
    if (value !== undefined) body[field] = value;
    else if (field in FIELD_SAMPLES) body[field] = FIELD_SAMPLES[field];
    else if (USER_FIELD.test(field) && schema.format === 'uuid') body[field] = userId;
  }
  return body;
}

async function request(
  route: Route,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<{ status: number; text: string; code: string | undefined; field: unknown }> {
  const response = await fetch(`${server.url}${path}`, {
    method: route.method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  let code: string | undefined;
  let field: unknown;
  if (response.status >= 400) {
    const parsed = ZErrorEnvelope.safeParse(JSON.parse(text || 'null'));
    code = parsed.success ? parsed.data.code : 'NOT_AN_ENVELOPE';
    field = parsed.success ? parsed.data.details?.field : undefined;
  }
  return { status: response.status, text, code, field };
}

describe('HTTP authorization matrix', () => {
  it('lists every route that admits anonymous callers in PUBLIC_BY_DESIGN, with a reason', () => {
    const open = routes.filter((route) => !requiresSession(route)).map((route) => route.key);
    expect(open.filter((key) => !(key in PUBLIC_BY_DESIGN))).toEqual([]);
    expect(routes.length).toBeGreaterThan(40);
  });

  it.each([
    ['anonymous', (): string | undefined => undefined, 401, /^UNAUTHORIZED$/],
    ['after logout', (): string | undefined => loggedOut.token, 401, /^UNAUTHORIZED$/],
    ['a banned account', (): string | undefined => banned.token, 403, /^ACCOUNT_BANNED$/],
    ['a garbage token', (): string | undefined => 'not.a.jwt', 401, /^(UNAUTHORIZED|TOKEN_INVALID)$/],
  ] as const)(
    'refuses every signed-in route to %s (401, or 403 ACCOUNT_BANNED)',
    async (_label, token, status, code) => {
      const failures: string[] = [];
      for (const route of routes.filter(requiresSession)) {
        const { path } = concretePath(route, 'owner');
        const answer = await request(route, path, token(), route.method === 'GET' ? undefined : {});
        if (answer.status !== status || !code.test(answer.code ?? ''))
          failures.push(`${route.key}: ${answer.status} ${answer.code ?? answer.text.slice(0, 120)}`);
      }
      expect(failures).toEqual([]);
    },
  );

  it('never fails a public route with a 5xx, whoever calls', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((candidate) => !requiresSession(candidate))) {
      if (route.key.startsWith('POST /api/auth/')) continue; // Sign-in flows: covered by the auth suites.
      for (const token of [undefined, loggedOut.token, banned.token, stranger.token]) {
        const { path } = concretePath(route, 'owner');
        const answer = await request(route, path, token);
        if (answer.status >= 500 || answer.code === 'NOT_AN_ENVELOPE')
          failures.push(`${route.key}: ${answer.status} ${answer.text.slice(0, 120)}`);
        if (answer.text.includes(owned.canary)) failures.push(`${route.key}: leaked the owner's data`);
      }
    }
    expect(failures).toEqual([]);
  });

  /** Object-scoped: a path parameter, or a body field naming an object. */
  const objectScoped = (route: Route) =>
    requiresSession(route) &&
    (route.pathParams.length > 0 || Object.keys(route.bodySchema?.properties ?? {}).some(isObjectField));

  it.each([
    ['a stranger', () => stranger],
    ['a user the owner blocked', () => blocked],
  ] as const)(
    "refuses %s every object-scoped route on the owner's objects, never a 2xx or 5xx",
    async (_l, actor) => {
      const caller = actor();
      const failures: string[] = [];
      const validationOnly: string[] = [];
      let tried = 0;
      // Deletions last, so the owner's objects exist while everything else is tried.
      const ordered = routes
        .filter(objectScoped)
        .sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
      for (const route of ordered) {
        tried += 1;
        const { path, real } = concretePath(route, 'owner');
        let answer = await request(route, path, caller.token, bodyFor(route, 0, owned.friend.userId));
        // Generated bodies may miss a rule the schema cannot express; try a few before judging.
        for (let index = 1; index < 8 && answer.status === 400; index += 1)
          answer = await request(route, path, caller.token, bodyFor(route, index, owned.friend.userId));
        const where = `${route.key} → ${answer.status} ${answer.code ?? ''} ${answer.text.slice(0, 160)}`;
        if (answer.status >= 500 || answer.code === 'NOT_AN_ENVELOPE') failures.push(where);
        else if (answer.text.includes(owned.canary)) failures.push(`${where}: leaked the owner's data`);
        else if (answer.status < 400) {
          if (!(route.key in CALLER_SCOPED) && !(route.key in NO_EFFECT_ROUTES))
            failures.push(`${where}: allowed`);
        } else if (answer.status === 400) {
          // Refused for naming the owner's object (e.g. a reply to a message of another conversation).
          if (typeof answer.field === 'string' && isObjectField(answer.field)) continue;
          if (real) failures.push(`${where}: no generated input reached the authorization check`);
          else validationOnly.push(route.key);
        } else if (
          answer.status !== 403 &&
          answer.status !== 404 &&
          answer.status !== 409 &&
          answer.status !== 429
        )
          failures.push(`${where}: expected 403 or 404`);
      }
      if (validationOnly.length > 0)
        console.info(`authorization matrix: only validation reached for ${validationOnly.join(', ')}`);
      expect(failures, failures.join('\n')).toEqual([]);
      expect(tried).toBeGreaterThan(10);
    },
  );

  it("leaves the owner's objects as they were", async () => {
    const { notifications } = await call(
      owned.owner.api,
      ZNotificationsResponse,
      'GET',
      '/api/notifications',
    );
    expect(notifications.find((notification) => notification.id === owned.notificationId)).toMatchObject({
      isRead: false,
    });
    const requests = await call(owned.owner.api, ZFriendRequestsResponse, 'GET', '/api/friends/requests');
    expect(requests.received.map((r) => r.id)).toContain(owned.pendingRequestId);
    const history = await owned.owner.api.request<{
      messages: Array<{ id: string; content: string | null }>;
    }>('GET', `/api/messages/${owned.friend.userId}`);
    expect(history.messages.find((message) => message.id === owned.dmMessageId)?.content).toContain(
      owned.canary,
    );
  });
});

/** An event's contract as JSON Schema, for generating a payload it accepts. */
const eventSchema = (event: ClientEventName): JsonSchema =>
  z.toJSONSchema(clientEvents[event], { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/**
 * A payload the contract accepts, with object fields set to the owner's objects and user fields to
 * `userId`; undefined when none of the samples passes the contract.
 */
function payloadFor(
  event: ClientEventName,
  userId: string,
): { payload: unknown; scoped: boolean; aimsAtUser: boolean } | undefined {
  const schema = clientEvents[event];
  const samples = fc.sample(validOf(eventSchema(event)), { seed: seedFor(17, event), numRuns: 60 });
  for (const sample of [undefined, ...samples]) {
    let scoped = false;
    let aimsAtUser = false;
    let payload = sample;
    if (typeof sample === 'object' && sample !== null && !Array.isArray(sample)) {
      const copy: Record<string, unknown> = { ...sample };
      for (const field of Object.keys(eventSchema(event).properties ?? {})) {
        const value = ownedValue(field, event);
        if (value !== undefined) {
          copy[field] = value;
          scoped = true;
        } else if (USER_FIELD.test(field)) {
          copy[field] = userId;
          aimsAtUser = true;
        } else if (field in FIELD_SAMPLES) copy[field] = FIELD_SAMPLES[field];
        else if (isObjectField(field)) scoped = true;
      }
      payload = copy;
    }
    if (schema.safeParse(payload).success) return { payload, scoped, aimsAtUser };
  }
  return undefined;
}

const EVENTS = Object.keys(clientEvents) as ClientEventName[];

async function anonymousSocket(token?: string): Promise<GuftaguSocket> {
  const socket = server.socket(token);
  await waitForConnect(socket);
  return socket;
}

describe('socket authorization matrix', () => {
  it('builds a payload the contract accepts for every event', () => {
    const missing = EVENTS.filter((event) => payloadFor(event, owned.owner.userId) === undefined);
    expect(missing).toEqual([]);
  });

  it.each([
    ['an anonymous socket', () => anonymousSocket()],
    [
      'a socket with a logged-out token',
      async () => {
        const socket = server.socket(loggedOut.token);
        const refused = nextEvent(socket, 'auth_error');
        await waitForConnect(socket);
        expect((await refused).code).toBe('UNAUTHORIZED');
        return socket;
      },
    ],
  ] as const)('refuses every signed-in event on %s with UNAUTHORIZED', async (_label, open) => {
    const socket = await open();
    const emit = pacedEmitter(socket);
    const failures: string[] = [];
    for (const event of EVENTS) {
      if (event === 'authenticate') continue;
      const built = payloadFor(event, owned.owner.userId);
      if (!built) continue;
      const { ack, raw } = await emit(event, built.payload);
      if (!ack) failures.push(`${event}: garbled ack ${JSON.stringify(raw)}`);
      else if (event in PUBLIC_EVENTS) {
        if (!ack.success && ack.code === 'INTERNAL_ERROR') failures.push(`${event}: INTERNAL_ERROR`);
      } else if (ack.success || ack.code !== 'UNAUTHORIZED')
        failures.push(`${event}: ${JSON.stringify(ack).slice(0, 160)} (not in PUBLIC_EVENTS)`);
      if (!socket.connected) throw new Error(`${event} disconnected the socket`);
    }
    socket.disconnect();
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('refuses a banned account at the handshake and by `authenticate`: user_banned, then force_disconnect', async () => {
    const socket = server.socket(banned.token);
    const refused = nextEvent(socket, 'auth_error');
    const told = nextEvent(socket, 'user_banned');
    const forced = nextEvent(socket, 'force_disconnect');
    expect((await refused).code).toBe('ACCOUNT_BANNED');
    await told;
    expect(await forced).toEqual({ reason: 'account_banned' });
    await eventually(() => !socket.connected, 'the banned socket is closed');

    const anonymous = await anonymousSocket();
    const { ack } = await pacedEmitter(anonymous)('authenticate', { token: banned.token });
    expect(ack).toMatchObject({ success: false, code: 'ACCOUNT_BANNED' });
    await eventually(() => !anonymous.connected, 'the socket that tried is closed');
  });

  it('disconnects the live sockets of a user who logs out, and their token no longer signs a socket in', async () => {
    const user = await server.signUp();
    const { socket } = await connectAuthed(server, user.token);
    const forced = nextEvent(socket, 'force_disconnect');
    await user.api.logout();
    expect(await forced).toEqual({ reason: 'logged_out' });
    const again = server.socket(user.token);
    expect((await nextEvent(again, 'auth_error')).code).toBe('UNAUTHORIZED');
    again.disconnect();
  });

  it.each([
    ['a stranger', () => stranger],
    ['a user the owner blocked', () => blocked],
  ] as const)("refuses %s every object-scoped event on the owner's objects", async (label, actor) => {
    const caller = actor();
    const { socket } = await connectAuthed(server, caller.token);
    const emit = pacedEmitter(socket);
    const failures: string[] = [];
    let tried = 0;
    const isBlocked = label.includes('blocked');
    // Deletions last, so the owner's objects exist while everything else is tried.
    const ordered = [...EVENTS].sort((a, b) => Number(a.includes('delete')) - Number(b.includes('delete')));
    for (const event of ordered) {
      if (event === 'authenticate' || event === 'heartbeat') continue;
      // Object fields aim at the owner's objects; user fields at the owner when blocked (contacting
      // the blocker), else at the owner's friend (a stranger may write to anyone).
      const built = payloadFor(event, isBlocked ? owned.owner.userId : owned.friend.userId);
      if (!built) continue;
      const judged = built.scoped || (isBlocked && built.aimsAtUser && !(event in BLOCKED_MAY));
      if (!judged) continue;
      tried += 1;
      const { ack, raw } = await emit(event, built.payload);
      const where = `${event} ${JSON.stringify(built.payload).slice(0, 120)} → ${JSON.stringify(raw).slice(0, 160)}`;
      if (!ack) failures.push(`${where}: garbled ack`);
      else if (!ack.success && ack.code === 'INTERNAL_ERROR') failures.push(`${where}: INTERNAL_ERROR`);
      else if (JSON.stringify(raw).includes(owned.canary)) failures.push(`${where}: leaked the owner's data`);
      else if (ack.success && !(event in NO_EFFECT_EVENTS)) failures.push(`${where}: allowed`);
      else if (
        !ack.success &&
        ack.code === 'VALIDATION_ERROR' &&
        !(typeof ack.details?.field === 'string' && isObjectField(ack.details.field))
      )
        failures.push(`${where}: the generated payload never reached the check`);
      if (!socket.connected) throw new Error(`${event} disconnected the socket`);
    }
    socket.disconnect();
    expect(failures, failures.join('\n')).toEqual([]);
    expect(tried).toBeGreaterThan(5);
  });

  it("still leaves the owner's notification unread and message intact after the socket attempts", async () => {
    const { notifications } = await call(
      owned.owner.api,
      ZNotificationsResponse,
      'GET',
      '/api/notifications',
    );
    expect(notifications.find((notification) => notification.id === owned.notificationId)?.isRead).toBe(
      false,
    );
    const history = await owned.owner.api.request<{
      messages: Array<{ id: string; content: string | null }>;
    }>('GET', `/api/messages/${owned.friend.userId}`);
    expect(history.messages.find((message) => message.id === owned.dmMessageId)?.content).toContain(
      owned.canary,
    );
  });
});

/**
 * What a member with only `@everyone`'s default permissions (DEFAULT_EVERYONE_PERMISSIONS: view, send,
 * history, attach, react, create invites, voice) may change in someone else's server. Every other
 * change to a server, channel or role route or event is refused to them.
 */
const MEMBER_MAY: Record<string, string> = {
  'POST /api/servers/{serverId}/leave': 'every member may leave (not called: it would end the membership)',
  'POST /api/servers/join/{inviteCode}': 'joining by invite',
  'POST /api/channels/{channelId}/messages': 'SEND_MESSAGES',
  'PUT /api/channels/{channelId}/messages/{messageId}/reactions/{emoji}': 'ADD_REACTIONS',
  'DELETE /api/channels/{channelId}/messages/{messageId}/reactions/{emoji}': "the caller's own reaction",
  'PUT /api/channels/{channelId}/read': "the caller's own read state",
  'POST /api/servers/{serverId}/invites': 'CREATE_INVITE',
  send_message: 'SEND_MESSAGES',
  add_reaction: 'ADD_REACTIONS',
  remove_reaction: "the caller's own reaction",
  typing: 'SEND_MESSAGES',
  stop_typing: 'SEND_MESSAGES',
  mark_channel_read: "the caller's own read state",
  join_channel: 'VIEW_CHANNEL',
  leave_channel: 'VIEW_CHANNEL',
  channel_sync: 'READ_MESSAGE_HISTORY',
};

const COMMUNITY_FIELD = /^(serverId|channelId|roleId)$/;

describe('community permission matrix', () => {
  it("refuses a plain member every change to the owner's server, its channels, roles and others' messages", async () => {
    const community = owned.community;
    if (!community) return; // The communities routes are not there yet.
    const member = await server.signUp();
    await member.api.request('POST', `/api/servers/join/${community.inviteCode}`);
    const failures: string[] = [];
    let tried = 0;

    const changes = routes
      .filter(
        (route) =>
          requiresSession(route) &&
          route.method !== 'GET' &&
          !(route.key in MEMBER_MAY) &&
          route.pathParams.some((param) => COMMUNITY_FIELD.test(param)),
      )
      .sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    for (const route of changes) {
      tried += 1;
      const { path } = concretePath(route, 'owner');
      let answer = await request(route, path, member.token, bodyFor(route, 0, owned.owner.userId));
      for (let index = 1; index < 8 && answer.status === 400; index += 1)
        answer = await request(route, path, member.token, bodyFor(route, index, owned.owner.userId));
      const where = `${route.key} → ${answer.status} ${answer.code ?? ''} ${answer.text.slice(0, 160)}`;
      if (answer.status < 400 || answer.status >= 500 || answer.code === 'NOT_AN_ENVELOPE')
        failures.push(where);
      else if (answer.status === 400 && !(typeof answer.field === 'string' && isObjectField(answer.field)))
        failures.push(`${where}: no generated input reached the permission check`);
    }

    const { socket } = await connectAuthed(server, member.token);
    const emit = pacedEmitter(socket);
    for (const event of EVENTS) {
      if (event in MEMBER_MAY || event.startsWith('dm_')) continue;
      const built = payloadFor(event, owned.owner.userId);
      const fields = Object.keys(eventSchema(event).properties ?? {});
      // Community events: they name a server, channel or role, or a (channel) message.
      if (!built || !fields.some((field) => COMMUNITY_FIELD.test(field) || field === 'messageId')) continue;
      tried += 1;
      const { ack, raw } = await emit(event, built.payload);
      const where = `${event} ${JSON.stringify(built.payload).slice(0, 120)} → ${JSON.stringify(raw).slice(0, 160)}`;
      if (!ack || ack.success || ack.code === 'INTERNAL_ERROR') failures.push(where);
    }
    socket.disconnect();
    expect(failures, failures.join('\n')).toEqual([]);
    expect(tried).toBeGreaterThan(5);
  });
});
