import { channel } from 'node:diagnostics_channel';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchOpenApiDocument } from '../../test/documented-routes.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { type OpenApiDocument, openApiPath } from './openapi.js';

/**
 * Served routes that are not part of the JSON API, each with the reason it is left out of the
 * document. Anything else Fastify serves must be documented.
 */
const NOT_API: Array<{ methods: string[]; url: string; why: string }> = [
  { methods: ['GET', 'HEAD', 'POST'], url: '/*', why: 'the Next.js web app: pages, not API (web.ts)' },
  { methods: ['*'], url: '/api/*', why: 'with the web app attached, unknown API paths answer the JSON 404' },
  { methods: ['GET', 'HEAD'], url: '/uploads/*', why: 'uploaded files, served by capability URL' },
  { methods: ['OPTIONS'], url: '*', why: 'CORS preflight, answered by @fastify/cors for every path' },
  {
    methods: ['*'],
    url: '/socket.io/*',
    why: 'the Socket.IO gateway; its events are typed in packages/contracts',
  },
];

interface ServedRoute {
  method: string;
  url: string;
}

const isExcluded = ({ method, url }: ServedRoute) =>
  NOT_API.some(
    (entry) => entry.url === url && (entry.methods.includes('*') || entry.methods.includes(method)),
  );

describe('the OpenAPI document', () => {
  const served: ServedRoute[] = [];
  let server: TestServer;
  let document: OpenApiDocument;

  beforeAll(async () => {
    // Fastify announces each new instance on this channel before any route is added, so the test
    // sees every route the server really registers, not what the document claims.
    const initialization = channel('fastify.initialization');
    const watch = (message: unknown) => {
      const { fastify } = message as { fastify: FastifyInstance };
      fastify.addHook('onRoute', (route) => {
        for (const method of [route.method].flat()) served.push({ method, url: route.url });
      });
    };
    initialization.subscribe(watch);
    try {
      server = await startTestServer();
    } finally {
      initialization.unsubscribe(watch);
    }
    document = await fetchOpenApiDocument(server.url);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('documents every route the server serves', () => {
    expect(served.length).toBeGreaterThan(40);
    const documented = (method: string, url: string) =>
      Boolean(
        (document.paths[openApiPath(url)] as Record<string, unknown> | undefined)?.[method.toLowerCase()],
      );
    const missing = served
      .filter((route) => !isExcluded(route))
      // Fastify answers HEAD for every GET by itself.
      .filter(({ method, url }) => !(method === 'HEAD' && documented('GET', url)))
      .filter(({ method, url }) => !documented(method, url))
      .map(({ method, url }) => `${method} ${url}`);
    expect(missing, `served but not in the OpenAPI document:\n${missing.join('\n')}`).toEqual([]);
  });

  it('documents the dev mailbox where the server serves it', () => {
    expect(served).toContainEqual({ method: 'GET', url: '/api/dev/mailbox' });
    expect(document.paths['/api/dev/mailbox']).toHaveProperty('get');
  });

  it('describes each operation with its input and response schemas', () => {
    const paths = document.paths as Record<string, Record<string, Record<string, unknown>>>;
    const sendOtp = paths['/api/auth/send-otp']?.post;
    expect(sendOtp).toMatchObject({
      tags: ['auth'],
      requestBody: { content: { 'application/json': { schema: { properties: { email: {} } } } } },
    });
    expect(paths['/api/user/{username}']?.get).toMatchObject({
      parameters: [{ name: 'username', in: 'path', required: true }],
    });
    expect(paths['/api/friends']?.get?.security).toEqual([{ bearer: [] }]);
  });

  it('keeps /api/docs as JSON for API clients and serves a readable page to browsers', async () => {
    const json = await fetch(`${server.url}/api/docs`, { headers: { accept: 'application/json' } });
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await json.json()) as OpenApiDocument).openapi).toBe('3.1.0');

    const page = await fetch(`${server.url}/api/docs`, {
      headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    // Its own policy: nothing but the page's one stylesheet, admitted by hash.
    expect(page.headers.get('content-security-policy')).toMatch(
      /^default-src 'none'; style-src 'sha256-[\w+/=]+'/,
    );
    const html = await page.text();
    // Self-contained: no script and nothing loaded from another origin.
    expect(html).not.toMatch(/<script|https?:\/\/(?!localhost)/i);
    for (const path of Object.keys(document.paths))
      expect(html).toContain(`>${path.replace(/&/g, '&#38;')}<`);
  });
});
