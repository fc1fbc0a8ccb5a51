import {
  type TErrorCode,
  ZErrorEnvelope,
  ZFriendRequestResponse,
  ZMeResponse,
  ZPublicProfileResponse,
} from '@guftagu/contracts';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  befriend,
  call,
  connectAuthed,
  expectApiError,
  nextEvent,
  recordAllEvents,
  type SignedUp,
  settle,
  startTestServer,
  type TestServer,
  uniqueName,
} from '../../../test/harness.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const updateProfile = (user: SignedUp, body: unknown) =>
  call(user.api, ZMeResponse, 'PUT', '/api/user/profile', body).then((response) => response.user);
const myProfile = (user: SignedUp) =>
  call(user.api, ZMeResponse, 'GET', '/api/user/profile').then((response) => response.user);
const viewByName = (viewer: SignedUp | undefined, username: string) =>
  call(viewer?.api ?? server.api(), ZPublicProfileResponse, 'GET', `/api/user/${username}`).then(
    (response) => response.profile,
  );
const viewById = (viewer: SignedUp | undefined, id7: string) =>
  call(viewer?.api ?? server.api(), ZPublicProfileResponse, 'GET', `/api/user/id/${id7}`).then(
    (response) => response.profile,
  );
const usernameOf = (user: SignedUp) => user.session.user.username ?? '';

describe('editing your profile', () => {
  it('returns your own profile and saves display name, bio, interests and privacy', async () => {
    const user = await server.signUp();
    expect(await myProfile(user)).toEqual(user.session.user);

    const updated = await updateProfile(user, {
      displayName: '  Ayesha Khan  ',
      bio: 'Chai and cricket',
      interests: ['Music', ' music ', 'CODING', 'coding', 'Urdu Poetry'],
      privacy: { showMatchCount: false },
    });
    expect(updated).toMatchObject({
      displayName: 'Ayesha Khan',
      bio: 'Chai and cricket',
      interests: ['music', 'coding', 'urdu poetry'],
      // A partial privacy update keeps the other settings.
      privacy: { showOnlineStatus: true, allowFriendRequests: 'everyone', showMatchCount: false },
    });
    expect(await myProfile(user)).toEqual(updated);

    expect((await updateProfile(user, { displayName: null })).displayName).toBeNull();
  });

  it('accepts a 50-character display name and rejects 51 with VALIDATION_ERROR on displayName', async () => {
    const user = await server.signUp();
    expect((await updateProfile(user, { displayName: 'd'.repeat(50) })).displayName).toBe('d'.repeat(50));
    const error = await expectApiError(
      updateProfile(user, { displayName: 'd'.repeat(51) }),
      400,
      'VALIDATION_ERROR',
    );
    expect(error.envelope.details?.field).toBe('displayName');
  });

  it('counts the bio in user-perceived characters: 500 emoji fit, 501 do not', async () => {
    const user = await server.signUp();
    // A family emoji is eight UTF-16 code units but one character on screen.
    const family = '👩‍👩‍👧';
    expect(family.length).toBe(8);
    expect((await updateProfile(user, { bio: family.repeat(500) })).bio).toBe(family.repeat(500));
    const error = await expectApiError(
      updateProfile(user, { bio: family.repeat(501) }),
      400,
      'VALIDATION_ERROR',
    );
    expect(error.envelope.details?.field).toBe('bio');
    expect((await myProfile(user)).bio).toBe(family.repeat(500));
  });

  it('rejects more than 10 interests and an interest longer than 20 characters', async () => {
    const user = await server.signUp();
    const ten = Array.from({ length: 10 }, (_, index) => `tag${index}`);
    expect((await updateProfile(user, { interests: ten })).interests).toEqual(ten);
    const tooMany = await expectApiError(
      updateProfile(user, { interests: [...ten, 'eleven'] }),
      400,
      'VALIDATION_ERROR',
    );
    expect(tooMany.envelope.details?.field).toBe('interests');
    const tooLong = await expectApiError(
      updateProfile(user, { interests: ['ok', 'x'.repeat(21)] }),
      400,
      'VALIDATION_ERROR',
    );
    expect(tooLong.envelope.details?.field).toBe('interests.1');
  });

  it('rejects fields that are not part of the profile, such as friendsCount', async () => {
    const user = await server.signUp();
    await expectApiError(updateProfile(user, { friendsCount: 999 }), 400, 'VALIDATION_ERROR');
    expect((await myProfile(user)).friendsCount).toBe(0);
  });
});

describe('changing your username', () => {
  it('allows the first change after onboarding, keeps the old name in history and the 7-digit id', async () => {
    const user = await server.signUp();
    const oldName = usernameOf(user);
    const newName = uniqueName('Renamed');
    const before = Date.now();
    const updated = await updateProfile(user, { username: newName });
    expect(updated.username).toBe(newName);
    expect(updated.userId7Digit).toBe(user.session.user.userId7Digit);
    const next = Date.parse(updated.nextUsernameChangeAt ?? '');
    expect(next - before).toBeGreaterThanOrEqual(30 * 86_400_000 - 1_000);
    expect(next - Date.now()).toBeLessThanOrEqual(30 * 86_400_000);

    const { rows } = await server.db.query<{ old_username: string }>(
      'SELECT old_username FROM username_history WHERE user_id = $1',
      [user.userId],
    );
    expect(rows).toEqual([{ old_username: oldName }]);

    expect((await viewByName(undefined, newName)).userId7Digit).toBe(user.session.user.userId7Digit);
    await expectApiError(viewByName(undefined, oldName), 404, 'NOT_FOUND');
    // The old name is free for someone else now.
    await expect(server.api().checkUsername(oldName)).resolves.toMatchObject({ available: true });
  });

  it('refuses a second change within 30 days with 429 USERNAME_CHANGE_TOO_SOON and nextChangeAt', async () => {
    const user = await server.signUp();
    const first = await updateProfile(user, { username: uniqueName('First') });
    const error = await expectApiError(
      updateProfile(user, { username: uniqueName('Second') }),
      429,
      'USERNAME_CHANGE_TOO_SOON',
    );
    expect(error.envelope.details).toMatchObject({
      field: 'username',
      nextChangeAt: first.nextUsernameChangeAt,
    });
    // Nothing changed, and saving the current name again is not a change.
    expect((await myProfile(user)).username).toBe(first.username);
    expect((await updateProfile(user, { username: first.username, bio: 'same name' })).bio).toBe('same name');
    const { rows } = await server.db.query('SELECT 1 FROM username_history WHERE user_id = $1', [
      user.userId,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('allows another change once 30 days have passed since the last one', async () => {
    const user = await server.signUp();
    await updateProfile(user, { username: uniqueName('First') });
    await server.db.query(
      "UPDATE users SET username_last_changed = now() - interval '30 days 1 minute' WHERE id = $1",
      [user.userId],
    );
    const third = uniqueName('Third');
    expect((await updateProfile(user, { username: third })).username).toBe(third);
  });

  it('refuses a taken username in any case with USERNAME_TAKEN, without using up the change', async () => {
    const other = await server.signUp();
    const user = await server.signUp();
    const error = await expectApiError(
      updateProfile(user, { username: usernameOf(other).toUpperCase() }),
      409,
      'USERNAME_TAKEN',
    );
    expect(error.envelope.details?.field).toBe('username');
    const { rows } = await server.db.query('SELECT 1 FROM username_history WHERE user_id = $1', [
      user.userId,
    ]);
    expect(rows).toHaveLength(0);
    const free = uniqueName('Free');
    expect((await updateProfile(user, { username: free })).username).toBe(free);
  });
});

describe('viewing a public profile', () => {
  it('finds a user by username in any case and by 7-digit id, anonymously', async () => {
    const target = await server.signUp();
    await updateProfile(target, { displayName: 'Target', bio: 'hello', interests: ['chess'] });
    const byName = await viewByName(undefined, usernameOf(target).toUpperCase());
    expect(byName).toMatchObject({
      id: target.userId,
      userId7Digit: target.session.user.userId7Digit,
      username: usernameOf(target),
      displayName: 'Target',
      bio: 'hello',
      interests: ['chess'],
      totalMatches: 0,
      friendsCount: 0,
      isOnline: false,
      status: 'offline',
      relationship: 'none',
      requestId: null,
    });
    expect(await viewById(undefined, target.session.user.userId7Digit)).toEqual(byName);
  });

  it('answers an unknown user with 404 and a malformed id with 400', async () => {
    await expectApiError(viewByName(undefined, uniqueName('Nobody')), 404, 'NOT_FOUND');
    await expectApiError(viewById(undefined, '123'), 400, 'VALIDATION_ERROR');
    await expectApiError(viewById(undefined, '12345678'), 400, 'VALIDATION_ERROR');
  });

  it('does not find an account that has not chosen a username yet', async () => {
    const pending = await server.signUp({ username: null });
    await expectApiError(viewById(undefined, pending.session.user.userId7Digit), 404, 'NOT_FOUND');
  });

  it('reports the relationship: self, none, request_sent/received with the id, friends, blocked', async () => {
    const viewer = await server.signUp();
    const target = await server.signUp();
    const name = usernameOf(target);
    expect((await viewByName(viewer, usernameOf(viewer))).relationship).toBe('self');
    expect(await viewByName(viewer, name)).toMatchObject({ relationship: 'none', requestId: null });

    const { request } = await call(viewer.api, ZFriendRequestResponse, 'POST', '/api/friends/request', {
      username: name,
    });
    expect(await viewByName(viewer, name)).toMatchObject({
      relationship: 'request_sent',
      requestId: request.id,
    });
    expect(await viewByName(target, usernameOf(viewer))).toMatchObject({
      relationship: 'request_received',
      requestId: request.id,
    });

    await target.api.request('POST', '/api/friends/accept', { requestId: request.id });
    expect(await viewByName(viewer, name)).toMatchObject({ relationship: 'friends', friendsCount: 1 });
    expect((await viewByName(target, usernameOf(viewer))).relationship).toBe('friends');

    await viewer.api.request('POST', `/api/users/${target.userId}/block`);
    expect(await viewByName(viewer, name)).toMatchObject({ relationship: 'blocked', friendsCount: 0 });
    // Whoever blocked you simply is not there for you, by name or by id.
    await expectApiError(viewByName(target, usernameOf(viewer)), 404, 'NOT_FOUND');
    await expectApiError(viewById(target, viewer.session.user.userId7Digit), 404, 'NOT_FOUND');
  });

  it('hides the match count from everyone but the owner when showMatchCount is off', async () => {
    const target = await server.signUp();
    const stranger = await server.signUp();
    await updateProfile(target, { privacy: { showMatchCount: false } });
    expect((await viewByName(stranger, usernameOf(target))).totalMatches).toBeNull();
    expect((await viewByName(undefined, usernameOf(target))).totalMatches).toBeNull();
    expect((await viewByName(target, usernameOf(target))).totalMatches).toBe(0);
  });

  it('hides online status from non-friends when showOnlineStatus is off; friends still see it', async () => {
    const target = await server.signUp();
    const friend = await server.signUp();
    const stranger = await server.signUp();
    await befriend(friend, target);
    await updateProfile(target, { privacy: { showOnlineStatus: false } });
    await connectAuthed(server, target.token);

    expect(await viewByName(stranger, usernameOf(target))).toMatchObject({
      isOnline: null,
      lastActive: null,
      status: null,
      customStatus: null,
    });
    expect((await viewByName(undefined, usernameOf(target))).isOnline).toBeNull();
    expect(await viewByName(friend, usernameOf(target))).toMatchObject({ isOnline: true, status: 'online' });
    expect((await viewByName(target, usernameOf(target))).isOnline).toBe(true);

    await updateProfile(target, { privacy: { showOnlineStatus: true } });
    expect((await viewByName(stranger, usernameOf(target))).isOnline).toBe(true);
  });

  it("tells the user's friends, and nobody else, when the profile changes", async () => {
    const owner = await server.signUp();
    const friend = await server.signUp();
    const bystander = await server.signUp();
    await befriend(owner, friend);
    const friendSocket = (await connectAuthed(server, friend.token)).socket;
    const ownerSocket = (await connectAuthed(server, owner.token)).socket;
    const bystanderSocket = (await connectAuthed(server, bystander.token)).socket;
    const ownerHeard = recordAllEvents(ownerSocket);
    const bystanderHeard = recordAllEvents(bystanderSocket);

    const updated = nextEvent(friendSocket, 'friend_profile_updated');
    await updateProfile(owner, { displayName: 'New Name' });
    expect(await updated).toEqual({
      friendId: owner.userId,
      profile: {
        userId: owner.userId,
        userId7Digit: owner.session.user.userId7Digit,
        username: usernameOf(owner),
        displayName: 'New Name',
        profilePicture: null,
      },
      updatedFields: { displayName: 'New Name', profilePicture: null, bio: expect.any(String) },
    });
    await Promise.all([settle(ownerSocket), settle(bystanderSocket)]);
    expect(ownerHeard.events).toEqual([]);
    expect(bystanderHeard.events).toEqual([]);
  });
});

describe('profile pictures', () => {
  const jpegWithExif = () =>
    sharp({ create: { width: 1000, height: 600, channels: 3, background: { r: 200, g: 40, b: 40 } } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: 'secret location' } } })
      .toBuffer();
  const image = (format: 'png' | 'webp' | 'gif') =>
    sharp({ create: { width: 300, height: 500, channels: 3, background: { r: 0, g: 90, b: 200 } } })
      .toFormat(format)
      .toBuffer();

  const upload = (user: SignedUp, bytes: Buffer, filename: string, type: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
    return fetch(`${server.url}/api/user/profile-picture`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.token}` },
      body: form,
    });
  };
  const uploaded = async (response: Response) => {
    expect(response.status).toBe(200);
    return ZMeResponse.parse(await response.json()).user;
  };
  const expectRefused = async (response: Response, status: number, code: TErrorCode) => {
    expect(response.status).toBe(status);
    expect(ZErrorEnvelope.parse(await response.json()).code).toBe(code);
  };
  const stored = async (url: string | null) => {
    expect(url).toMatch(/^\/uploads\/avatars\/[\w-]+\/[\w-]+\.webp$/);
    const response = await fetch(`${server.url}${url}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    return Buffer.from(await response.arrayBuffer());
  };

  it('re-encodes a JPEG to a 400×400 WebP without EXIF and serves it from the returned URL', async () => {
    const user = await server.signUp();
    const source = await jpegWithExif();
    expect((await sharp(source).metadata()).exif).toBeDefined();

    const updated = await uploaded(await upload(user, source, 'me.jpg', 'image/jpeg'));
    const metadata = await sharp(await stored(updated.profilePicture)).metadata();
    expect(metadata).toMatchObject({ format: 'webp', width: 400, height: 400 });
    expect(metadata.exif).toBeUndefined();
    expect((await myProfile(user)).profilePicture).toBe(updated.profilePicture);
  });

  it('accepts PNG and WebP, and removes the previous file when the picture is replaced', async () => {
    const user = await server.signUp();
    const first = (await uploaded(await upload(user, await image('png'), 'a.png', 'image/png')))
      .profilePicture;
    await stored(first);
    const second = (await uploaded(await upload(user, await image('webp'), 'b.webp', 'image/webp')))
      .profilePicture;
    expect(second).not.toBe(first);
    expect((await sharp(await stored(second)).metadata()).width).toBe(400);
    expect((await fetch(`${server.url}${first}`)).status).toBe(404);
  });

  it('keeps exactly one stored file when several uploads race', async () => {
    const user = await server.signUp();
    const png = await image('png');
    const responses = await Promise.all(
      Array.from({ length: 5 }, (_, index) => upload(user, png, `${index}.png`, 'image/png')),
    );
    const urls = await Promise.all(
      responses.map(async (response) => (await uploaded(response)).profilePicture),
    );
    const current = (await myProfile(user)).profilePicture;
    expect(urls).toContain(current);
    const statuses = await Promise.all(urls.map(async (url) => (await fetch(`${server.url}${url}`)).status));
    expect(statuses.sort()).toEqual([200, 404, 404, 404, 404]);
  });

  it('removes the picture and its file with DELETE', async () => {
    const user = await server.signUp();
    const url = (await uploaded(await upload(user, await image('png'), 'a.png', 'image/png'))).profilePicture;
    const removed = await call(user.api, ZMeResponse, 'DELETE', '/api/user/profile-picture');
    expect(removed.user.profilePicture).toBeNull();
    expect((await fetch(`${server.url}${url}`)).status).toBe(404);
    // Removing when there is none is harmless.
    const again = await call(user.api, ZMeResponse, 'DELETE', '/api/user/profile-picture');
    expect(again.user.profilePicture).toBeNull();
  });

  it('refuses a GIF and a text file named .png with 415, judged by content not by name', async () => {
    const user = await server.signUp();
    const url = (await uploaded(await upload(user, await image('png'), 'a.png', 'image/png'))).profilePicture;
    await expectRefused(
      await upload(user, await image('gif'), 'cat.gif', 'image/gif'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    await expectRefused(
      await upload(user, Buffer.from('just some text, honestly'), 'photo.png', 'image/png'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    // The existing picture is untouched.
    expect((await myProfile(user)).profilePicture).toBe(url);
    await stored(url);
  });

  it('refuses a file over 5 MB with 413', async () => {
    const user = await server.signUp();
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x20);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    await expectRefused(await upload(user, big, 'big.jpg', 'image/jpeg'), 413, 'PAYLOAD_TOO_LARGE');
    expect((await myProfile(user)).profilePicture).toBeNull();
  });

  it('refuses a JPEG that does not decode with 422, and a non-multipart body with 415', async () => {
    const user = await server.signUp();
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]);
    await expectRefused(await upload(user, broken, 'broken.jpg', 'image/jpeg'), 422, 'UNPROCESSABLE');
    await expectApiError(
      user.api.request('POST', '/api/user/profile-picture', { file: 'data:image/png;base64,AAAA' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('answers a malformed or cut-off multipart body with 400, never a 500 or a 413', async () => {
    const user = await server.signUp();
    const post = async (contentType: string, body: Buffer) => {
      const response = await fetch(`${server.url}/api/user/profile-picture`, {
        method: 'POST',
        headers: { authorization: `Bearer ${user.token}`, 'content-type': contentType },
        body,
      });
      return { status: response.status, code: ((await response.json()) as { code: string }).code };
    };
    const boundary = '----guftaguavatar';
    const png = await image('png');
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const contentType = `multipart/form-data; boundary=${boundary}`;
    // Cut off inside the file, and cut off after it before the closing boundary.
    expect(await post(contentType, body.subarray(0, 200))).toEqual({ status: 400, code: 'BAD_REQUEST' });
    expect(await post(contentType, body.subarray(0, body.length - 10))).toEqual({
      status: 400,
      code: 'BAD_REQUEST',
    });
    // multipart/form-data without a boundary.
    expect(await post('multipart/form-data', body)).toEqual({ status: 400, code: 'BAD_REQUEST' });
    expect((await myProfile(user)).profilePicture).toBeNull();
    // The same body, whole, is accepted.
    expect((await post(contentType, body)).status).toBe(200);
  });

  it('refuses an upload without a session with 401', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await image('png'))], { type: 'image/png' }), 'a.png');
    const response = await fetch(`${server.url}/api/user/profile-picture`, { method: 'POST', body: form });
    await expectRefused(response, 401, 'UNAUTHORIZED');
  });
});
