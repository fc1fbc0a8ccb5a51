import { type ClientEventName, clientEvents, ZErrorEnvelope } from '@guftagu/contracts';
import type { GuftaguSocket } from '@guftagu/sdk';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OPTIONAL_PAYLOAD_EVENTS } from '../src/realtime/event-registry.js';
import { fetchOpenApiDocument } from './documented-routes.js';
import { connectAuthed, type SignedUp, startTestServer, type TestServer, waitForConnect } from './harness.js';
import { pacedEmitter } from './paced-socket.js';
import {
  encodeAny,
  hostileOf,
  hostilePathParam,
  type JsonSchema,
  NASTY_STRINGS,
  seedFor,
  validOf,
  wrongType,
} from './schema-arbitraries.js';

/**
 * Property-based fuzzing of every documented route and every contract socket event, on every CI run.
 * Inputs are generated from each route's OpenAPI schemas and each event's contract schema, so routes and
 * events added later are fuzzed from the day they are documented. The seed is fixed (FUZZ_SEED
 * overrides it, e.g. to explore), and each route's and event's own seed derives from it and the name, so
 * a failure printed with its seed and path reproduces exactly. Failing: any 5xx, an error body outside
 * the envelope, a missing or garbled ack, INTERNAL_ERROR, a refused payload not answered with
 * VALIDATION_ERROR, a polluted prototype or a dead server.
 */

const BASE_SEED = Number(process.env.FUZZ_SEED ?? 17_2026);
/**
 * Total inputs per run, shared among the routes (and events) there are, so the file stays near 60 s on a
 * 2-core machine as routes are added; each still gets at least MIN_RUNS. FUZZ_RUNS sets a fixed number
 * per route and event instead, for a deeper search.
 */
const HTTP_BUDGET = 3_000;
const SOCKET_BUDGET = 2_400;
const MIN_RUNS = 10;
const runsFor = (budget: number, count: number) =>
  process.env.FUZZ_RUNS
    ? Number(process.env.FUZZ_RUNS)
    : Math.max(MIN_RUNS, Math.min(40, Math.floor(budget / count)));

type Operation = {
  security?: unknown[];
  parameters?: Array<{ name: string; in: 'path' | 'query'; required?: boolean; schema: JsonSchema }>;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
};

interface FuzzRequest {
  path: string;
  auth: 'caller' | 'none' | 'garbage';
  garbageToken: string;
  body?: string;
  contentType?: string;
}

const RAW_BODIES = [
  '{"a":',
  '',
  'null',
  '[',
  '\u0000',
  '{"__proto__":',
  '"',
  'true',
  '1e999999',
  '{}'.repeat(5_000),
];

/** A multipart upload of `field`, cut off somewhere or with its boundary missing or wrong. */
function multipartBody(field: string): fc.Arbitrary<{ body: string; contentType: string }> {
  const boundary = 'fuzzboundary';
  const whole = [
    `--${boundary}`,
    `Content-Disposition: form-data; name="${field}"; filename="a.png"`,
    'Content-Type: image/png',
    '',
    '\u0089PNG\r\n\u001a\nnot really a png',
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return fc.record({
    body: fc.integer({ min: 0, max: whole.length }).map((cut) => whole.slice(0, cut)),
    contentType: fc.constantFrom(
      `multipart/form-data; boundary=${boundary}`,
      'multipart/form-data',
      'multipart/form-data; boundary=',
      `multipart/form-data; boundary=${'b'.repeat(300)}`,
      'multipart/mixed; boundary=x',
    ),
  });
}

function requestArbitrary(path: string, method: string, operation: Operation): fc.Arbitrary<FuzzRequest> {
  const params = operation.parameters ?? [];
  const pathParams = params.filter((param) => param.in === 'path');
  const queryParams = params.filter((param) => param.in === 'query');

  const concretePath = fc
    .tuple(...pathParams.map((param) => hostilePathParam(param.schema)))
    .map((values) =>
      pathParams.reduce((url, param, index) => url.replace(`{${param.name}}`, values[index] ?? ''), path),
    );

  const queryValue = (schema: JsonSchema) =>
    fc.oneof(
      validOf(schema).map(String),
      hostileOf(schema).map((value) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))),
      fc.constantFrom(...NASTY_STRINGS),
    );
  const query = fc
    .tuple(
      fc.tuple(...queryParams.map((param) => fc.option(queryValue(param.schema), { nil: undefined }))),
      fc.option(fc.constantFrom('__proto__', 'constructor', 'extra', queryParams[0]?.name ?? 'x'), {
        nil: undefined,
      }),
    )
    .map(([values, extraKey]) => {
      const pairs = queryParams.flatMap((param, index) =>
        values[index] === undefined ? [] : [`${param.name}=${encodeAny(values[index] as string)}`],
      );
      // An unknown key, a prototype key or a repeated one.
      if (extraKey) pairs.push(`${extraKey}=1`);
      return pairs.length > 0 ? `?${pairs.join('&')}` : '';
    });

  const content = operation.requestBody?.content ?? {};
  const jsonSchema = content['application/json']?.schema;
  const uploadField = Object.keys(content['multipart/form-data']?.schema.properties ?? {})[0];
  let body: fc.Arbitrary<{ body?: string; contentType?: string }>;
  if (uploadField) body = multipartBody(uploadField);
  else if (method === 'get') body = fc.constant({});
  else
    body = fc
      .oneof(
        {
          weight: 6,
          arbitrary: hostileOf(jsonSchema ?? { type: 'object' }).map((value) => ({
            body: JSON.stringify(value) ?? 'null',
          })),
        },
        { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((raw) => ({ body: raw })) },
        {
          weight: 1,
          arbitrary: wrongType().map((value) => ({
            body: JSON.stringify(value) ?? '',
            contentType: 'text/plain',
          })),
        },
        { weight: 1, arbitrary: fc.constant({}) },
      )
      .map((entry) => ({ contentType: 'application/json', ...entry }));

  return fc
    .record({
      path: concretePath,
      query,
      body,
      auth: fc.constantFrom('caller', 'caller', 'caller', 'caller', 'none', 'garbage'),
      garbageToken: fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ maxLength: 600 })),
    })
    .map(({ path: url, query: search, body: payload, auth, garbageToken }) => ({
      path: `${url}${search}`,
      auth: auth as FuzzRequest['auth'],
      garbageToken,
      ...payload,
    }));
}

/** Header values are bytes: anything outside printable Latin-1 is dropped, as a real client would. */
const headerSafe = (value: string) => value.replace(/[^\x20-\x7e]/g, '');

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

/** Runs `check` once per input; a failure is reported with its reproducible seed, not thrown mid-run. */
async function fuzz<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  numRuns: number,
  check: (input: T) => Promise<void>,
): Promise<string | undefined> {
  const seed = seedFor(BASE_SEED, name);
  const details = await fc.check(fc.asyncProperty(arbitrary, check), { seed, numRuns, endOnFailure: true });
  if (!details.failed) return undefined;
  return [
    `${name} (FUZZ_SEED=${BASE_SEED}, its seed ${seed}):`,
    `reproduce: FUZZ_SEED=${BASE_SEED} npx vitest run --project integration apps/server/test/fuzz.int.test.ts`,
    fc.defaultReportMessage(details),
  ].join('\n');
}

describe('fuzzing every documented route', () => {
  it('answers generated hostile params, queries, bodies and tokens with a 4xx envelope or a success, never a 5xx', async () => {
    const document = await fetchOpenApiDocument(server.url);
    const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations as Record<string, Operation>).map(([method, operation]) => ({
        path,
        method,
        operation,
      })),
    );
    expect(routes.length).toBeGreaterThan(40);
    const failures: string[] = [];
    const queue = [...routes];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let route = queue.shift(); route; route = queue.shift()) {
          const name = `${route.method.toUpperCase()} ${route.path}`;
          // A fresh user per route: some routes (logout, account changes) end the session they run in.
          const caller: SignedUp = await server.signUp();
          const failure = await fuzz(
            name,
            requestArbitrary(route.path, route.method, route.operation),
            runsFor(HTTP_BUDGET, routes.length),
            async (request) => {
              const authorization =
                request.auth === 'caller'
                  ? `Bearer ${caller.token}`
                  : request.auth === 'garbage'
                    ? `Bearer ${headerSafe(request.garbageToken)}`
                    : undefined;
              const response = await fetch(`${server.url}${request.path}`, {
                method: route.method.toUpperCase(),
                headers: {
                  ...(authorization ? { authorization } : {}),
                  ...(request.contentType && request.body !== undefined
                    ? { 'content-type': request.contentType }
                    : {}),
                },
                ...(request.body !== undefined ? { body: request.body } : {}),
              });
              const text = await response.text();
              if (response.status >= 500) throw new Error(`${response.status}: ${text.slice(0, 300)}`);
              if (response.status >= 400) {
                let parsed: unknown;
                try {
                  parsed = JSON.parse(text);
                } catch {
                  throw new Error(`${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
                }
                if (!ZErrorEnvelope.safeParse(parsed).success)
                  throw new Error(`${response.status} outside the envelope: ${text.slice(0, 200)}`);
              }
            },
          );
          if (failure) failures.push(failure);
        }
      }),
    );
    expect(failures, failures.join('\n\n')).toEqual([]);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  }, 120_000);
});

/** An event's contract as JSON Schema, the input the generators read. */
const eventSchema = (event: ClientEventName): JsonSchema =>
  z.toJSONSchema(clientEvents[event], { io: 'input', unrepresentable: 'any' }) as JsonSchema;

describe('fuzzing every contract socket event', () => {
  it('acknowledges every generated payload with the envelope, refusals as VALIDATION_ERROR, never INTERNAL_ERROR', async () => {
    const events = Object.keys(clientEvents) as ClientEventName[];
    const user = await server.signUp();
    const failures: string[] = [];
    const queue = [...events];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let event = queue.shift(); event; event = queue.shift()) {
          const schema = clientEvents[event];
          const open = async (): Promise<GuftaguSocket> => (await connectAuthed(server, user.token)).socket;
          let socket = await open();
          let emit = pacedEmitter(socket);
          const payloads = fc.oneof(
            { weight: 1, arbitrary: fc.constant(undefined) },
            { weight: 8, arbitrary: hostileOf(eventSchema(event)) },
          );
          const failure = await fuzz(
            event,
            payloads,
            runsFor(SOCKET_BUDGET, events.length),
            async (payload) => {
              if (!socket.connected) {
                // A payload the contract accepts may end the session (`authenticate` with a bad token).
                socket.disconnect();
                socket = await open();
                emit = pacedEmitter(socket);
              }
              // Socket.IO sends `undefined` as `null`; for an optional-payload event null means none.
              const received = payload === null && OPTIONAL_PAYLOAD_EVENTS.has(event) ? undefined : payload;
              const refused = !schema.safeParse(received).success;
              let answer: Awaited<ReturnType<typeof emit>>;
              try {
                answer = await emit(event, payload);
              } catch (error) {
                throw new Error(`no ack (${(error as Error).message})`);
              }
              const { ack, raw } = answer;
              if (!ack) throw new Error(`garbled ack: ${JSON.stringify(raw)?.slice(0, 200)}`);
              if (!ack.success && ack.code === 'INTERNAL_ERROR') throw new Error('INTERNAL_ERROR');
              if (refused && (ack.success || ack.code !== 'VALIDATION_ERROR'))
                throw new Error(`refused by the contract, answered ${JSON.stringify(ack).slice(0, 200)}`);
            },
          );
          socket.disconnect();
          if (failure) failures.push(failure);
        }
      }),
    );
    expect(failures, failures.join('\n\n')).toEqual([]);
    const { socket } = await connectAuthed(server, user.token);
    expect(await pacedEmitter(socket)('heartbeat', undefined)).toMatchObject({ ack: { success: true } });
    socket.disconnect();
  }, 120_000);

  it('leaves no prototype polluted in the server process after all of it', () => {
    const probe = {} as Record<string, unknown>;
    expect(probe.isAdmin).toBeUndefined();
    expect(probe.polluted).toBeUndefined();
  });
});

it('stays reachable: an anonymous socket still connects', async () => {
  const socket = server.socket();
  await waitForConnect(socket);
  socket.disconnect();
});
