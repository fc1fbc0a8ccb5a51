import { randomUUID } from 'node:crypto';
import { ZFriendRequestResponse, ZNotificationsResponse, ZOkResponse } from '@guftagu/contracts';
import sharp from 'sharp';
import {
  befriend,
  call,
  connectAuthed,
  emitAck,
  nextEvent,
  type SignedUp,
  type TestServer,
} from './harness.js';
import { postDm } from './messaging-helpers.js';

/**
 * Real objects owned by someone else, one small factory per domain that exists today, for the
 * authorization matrix: the owner has a friend, a direct message, a notification, a pending friend
 * request, an upload and a live random-chat match. Every text the owner writes carries `canary`, so any
 * answer to another user that contains it has leaked the owner's data.
 */
export interface OwnedObjects {
  owner: SignedUp;
  friend: SignedUp;
  /** Sent a friend request to the owner, still pending. */
  requester: SignedUp;
  canary: string;
  dmMessageId: string;
  notificationId: string;
  pendingRequestId: string;
  uploadId: string;
  /** The owner's live random-chat match (with `friend`), or undefined when matching is off. */
  matchId: string | undefined;
  /** The owner's ringing voice call to `friend`, or undefined while the calls routes are not there. */
  callSessionId: string | undefined;
  /** The owner's server, or undefined while the communities routes are not there. */
  community: OwnedCommunity | undefined;
}

export interface OwnedCommunity {
  serverId: string;
  channelId: string;
  roleId: string;
  inviteCode: string;
  /** A message of the owner's in `channelId`, carrying the canary. */
  channelMessageId: string | undefined;
}

export async function createOwnedObjects(server: TestServer): Promise<OwnedObjects> {
  const canary = `canary${randomUUID().replaceAll('-', '')}`;
  const [owner, friend, requester] = await Promise.all([server.signUp(), server.signUp(), server.signUp()]);

  // Friends: the owner asks, the friend accepts, which leaves the owner a notification.
  await befriend(owner, friend);
  const dm = await postDm(owner.api, friend, `secret ${canary}`);

  const { request } = await call(requester.api, ZFriendRequestResponse, 'POST', '/api/friends/request', {
    username: owner.session.user.username,
  });

  const { notifications } = await call(owner.api, ZNotificationsResponse, 'GET', '/api/notifications');
  const notification = notifications[0];
  if (!notification) throw new Error('the owner has no notification to guard');

  const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: { r: 9, g: 9, b: 9 } } })
    .png()
    .toBuffer();
  const { attachments } = await owner.api.uploadFiles([{ name: `${canary}.png`, data: png }]);
  const upload = attachments[0];
  if (!upload) throw new Error('the upload returned nothing');

  return {
    owner,
    friend,
    requester,
    canary,
    dmMessageId: dm.id,
    notificationId: notification.id,
    pendingRequestId: request.id,
    uploadId: upload.id,
    matchId: await createMatch(server, owner, friend),
    // After the match: the call needs the owner's socket open, which the match left connected.
    callSessionId: await owner.api
      .request<{ session: { sessionId: string } }>('POST', '/api/voice/dm-call', {
        recipientId: friend.userId,
      })
      .then(({ session }) => session.sessionId)
      .catch(() => undefined),
    community: await createCommunity(owner, canary),
  };
}

/**
 * The owner creates a server (with its default channels and @everyone role) and writes in a text
 * channel. The name is public by design (invite previews show it), so only the message has the canary. Read loosely: the communities module is young, and a shape change there must show up as a
 * failing matrix row, not as a fixture that cannot be built.
 */
async function createCommunity(owner: SignedUp, canary: string): Promise<OwnedCommunity | undefined> {
  type Created = {
    server: { id: string; inviteCode: string };
    channels: Array<{ id: string; type: string }>;
    roles: Array<{ id: string }>;
  };
  let created: Created;
  try {
    created = await owner.api.request<Created>('POST', '/api/servers', {
      name: 'Owner only',
    });
  } catch {
    return undefined;
  }
  const channel = created.channels.find((candidate) => candidate.type === 'text') ?? created.channels[0];
  const role = created.roles[0];
  if (!channel || !role) return undefined;
  const sent = await owner.api
    .request<{ message: { id: string } }>('POST', `/api/channels/${channel.id}/messages`, {
      content: `secret ${canary}`,
    })
    .catch(() => undefined);
  return {
    serverId: created.server.id,
    channelId: channel.id,
    roleId: role.id,
    inviteCode: created.server.inviteCode,
    channelMessageId: sent?.message.id,
  };
}

/** Owner and friend join the random-chat queue together; their sockets stay open for the test. */
async function createMatch(
  server: TestServer,
  owner: SignedUp,
  friend: SignedUp,
): Promise<string | undefined> {
  const a = (await connectAuthed(server, owner.token)).socket;
  const b = (await connectAuthed(server, friend.token)).socket;
  const found = nextEvent(a, 'match_found', 10_000);
  const joinedA = await emitAck(a, 'join_queue', {});
  const joinedB = await emitAck(b, 'join_queue', {});
  if (!joinedA.success || !joinedB.success) return undefined;
  return (await found).matchId;
}

/** The user the owner blocks. */
export async function createBlockedUser(server: TestServer, owners: OwnedObjects): Promise<SignedUp> {
  const blocked = await server.signUp();
  await call(owners.owner.api, ZOkResponse.loose(), 'POST', `/api/users/${blocked.userId}/block`);
  return blocked;
}

/** A user whose account is banned (arranged in the database, as the admin tooling would). */
export async function createBannedUser(server: TestServer): Promise<SignedUp> {
  const banned = await server.signUp();
  await server.db.query(
    "update users set is_banned = true, ban_until = now() + interval '1 day', ban_reason = 'matrix' where id = $1",
    [banned.userId],
  );
  return banned;
}

/** A user who signed out: their access token is kept and replayed. */
export async function createLoggedOutUser(server: TestServer): Promise<SignedUp> {
  const user = await server.signUp();
  const response = await fetch(`${server.url}/api/auth/logout`, {
    method: 'POST',
    headers: { authorization: `Bearer ${user.token}` },
  });
  if (!response.ok) throw new Error(`logout answered ${response.status}`);
  return user;
}
