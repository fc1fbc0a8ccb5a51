/**
 * The channels bench's floor: bare Socket.IO with nothing of ours — no auth, no validation, no
 * permission check, no database. Every socket joins one room; `send_message` is emitted to that
 * room as `new_message` and acknowledged. Whatever the real server costs above this is the product.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { Server } from 'socket.io';
import { runChild } from './child-runtime.js';

const ROOM = 'channel:bench';

runChild(async () => {
  const http = createServer();
  const io = new Server(http, { path: '/socket.io', serveClient: false });

  io.on('connection', (socket) => {
    void socket.join(ROOM);
    socket.on(
      'send_message',
      (payload: { content: string; nonce: string }, ack?: (reply: unknown) => void) => {
        const id = randomUUID();
        const message = { _id: id, id, content: payload.content, createdAt: new Date().toISOString() };
        io.to(ROOM).emit('new_message', message);
        ack?.({ success: true, message: { ...message, nonce: payload.nonce }, duplicate: false });
      },
    );
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
    info: { server: `socket.io ${version} bare room broadcast` },
    close: () => new Promise<void>((resolve) => io.close(() => resolve())),
  };
});
