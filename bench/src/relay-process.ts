/**
 * The DM bench's floor: a bare Socket.IO relay with nothing of ours — no auth (the client names its
 * user id in the handshake), no validation, no database, no receipts. `dm_send` is forwarded as
 * `dm_receive` to the recipient's user room and acknowledged with the message id. Whatever the real
 * server costs above this is persistence, validation and the rest of the product.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { Server } from 'socket.io';
import { runChild } from './child-runtime.js';

interface RelaySend {
  to: string;
  message: string;
  nonce: string;
}

runChild(async () => {
  const http = createServer();
  const io = new Server(http, { path: '/socket.io', serveClient: false });

  io.on('connection', (socket) => {
    const userId = String(socket.handshake.auth.userId ?? '');
    if (!userId) {
      socket.disconnect(true);
      return;
    }
    void socket.join(`user:${userId}`);
    socket.on('dm_send', (payload: RelaySend, ack?: (reply: unknown) => void) => {
      const id = randomUUID();
      const timestamp = new Date().toISOString();
      io.to(`user:${payload.to}`).emit('dm_receive', {
        messageId: id,
        id,
        senderId: userId,
        recipientId: payload.to,
        message: payload.message,
        content: payload.message,
        timestamp,
      });
      ack?.({ success: true, message: { id, nonce: payload.nonce }, duplicate: false });
    });
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => resolve());
  });
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const version = (createRequire(import.meta.url)('socket.io/package.json') as { version: string }).version;

  return {
    url: `http://127.0.0.1:${port}`,
    info: { server: `socket.io ${version} bare relay (no persistence)` },
    close: () => new Promise<void>((resolve) => io.close(() => resolve())),
  };
});
