import { ApiClient, connectSocket, type GuftaguSocket } from '@guftagu/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, startTwoNodeCluster } from './cluster.js';
import { nextEvent, trackCount, uniqueName, waitForConnect } from './harness.js';
import type { NodeProcess } from './node-process.js';
import { HAS_REDIS } from './redis.js';

/** Two real server processes, one PostgreSQL, one Redis: the scale-out shape of production. */
describe.runIf(HAS_REDIS)('two app nodes sharing PostgreSQL and Redis', () => {
  let cluster: Cluster | undefined;
  let nodeA: NodeProcess;
  let nodeB: NodeProcess;
  const sockets: GuftaguSocket[] = [];

  const open = async (url: string) => {
    const socket = connectSocket(url);
    sockets.push(socket);
    const counts = trackCount(socket);
    await waitForConnect(socket);
    return { socket, counts };
  };
  const onlineCount = async (url: string) =>
    ((await (await fetch(`${url}/api/health`)).json()) as { onlineCount: number }).onlineCount;

  const mailedCode = async (nodeUrl: string, email: string) => {
    const response = await fetch(`${nodeUrl}/api/dev/mailbox?to=${encodeURIComponent(email)}`);
    const body = (await response.json()) as { messages: Array<{ text: string }> };
    const code = /\b(\d{6})\b/.exec(body.messages[0]?.text ?? '')?.[1];
    if (!code) throw new Error('no code in the outbox');
    return code;
  };

  beforeAll(async () => {
    cluster = await startTwoNodeCluster('two_node');
    [nodeA, nodeB] = cluster.nodes;
  }, 90_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await cluster?.stop();
  });

  it('keeps one exact online count across both nodes, live in both directions', async () => {
    // Earlier tests' sockets are gone, so the cluster-wide count starts at zero.
    expect(await onlineCount(nodeB.url)).toBe(0);
    const a = await open(nodeA.url);
    await a.counts.waitFor(1);
    const b = await open(nodeB.url);
    await b.counts.waitFor(2);
    await a.counts.waitFor(2);
    expect(await onlineCount(nodeA.url)).toBe(2);

    b.socket.disconnect();
    await a.counts.waitFor(1);
    a.socket.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await onlineCount(nodeB.url)).toBe(0);
  });

  it('signs in on one node with a code requested on the other, and logout there disconnects sockets here', async () => {
    const email = `${uniqueName()}@example.com`;
    const apiA = new ApiClient({ baseUrl: nodeA.url });
    await apiA.sendOtp(email);
    const apiB = new ApiClient({ baseUrl: nodeB.url });
    const session = await apiB.verifyOtp(email, await mailedCode(nodeA.url, email));
    expect(session.user.email).toBe(email);

    const socketOnA = connectSocket(nodeA.url, { token: session.token });
    sockets.push(socketOnA);
    await nextEvent(socketOnA, 'authenticated');
    const forced = nextEvent(socketOnA, 'force_disconnect');
    const closed = new Promise((resolve) => socketOnA.once('disconnect', resolve));
    await apiB.logout();
    expect((await forced).reason).toBe('logged_out');
    await closed;
  });

  it('enforces the OTP cooldown across nodes (shared Redis state)', async () => {
    const email = `${uniqueName()}@example.com`;
    await new ApiClient({ baseUrl: nodeA.url }).sendOtp(email);
    await expect(new ApiClient({ baseUrl: nodeB.url }).sendOtp(email)).rejects.toMatchObject({
      code: 'OTP_COOLDOWN',
    });
  });
});
