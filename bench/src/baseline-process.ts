/**
 * Baseline: stock Socket.IO with nothing of ours — no auth, no database, no rooms beyond the
 * socket's own. It broadcasts `user_count_update` on every connect and disconnect, like the
 * gateway's contract, so the bench can drive both with the same clients.
 */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { Server } from 'socket.io';
import { applyTweaks, runChild, timeBroadcasts } from './child-runtime.js';
import type { EmitMode } from './protocol.js';

runChild(async () => {
  const http = createServer();
  const io = new Server(http, { path: '/socket.io', serveClient: false });
  timeBroadcasts(io.of('/').adapter);
  const tweaks = applyTweaks(io);
  let count = 0;
  let mode: EmitMode = 'each';
  let scheduled = false;

  const broadcast = () => io.emit('user_count_update', { count, timestamp: new Date().toISOString() });
  const changed = () => {
    if (mode === 'each') return broadcast();
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      broadcast();
    });
  };

  io.on('connection', (socket) => {
    count += 1;
    changed();
    socket.on('disconnect', () => {
      count -= 1;
      changed();
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
    info: { server: `socket.io ${version} (stock)`, tweaks: tweaks.join(',') || 'none' },
    setMode: (next) => {
      mode = next;
    },
    close: () => new Promise<void>((resolve) => io.close(() => resolve())),
  };
});
