import { connect } from 'node:net';
import { type TErrorCode, type TErrorEnvelope, ZErrorEnvelope, ZHealthResponse } from '@guftagu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchDocumentedRoutes } from '../../test/documented-routes.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { JSON_BODY_LIMIT } from './app.js';

const APP_ORIGIN = 'http://app.example';
const EXTRA_ORIGIN = 'https://partner.example';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    env: { APP_URL: `${APP_ORIGIN}/some/path`, CORS_ORIGINS: ` ${EXTRA_ORIGIN} ,` },
  });
});
afterAll(async () => {
  await server?.close();
});

/** Every failure is the contract's envelope with the status its code maps to, and never leaks internals. */
async function expectEnvelope(response: Response, status: number, code: TErrorCode): Promise<TErrorEnvelope> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const text = await response.text();
  expect(text).not.toMatch(/stack|node_modules|\.ts:\d|\bat [\w.]+ \(/i);
  const envelope = ZErrorEnvelope.parse(JSON.parse(text));
  expect(envelope.code).toBe(code);
  return envelope;
}

const postRaw = (path: string, body: string, contentType = 'application/json', base = server.url) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });

describe('error envelope', () => {
  it('answers an unknown API route with 404 NOT_FOUND naming the route', async () => {
    const envelope = await expectEnvelope(
      await fetch(`${server.url}/api/no/such/route?x=1`),
      404,
      'NOT_FOUND',
    );
    expect(envelope.error).toContain('GET /api/no/such/route');
    expect(envelope.error).not.toContain('x=1');
  });

  it('answers a known path with the wrong method with 404 NOT_FOUND', async () => {
    await expectEnvelope(await fetch(`${server.url}/api/auth/login`), 404, 'NOT_FOUND');
  });

  it('answers malformed JSON with 400 BAD_REQUEST and no parser internals', async () => {
    const envelope = await expectEnvelope(
      await postRaw('/api/auth/send-otp', '{"email": "a@b.c",'),
      400,
      'BAD_REQUEST',
    );
    expect(envelope.error).not.toMatch(/JSON|Unexpected|position/);
  });

  it('answers a body over 100 KB with 413 PAYLOAD_TOO_LARGE', async () => {
    const body = JSON.stringify({ email: 'a@example.com', padding: 'x'.repeat(JSON_BODY_LIMIT) });
    await expectEnvelope(await postRaw('/api/auth/send-otp', body), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers a text/plain body with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const body = JSON.stringify({ email: 'a@example.com' });
    await expectEnvelope(
      await postRaw('/api/auth/send-otp', body, 'text/plain'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('answers a JSON body of the wrong shape with 400 VALIDATION_ERROR listing the issues', async () => {
    const envelope = await expectEnvelope(
      await postRaw('/api/auth/send-otp', '[1,2,3]'),
      400,
      'VALIDATION_ERROR',
    );
    expect(Array.isArray(envelope.details?.issues)).toBe(true);
  });

  it('answers headers over the limit (a 100 KB query string) with 431 HEADERS_TOO_LARGE in the envelope', async () => {
    const response = await fetch(`${server.url}/api/health?q=${'a'.repeat(100 * 1024)}`);
    await expectEnvelope(response, 431, 'HEADERS_TOO_LARGE');
  });

  it('answers a request line Node cannot parse with 400 BAD_REQUEST in the envelope', async () => {
    const { port } = new URL(server.url);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
      });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw.startsWith('HTTP/1.1 400 ')).toBe(true);
    const envelope = ZErrorEnvelope.parse(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)));
    expect(envelope.code).toBe('BAD_REQUEST');
  });

  it('answers a missing bearer token with 401 UNAUTHORIZED, and a non-bearer scheme the same way', async () => {
    await expectEnvelope(await fetch(`${server.url}/api/auth/me`), 401, 'UNAUTHORIZED');
    const basic = await fetch(`${server.url}/api/auth/me`, {
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });
    await expectEnvelope(basic, 401, 'UNAUTHORIZED');
  });
});

describe('security headers', () => {
  it('sends helmet headers with a CSP that forbids framing and plugins', async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(response.headers.get('x-powered-by')).toBeNull();
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toContain(APP_ORIGIN);
  });

  it('sends the same headers on error responses', async () => {
    const response = await fetch(`${server.url}/api/nope`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBeTruthy();
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    fetch(`${server.url}/api/auth/login`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });

  it('allows the APP_URL origin and configured CORS_ORIGINS, with credentials', async () => {
    for (const origin of [APP_ORIGIN, EXTRA_ORIGIN]) {
      const response = await fetch(`${server.url}/api/health`, { headers: { origin } });
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
      const pre = await preflight(origin);
      expect(pre.status).toBeLessThan(300);
      expect(pre.headers.get('access-control-allow-origin')).toBe(origin);
      expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    }
  });

  it('gives any other origin no access-control-allow-origin, not even the server’s own address', async () => {
    for (const origin of ['http://evil.example', server.url, 'http://app.example.evil.example', 'null']) {
      const response = await fetch(`${server.url}/api/health`, { headers: { origin } });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect((await preflight(origin)).headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('platform routes', () => {
  it('reports health: database up, Redis disabled or up, gateway up', async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    const health = ZHealthResponse.parse(await response.json());
    expect(health).toMatchObject({
      success: true,
      status: 'ok',
      db: 'up',
      redis: process.env.REDIS_URL ? 'up' : 'disabled',
      gateway: 'up',
    });
    expect(health.onlineCount).toBeGreaterThanOrEqual(0);
  });

  it('serves an OpenAPI 3.1 document listing every route with its method', async () => {
    const response = await fetch(`${server.url}/api/docs`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const routes = await fetchDocumentedRoutes(server.url);
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) expect(doc.paths[route.path], route.path).toHaveProperty(route.method);
    expect(Object.keys(doc.paths).sort()).toEqual([...new Set(routes.map((route) => route.path))].sort());
    expect(doc.paths['/api/dev/mailbox']).toHaveProperty('get');
  });

  it('actually serves every documented route (none answers 404)', async () => {
    for (const route of await fetchDocumentedRoutes(server.url)) {
      const response = await fetch(`${server.url}${route.path}`, {
        method: route.method.toUpperCase(),
        ...(route.method === 'get' ? {} : { headers: { 'content-type': 'application/json' }, body: '{}' }),
      });
      expect(response.status, `${route.method} ${route.path}`).not.toBe(404);
      if (!response.ok) ZErrorEnvelope.parse(await response.json());
    }
  });
});

describe('general API rate limit', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({ apiRateLimit: { limit: 5, windowSeconds: 60 } });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('refuses the 6th API request in a window with 429 RATE_LIMITED and Retry-After', async () => {
    for (let request = 1; request <= 5; request++) {
      expect((await fetch(`${limited.url}/api/health`)).status).toBe(200);
    }
    const response = await fetch(`${limited.url}/api/health`);
    const envelope = await expectEnvelope(response, 429, 'RATE_LIMITED');
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(envelope.details?.retryAfter).toBe(retryAfter);
    // Unknown routes count too, so probing cannot go around the limit.
    await expectEnvelope(await fetch(`${limited.url}/api/unknown`), 429, 'RATE_LIMITED');
  });
});
