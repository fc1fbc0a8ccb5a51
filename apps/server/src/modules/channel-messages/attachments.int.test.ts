import { ZChannelMessagesResponse } from '@guftagu/contracts';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  expectApiError,
  recordEvents,
  type SignedUp,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { community, expectAckError, nonce, post, send, tab } from './channel-messages.test-support.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const png = () =>
  sharp({ create: { width: 8, height: 6, channels: 3, background: { r: 20, g: 140, b: 90 } } })
    .png()
    .toBuffer();

async function uploadOne(user: SignedUp) {
  const { attachments } = await user.api.uploadFiles([{ name: 'photo.png', data: await png() }]);
  const [attachment] = attachments;
  if (!attachment) throw new Error('upload returned nothing');
  return attachment;
}

describe('attachments and replies', () => {
  it('sends an upload with the message, once; never someone else’s upload; deleting removes it', async () => {
    const ctx = await community(server, 2);
    const [author, other] = ctx.members as [SignedUp, SignedUp];
    const otherTab = await tab(server, other);
    const heard = recordEvents(otherTab.socket, 'new_message');
    const image = await uploadOne(author);
    const authorTab = await tab(server, author);
    const message = await send(authorTab.socket, ctx.text.id, 'look', { attachmentIds: [image.id] });
    expect(message.attachments).toMatchObject([{ id: image.id, kind: 'image' }]);
    expect((await heard.waitFor((m) => m.id === message.id)).attachments).toMatchObject([{ id: image.id }]);

    // Claimed once: a second message cannot take it, and another user never can.
    await expectAckError(
      authorTab.socket,
      'send_message',
      { channelId: ctx.text.id, content: 'again', nonce: nonce(), attachmentIds: [image.id] },
      'CONFLICT',
    );
    const theirs = await uploadOne(other);
    await expectApiError(
      post(author, ctx.text.id, 'steal', { attachmentIds: [theirs.id] }),
      404,
      'NOT_FOUND',
    );

    const reply = await post(other, ctx.text.id, 'nice', { replyTo: message.id });
    expect(reply.replyTo).toMatchObject({
      id: message.id,
      authorId: author.userId,
      content: 'look',
      deleted: false,
    });
    await expectApiError(
      post(other, ctx.text.id, 'cross-channel', { replyTo: '00000000-0000-7000-8000-000000000000' }),
      400,
      'VALIDATION_ERROR',
    );

    await author.api.request('DELETE', `/api/channels/${ctx.text.id}/messages/${message.id}`);
    const page = await call(
      other.api,
      ZChannelMessagesResponse,
      'GET',
      `/api/channels/${ctx.text.id}/messages`,
    );
    expect(page.messages.map((m) => m.id)).toEqual([reply.id]);
    expect(page.messages[0]?.replyTo).toMatchObject({ id: message.id, content: '', deleted: true });
    const rows = await server.db.query('select count(*)::int as n from attachments where id = $1', [
      image.id,
    ]);
    expect(rows.rows[0].n).toBe(0);
  });
});
