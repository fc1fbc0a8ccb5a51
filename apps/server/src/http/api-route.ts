import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AuthGuard } from './auth-guard.js';
import { parseInput } from './validation.js';

/**
 * Who may call a route: `required` needs a signed-in user with a username, `onboarding` also admits
 * one who has not chosen it yet, `optional` reads a session when one is sent.
 */
export type RouteAuth = 'none' | 'optional' | 'required' | 'onboarding';

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Schema = z.ZodType | undefined;

/** Everything the API reference says about a route; the same schemas validate its input. */
export interface ApiRouteSpec<
  P extends Schema = Schema,
  Q extends Schema = Schema,
  B extends Schema = Schema,
  R extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  url: string;
  summary: string;
  description?: string;
  tag: string;
  auth: RouteAuth;
  params?: P;
  query?: Q;
  body?: B;
  /** A multipart/form-data upload in this field instead of a JSON body; the handler reads the parts. */
  upload?: string;
  response: R;
  /** The success status when it is not 200. */
  status?: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Present on every route defined through `apiRoutes`; the OpenAPI document is built from it. */
    api?: ApiRouteSpec;
  }
}

type Authenticated = Awaited<ReturnType<AuthGuard['require']>>;
type Viewer<A extends RouteAuth> = A extends 'required' | 'onboarding'
  ? Authenticated
  : A extends 'optional'
    ? Authenticated | undefined
    : undefined;
type Parsed<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteContext<A extends RouteAuth, P extends Schema, Q extends Schema, B extends Schema> {
  request: FastifyRequest;
  reply: FastifyReply;
  viewer: Viewer<A>;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
}

/**
 * Defines routes with their schemas declared once: the handler receives the parsed params, query and
 * body, and the spec is kept on the route for the OpenAPI document. The session is checked before any
 * input is read, so an anonymous caller learns nothing about a route's input rules.
 */
export function apiRoutes(app: FastifyInstance, guard?: AuthGuard) {
  /**
   * `route(spec)(handler)`: the spec is read first, so the handler's result is checked against its
   * response schema. A handler returns the reply itself only for an answer that is not JSON.
   */
  return function route<
    A extends RouteAuth,
    P extends Schema = undefined,
    Q extends Schema = undefined,
    B extends Schema = undefined,
    R extends z.ZodType = z.ZodType,
  >(spec: ApiRouteSpec<P, Q, B, R> & { auth: A }) {
    if (spec.auth !== 'none' && !guard) throw new Error(`${spec.method} ${spec.url} needs an auth guard`);
    return (handler: (context: RouteContext<A, P, Q, B>) => Promise<z.input<R> | FastifyReply>): void => {
      app.route({
        method: spec.method,
        url: spec.url,
        config: { api: spec as ApiRouteSpec },
        handler: async (request, reply) => {
          const viewer = await authenticate(guard, spec.auth, request);
          const params = spec.params ? parseInput(spec.params, request.params) : undefined;
          const query = spec.query ? parseInput(spec.query, request.query) : undefined;
          const body = spec.body ? parseInput(spec.body, request.body) : undefined;
          if (spec.status) void reply.status(spec.status);
          return handler({ request, reply, viewer, params, query, body } as RouteContext<A, P, Q, B>);
        },
      });
    };
  };
}

function authenticate(
  guard: AuthGuard | undefined,
  auth: RouteAuth,
  request: FastifyRequest,
): Promise<Authenticated | undefined> {
  if (!guard || auth === 'none') return Promise.resolve(undefined);
  if (auth === 'optional') return guard.optional(request);
  return guard.require(request, { allowOnboarding: auth === 'onboarding' });
}
