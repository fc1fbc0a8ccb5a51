import { type ClientEventName, type ClientPayload, ZVoiceStatesResponse } from '@guftagu/contracts';
import type { GuftaguSocket } from '@guftagu/sdk';
import { createChannel, serverWithMembers } from '../../../test/communities.js';
import { call, connectAuthed, emitAck, type SignedUp, type TestServer } from '../../../test/harness.js';

export interface Person {
  user: SignedUp;
  userId: string;
  socket: GuftaguSocket;
}

export async function online(server: TestServer, user: SignedUp): Promise<Person> {
  const { socket } = await connectAuthed(server, user.token);
  return { user, userId: user.userId, socket };
}

/** A server with its owner and `count` members, all online, and two voice channels and a text one. */
export async function voiceServer(server: TestServer, count: number) {
  const { owner, members, serverId, detail } = await serverWithMembers(server, count);
  const [lounge, stage, text] = [
    await createChannel(owner, serverId, { name: 'Lounge', type: 'voice' }),
    await createChannel(owner, serverId, { name: 'Stage', type: 'voice' }),
    await createChannel(owner, serverId, { name: 'chat', type: 'text' }),
  ];
  const people = await Promise.all([owner, ...members].map((user) => online(server, user)));
  const [ownerPerson, ...memberPeople] = people;
  if (!ownerPerson) throw new Error('no owner');
  return { serverId, detail, owner: ownerPerson, members: memberPeople, lounge, stage, text };
}

export async function mustAck<E extends ClientEventName>(
  socket: GuftaguSocket,
  event: E,
  payload: ClientPayload<E>,
) {
  const ack = await emitAck(socket, event, payload);
  if (!ack.success) throw new Error(`${event} failed: ${ack.code} ${ack.error}`);
  return ack as Record<string, unknown> & { success: true };
}

export async function voiceStates(person: Person, serverId: string) {
  return (await call(person.user.api, ZVoiceStatesResponse, 'GET', `/api/servers/${serverId}/voice-states`))
    .voiceStates;
}

export function closeAll(people: Person[]) {
  for (const person of people) person.socket.disconnect();
}
