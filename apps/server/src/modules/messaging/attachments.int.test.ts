import { ZMessagesResponse } from '@guftagu/contracts';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedUp } from '../../../test/harness.js';
import {
  befriend,
  call,
  connectAuthed,
  expectApiError,
  recordEvents,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { expectAckError, nonce, postDm, sendDm } from '../../../test/messaging-helpers.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const png = () =>
  sharp({ create: { width: 8, height: 6, channels: 3, background: { r: 200, g: 40, b: 90 } } })
    .png()
    .toBuffer();

async function uploadOne(user: SignedUp, name: string, data: Uint8Array) {
  const { attachments } = await user.api.uploadFiles([{ name, data }]);
  const [attachment] = attachments;
  if (!attachment) throw new Error('upload returned nothing');
  return attachment;
}

describe('messages with attachments', () => {
  it('sends images and files with their attachments to both sides, typed by content', async () => {
    const alice = await server.signUp();
    const bob = await server.signUp();
    await befriend(alice, bob);
    const { socket: bobSocket } = await connectAuthed(server, bob.token);
    const received = recordEvents(bobSocket, 'dm_receive');
    const image = await uploadOne(alice, 'photo.png', await png());
    const pdf = await uploadOne(alice, 'notes.pdf', new TextEncoder().encode('%PDF-1.4\n%\n'));
    const { socket } = await connectAuthed(server, alice.token);

    const imageOnly = await sendDm(socket, bob, undefined, {
      attachmentIds: [image.id],
    });
    expect(imageOnly).toMatchObject({
      messageType: 'image',
      content: '',
      attachments: [{ id: image.id, kind: 'image' }],
    });
    const mixed = await postDm(alice.api, bob, 'see attached', {
      attachmentIds: [pdf.id, await uploadOne(alice, 'b.png', await png()).then((a) => a.id)],
    });
    expect(mixed.messageType).toBe('file');
    expect(mixed.attachments.map((attachment) => attachment.kind)).toEqual(['file', 'image']);
    expect((await received.waitFor((payload) => payload.id === mixed.id)).attachments).toHaveLength(2);
    const history = await call(bob.api, ZMessagesResponse, 'GET', `/api/messages/${alice.userId}`);
    expect(history.messages[0]?.attachments).toEqual(mixed.attachments);
  });

  it('removes the files of a message deleted for everyone', async () => {
    const alice = await server.signUp();
    const bob = await server.signUp();
    await befriend(alice, bob);
    const image = await uploadOne(alice, 'oops.png', await png());
    const message = await postDm(alice.api, bob, 'wrong photo', { attachmentIds: [image.id] });
    expect((await fetch(new URL(image.url, server.url))).status).toBe(200);
    await alice.api.request('DELETE', `/api/messages/by-id/${message.id}?scope=everyone`);
    expect((await fetch(new URL(image.url, server.url))).status).toBe(404);
    const history = await call(bob.api, ZMessagesResponse, 'GET', `/api/messages/${alice.userId}`);
    expect(history.messages[0]).toMatchObject({ deletedForEveryone: true, attachments: [] });
  });

  it('refuses someone else’s upload, an attachment used twice, and stores nothing on failure', async () => {
    const alice = await server.signUp();
    const bob = await server.signUp();
    await befriend(alice, bob);
    const bobsImage = await uploadOne(bob, 'bob.png', await png());
    const { socket } = await connectAuthed(server, alice.token);
    await expectAckError(
      socket,
      'dm_send',
      { to: bob.userId, message: 'stolen', nonce: nonce(), attachmentIds: [bobsImage.id] },
      'NOT_FOUND',
    );
    const mine = await uploadOne(alice, 'mine.png', await png());
    await sendDm(socket, bob, 'first use', { attachmentIds: [mine.id] });
    await expectAckError(
      socket,
      'dm_send',
      { to: bob.userId, message: 'second use', nonce: nonce(), attachmentIds: [mine.id] },
      'CONFLICT',
    );
    await expectAckError(
      socket,
      'dm_send',
      { to: bob.userId, nonce: nonce(), attachmentIds: [] },
      'VALIDATION_ERROR',
    );
    const { rows } = await server.db.query('select content from dm_messages where sender_id = $1', [
      alice.userId,
    ]);
    expect(rows.map((row) => row.content)).toEqual(['first use']);
  });

  it('rejects uploads of the wrong type or over the image limit before any message exists', async () => {
    const alice = await server.signUp();
    await expectApiError(
      alice.api.uploadFiles([{ name: 'run.exe', data: new TextEncoder().encode('MZ\x90\x00') }]),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    const huge = new Uint8Array(5 * 1024 * 1024 + 10);
    huge.set(await png());
    await expectApiError(alice.api.uploadFiles([{ name: 'huge.png', data: huge }]), 413, 'PAYLOAD_TOO_LARGE');
  });
});
