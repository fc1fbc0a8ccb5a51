import {
  ZConversationsResponse,
  ZDmConversationResponse,
  ZDmSearchResponse,
  ZMarkDmReadResponse,
  ZOkResponse,
} from '@guftagu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  befriend,
  call,
  connectAuthed,
  expectApiError,
  recordEvents,
  type SignedUp,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { postDm } from '../../../test/messaging-helpers.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const list = (user: SignedUp, query = '') =>
  call(user.api, ZConversationsResponse, 'GET', `/api/messages/conversations${query}`).then(
    (answer) => answer.conversations,
  );
const search = (user: SignedUp, query: string) =>
  call(user.api, ZDmSearchResponse, 'GET', `/api/messages/search?${query}`).then((answer) => answer.results);

describe('conversation list', () => {
  it('lists newest first with preview, unread count and presence, filters by name, archives and marks all read', async () => {
    const me = await server.signUp();
    const ana = await server.signUp({ username: `ana_${Date.now() % 100000}` });
    const ben = await server.signUp({ username: `ben_${Date.now() % 100000}` });
    await befriend(me, ana);
    await befriend(me, ben);
    await postDm(ana.api, me, 'from ana');
    await postDm(ben.api, me, 'from ben 1');
    await postDm(ben.api, me, 'from ben 2');
    await connectAuthed(server, ben.token);

    const inbox = await list(me);
    expect(inbox.map((entry) => entry.otherUser.userId)).toEqual([ben.userId, ana.userId]);
    expect(inbox[0]).toMatchObject({
      unreadCount: 2,
      archived: false,
      requestState: 'none',
      canSend: true,
      lastMessage: { content: 'from ben 2', senderId: ben.userId },
      otherUser: { isOnline: true, isFriend: true, username: ben.session.user.username },
    });
    expect(
      (await list(me, `?q=${ana.session.user.username?.slice(0, 5)}`)).map((entry) => entry.otherUser.userId),
    ).toEqual([ana.userId]);

    const { socket } = await connectAuthed(server, me.token);
    const updates = recordEvents(socket, 'dm_conversation_updated');
    const archived = await call(
      me.api,
      ZDmConversationResponse,
      'POST',
      `/api/messages/conversations/${ben.userId}/archive`,
    );
    expect(archived.conversation.archived).toBe(true);
    await updates.waitFor((update) => update.conversation.archived);
    expect((await list(me)).map((entry) => entry.otherUser.userId)).toEqual([ana.userId]);
    expect((await list(me, '?view=archived')).map((entry) => entry.otherUser.userId)).toEqual([ben.userId]);
    await call(
      me.api,
      ZDmConversationResponse,
      'DELETE',
      `/api/messages/conversations/${ben.userId}/archive`,
    );
    expect(await list(me, '?view=archived')).toEqual([]);
    await expectApiError(
      call(me.api, ZOkResponse, 'POST', `/api/messages/conversations/${me.userId}/archive`),
      404,
      'NOT_FOUND',
    );

    const cleared = await call(me.api, ZMarkDmReadResponse, 'PUT', '/api/messages/read-all');
    expect(cleared.messageIds).toHaveLength(3);
    expect((await list(me)).map((entry) => entry.unreadCount)).toEqual([0, 0]);
  });

  it('shows a preview that skips messages deleted for me and blanks deleted ones', async () => {
    const me = await server.signUp();
    const friend = await server.signUp();
    await befriend(me, friend);
    await postDm(friend.api, me, 'visible');
    const hidden = await postDm(friend.api, me, 'hidden for me');
    await call(me.api, ZOkResponse, 'DELETE', `/api/messages/by-id/${hidden.id}?scope=me`);
    expect((await list(me))[0]?.lastMessage?.content).toBe('visible');
    expect((await list(friend))[0]?.lastMessage?.content).toBe('hidden for me');
  });
});

describe('search', () => {
  it('finds ranked, highlighted matches in the caller’s own conversations only', async () => {
    const me = await server.signUp();
    const friend = await server.signUp();
    const other = await server.signUp();
    await befriend(me, friend);
    await befriend(me, other);
    const stranger1 = await server.signUp();
    const stranger2 = await server.signUp();
    await befriend(stranger1, stranger2);
    await postDm(friend.api, me, 'The pineapple pizza was <b>great</b>');
    await postDm(me.api, friend, 'pineapple pineapple pineapple');
    await postDm(other.api, me, 'I prefer pineapples in salad');
    await postDm(stranger1.api, stranger2, 'secret pineapple plans');
    const gone = await postDm(me.api, friend, 'pineapple deleted for everyone');
    await call(me.api, ZOkResponse, 'DELETE', `/api/messages/by-id/${gone.id}?scope=everyone`);
    const mine = await postDm(friend.api, me, 'pineapple deleted for me');
    await call(me.api, ZOkResponse, 'DELETE', `/api/messages/by-id/${mine.id}?scope=me`);

    const results = await search(me, 'q=pineapple');
    expect(results.map((result) => result.message.content).sort()).toEqual(
      [
        'I prefer pineapples in salad',
        'The pineapple pizza was <b>great</b>',
        'pineapple pineapple pineapple',
      ].sort(),
    );
    // Ranked: the message that says it three times comes first.
    expect(results[0]?.message.content).toBe('pineapple pineapple pineapple');
    const pizza = results.find((result) => result.message.content.startsWith('The'));
    expect(pizza?.snippet).toBe('The <mark>pineapple</mark> pizza was &#60;b&#62;great&#60;/b&#62;');
    expect(pizza?.otherUser.userId).toBe(friend.userId);

    const within = await search(me, `q=pine&with=${other.userId}`);
    expect(within.map((result) => result.message.content)).toEqual(['I prefer pineapples in salad']);
    expect(await search(friend, 'q=secret')).toEqual([]);
    expect(await search(me, 'q=%21%21%21')).toEqual([]);
    await expectApiError(
      call(me.api, ZOkResponse, 'GET', '/api/messages/search?q='),
      400,
      'VALIDATION_ERROR',
    );
  });
});

describe('conversation list paging', () => {
  it('pages newest first with a cursor, without gaps or repeats', async () => {
    const me = await server.signUp();
    const others = await Promise.all([1, 2, 3, 4, 5].map(() => server.signUp()));
    for (const other of others) {
      await befriend(me, other);
      await postDm(other.api, me, 'hello');
    }
    const newestFirst = [...others].reverse().map((other) => other.userId);
    const seen: string[] = [];
    let before: string | undefined;
    for (let page = 0; page < 3; page += 1) {
      const result = await server.messaging.conversations.list(me.userId, { view: 'inbox', before }, 2);
      seen.push(...result.conversations.map((conversation) => conversation.otherUser.userId));
      if (!result.nextCursor) break;
      before = result.nextCursor;
    }
    expect(seen).toEqual(newestFirst);

    const first = await call(me.api, ZConversationsResponse, 'GET', '/api/messages/conversations');
    expect(first.nextCursor).toBeNull();
    const third = first.conversations[2]?.id;
    const rest = await call(
      me.api,
      ZConversationsResponse,
      'GET',
      `/api/messages/conversations?before=${third}`,
    );
    expect(rest.conversations.map((conversation) => conversation.otherUser.userId)).toEqual(
      newestFirst.slice(3),
    );
    await expectApiError(
      me.api.request('GET', '/api/messages/conversations?before=nope'),
      400,
      'VALIDATION_ERROR',
    );
  });
});
