import {
  type TRole,
  ZChannelResponse,
  ZCreateServerResponse,
  ZInviteResponse,
  ZJoinServerResponse,
  ZRoleResponse,
} from '@guftagu/contracts';
import { call, type SignedUp, type TestServer } from './harness.js';

export type Detail = Awaited<ReturnType<typeof createServer>>;

export async function createServer(owner: SignedUp, name = 'Test server') {
  return call(owner.api, ZCreateServerResponse, 'POST', '/api/servers', { name });
}

export async function join(user: SignedUp, code: string) {
  return call(user.api, ZJoinServerResponse, 'POST', `/api/servers/join/${code}`);
}

/** A server with its owner and `count` more members. */
export async function serverWithMembers(server: TestServer, count: number) {
  const owner = await server.signUp();
  const detail = await createServer(owner);
  const members: SignedUp[] = [];
  for (let index = 0; index < count; index += 1) {
    const member = await server.signUp();
    await join(member, detail.server.inviteCode);
    members.push(member);
  }
  return { owner, detail, members, serverId: detail.server.id };
}

export async function createRole(
  actor: SignedUp,
  serverId: string,
  body: { name: string; permissions?: string[]; mentionable?: boolean },
): Promise<TRole> {
  return (await call(actor.api, ZRoleResponse, 'POST', `/api/servers/${serverId}/roles`, body)).role;
}

export async function assign(actor: SignedUp, serverId: string, roleId: string, userId: string) {
  await actor.api.request('POST', `/api/servers/${serverId}/roles/${roleId}/assign/${userId}`);
}

export async function createChannel(actor: SignedUp, serverId: string, body: Record<string, unknown>) {
  return (await call(actor.api, ZChannelResponse, 'POST', `/api/servers/${serverId}/channels`, body)).channel;
}

export async function createInvite(actor: SignedUp, serverId: string, body: Record<string, unknown>) {
  return (await call(actor.api, ZInviteResponse, 'POST', `/api/servers/${serverId}/invites`, body)).invite;
}

/** The value a test expects to exist, or a failure naming it (instead of a non-null assertion). */
export function present<T>(value: T | undefined, what = 'value'): T {
  if (value === undefined) throw new Error(`expected ${what}`);
  return value;
}
