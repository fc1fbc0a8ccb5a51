import type { FastifyInstance } from 'fastify';
import createNextServer from 'next';

export interface WebOptions {
  dir: string;
  dev: boolean;
}

/**
 * Serves the Next.js app for every path that is not the API or Socket.IO, on the same port, so the
 * browser talks to one origin. Next takes over the raw request (`hijack`), so Fastify does not reply.
 */
export async function attachWeb(app: FastifyInstance, options: WebOptions): Promise<() => Promise<void>> {
  // next's CJS default export is the factory; under NodeNext its type is the module namespace.
  const web = (createNextServer as unknown as typeof createNextServer.default)({
    dev: options.dev,
    dir: options.dir,
    quiet: true,
  });
  await web.prepare();
  const handle = web.getRequestHandler();
  app.route({
    method: ['GET', 'HEAD', 'POST'],
    url: '/*',
    handler: async (request, reply) => {
      reply.hijack();
      await handle(request.raw, reply.raw);
    },
  });
  return () => web.close();
}
