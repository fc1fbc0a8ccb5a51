import { clientEvents, serverEvents, ZAck } from '@guftagu/contracts';
import type { GuftaguSocket } from '@guftagu/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestServer, type TestServer, waitForConnect } from './harness.js';
import { SEED_000_CLIENT_EVENTS, SEED_000_SERVER_EVENTS } from './seed-000-events.js';

/**
 * Seed 000 is the contract a client may be written from: every event it names must exist with its
 * fields. A seed event or field missing here fails the test; the deliberate departures are listed
 * below, each with its reason, and each must still be a departure (so the list cannot go stale).
 */

/** Seed client fields the server deliberately does not read. */
const IGNORED_CLIENT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  // Identity comes from the session, never the payload; the schema strips them if sent.
  join_queue: ['userId', 'userId7Digit'],
};

/**
 * Seed server events not built yet. The admin console's live events belong to the admin module,
 * which does not exist yet; they join `serverEvents` with it.
 */
const NOT_YET_BUILT_SERVER_EVENTS = [
  'admin_user_count_update',
  'admin_new_registration',
  'admin_new_report',
  'admin_user_status_change',
  'admin_user_banned',
  'admin_user_unbanned',
  'admin_match_started',
  'admin_match_ended',
  'admin_report_reviewed',
  'admin_system_alert',
  'admin_stats_update',
];

/** The keys of an object schema, through the optional/nullable/default/pipe wrappers around it. */
function keysOf(schema: z.ZodType): string[] {
  let current: z.ZodType = schema;
  for (let depth = 0; depth < 8; depth++) {
    if (current instanceof z.ZodObject) return Object.keys(current.shape);
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable)
      current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodPipe) current = current.in as z.ZodType;
    else break;
  }
  return [];
}

const fieldName = (field: string) => field.replace(/\?$/, '');

describe('seed 000 client events', () => {
  let server: TestServer;
  let socket: GuftaguSocket;

  beforeAll(async () => {
    server = await startTestServer();
    socket = server.socket();
    await waitForConnect(socket);
  });
  afterAll(async () => {
    socket?.disconnect();
    await server?.close();
  });

  it.each(Object.keys(SEED_000_CLIENT_EVENTS))('has a contract schema for `%s`', (event) => {
    expect(Object.keys(clientEvents)).toContain(event);
  });

  it.each(Object.entries(SEED_000_CLIENT_EVENTS))('`%s` accepts every seed field', (event, fields) => {
    const schema = (clientEvents as Record<string, z.ZodType>)[event];
    if (!schema) throw new Error(`no schema for ${event}`);
    const ignored = IGNORED_CLIENT_FIELDS[event] ?? [];
    const missing = fields
      .map(fieldName)
      .filter((field) => !keysOf(schema).includes(field) && !ignored.includes(field));
    expect(missing).toEqual([]);
  });

  it('registers every seed client event in the gateway', async () => {
    const unknown: string[] = [];
    for (const event of Object.keys(SEED_000_CLIENT_EVENTS)) {
      // An empty payload is enough: an unregistered event is refused before validation, by name.
      const raw = await (
        socket.timeout(2_000) as unknown as {
          emitWithAck(event: string, payload: unknown): Promise<unknown>;
        }
      ).emitWithAck(event, {});
      const ack = ZAck.parse(raw);
      if (!ack.success && ack.details?.field === 'event') unknown.push(event);
    }
    expect(unknown).toEqual([]);
  });

  it('lists only real departures as ignored fields', () => {
    for (const [event, fields] of Object.entries(IGNORED_CLIENT_FIELDS)) {
      const schema = (clientEvents as Record<string, z.ZodType>)[event];
      expect(schema, event).toBeDefined();
      for (const field of fields) expect(keysOf(schema as z.ZodType)).not.toContain(field);
    }
  });
});

describe('seed 000 server events', () => {
  const built = Object.entries(SEED_000_SERVER_EVENTS).filter(
    ([event]) => !NOT_YET_BUILT_SERVER_EVENTS.includes(event),
  );

  it.each(built)('`%s` is in serverEvents with every seed field', (event, fields) => {
    const schema = (serverEvents as Record<string, z.ZodType>)[event];
    expect(schema, `serverEvents.${event}`).toBeDefined();
    const keys = keysOf(schema as z.ZodType);
    expect(fields.map(fieldName).filter((field) => !keys.includes(field))).toEqual([]);
  });

  it('lists as not yet built only seed events that really are missing', () => {
    for (const event of NOT_YET_BUILT_SERVER_EVENTS) {
      expect(Object.keys(SEED_000_SERVER_EVENTS)).toContain(event);
      expect(Object.keys(serverEvents)).not.toContain(event);
    }
  });

  it('keeps `force_disconnect` able to say `account_banned`, as the seed names it', () => {
    expect(serverEvents.force_disconnect.safeParse({ reason: 'account_banned' }).success).toBe(true);
  });
});
