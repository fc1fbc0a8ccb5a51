import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.js';

/** Whoever reads the outbox can sign in as anyone, so it must never be reachable from the network by default. */
describe('the dev outbox', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('is served when the server listens on loopback', async () => {
    server = await startTestServer();
    expect((await fetch(`${server.url}/api/dev/mailbox`)).status).toBe(200);
  });

  it('is not served when the server listens on every interface', async () => {
    server = await startTestServer({ env: { HOST: '0.0.0.0' } });
    const response = await fetch(`${server.url}/api/dev/mailbox`);
    expect(response.status).toBe(404);
  });

  it('is served on every interface only when the operator opts in', async () => {
    server = await startTestServer({ env: { HOST: '0.0.0.0', DEV_MAILBOX_PUBLIC: 'true' } });
    expect((await fetch(`${server.url}/api/dev/mailbox`)).status).toBe(200);
  });
});
