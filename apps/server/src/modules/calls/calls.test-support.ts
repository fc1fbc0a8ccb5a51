import { type ClientEventName, type ClientPayload, ZAckOk } from '@guftagu/contracts';
import type { GuftaguSocket } from '@guftagu/sdk';
import { z } from 'zod';
import { befriend, connectAuthed, emitAck, type SignedUp, type TestServer } from '../../../test/harness.js';

export interface Person extends SignedUp {
  socket: GuftaguSocket;
}

export async function person(server: TestServer): Promise<Person> {
  const user = await server.signUp();
  const { socket } = await connectAuthed(server, user.token);
  return { ...user, socket };
}

/** Two friends, each with one signed-in socket. */
export async function friends(server: TestServer): Promise<[Person, Person]> {
  const [a, b] = await Promise.all([person(server), person(server)]);
  await befriend(a, b);
  return [a, b];
}

const ZStartAck = ZAckOk.extend({ sessionId: z.string() });

/** `from` calls `to` (which must succeed) and returns the session id. */
export async function startCall(from: Person, to: Pick<SignedUp, 'userId'>, isVideo = true): Promise<string> {
  const ack = await emitAck(from.socket, 'start_dm_call', { recipientId: to.userId, isVideo });
  if (!ack.success) throw new Error(`start_dm_call failed: ${ack.code} ${ack.error}`);
  return ZStartAck.parse(ack).sessionId;
}

export async function mustAck<E extends ClientEventName>(
  socket: GuftaguSocket,
  event: E,
  payload: ClientPayload<E>,
) {
  const ack = await emitAck(socket, event, payload);
  if (!ack.success) throw new Error(`${event} failed: ${ack.code} ${ack.error}`);
  return ack;
}

/** The system lines (call records) in the conversation between two users, oldest first. */
export async function callLines(server: TestServer, a: string, b: string): Promise<string[]> {
  const { rows } = await server.db.query<{ content: string }>(
    `select content from dm_messages
      where message_type = 'system' and ((sender_id = $1 and recipient_id = $2) or (sender_id = $2 and recipient_id = $1))
      order by created_at`,
    [a, b],
  );
  return rows.map((row) => row.content);
}

export async function callRow(server: TestServer, sessionId: string) {
  const { rows } = await server.db.query<{
    status: string;
    outcome: string | null;
    call_type: string;
    answered_at: Date | null;
    ended_at: Date | null;
    duration: number | null;
  }>('select status, outcome, call_type, answered_at, ended_at, duration from dm_calls where id = $1', [
    sessionId,
  ]);
  return rows[0];
}
