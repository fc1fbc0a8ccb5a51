import { ZErrorEnvelope } from '@guftagu/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ApiRouteSpec } from './api-route.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The specs of every route defined through `apiRoutes`, in registration order. */
    apiRouteSpecs: ApiRouteSpec[];
  }
}

type JsonSchema = Record<string, unknown> & {
  properties?: Record<string, Record<string, unknown>>;
  required?: string[];
};

/**
 * Collects the spec of each route as Fastify registers it, in this instance and every plugin under
 * it. Fastify also registers a HEAD twin of each GET with the same config; only the route as declared
 * is kept.
 */
export function collectApiRouteSpecs(app: FastifyInstance): void {
  const specs: ApiRouteSpec[] = [];
  app.decorate('apiRouteSpecs', specs);
  app.addHook('onRoute', (route) => {
    const spec = route.config?.api;
    if (spec && route.method === spec.method) specs.push(spec);
  });
}

const toJsonSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;

/** Fastify's `:name` path parameters in OpenAPI's `{name}` form. */
export const openApiPath = (url: string): string => url.replace(/:(\w+)/g, '{$1}');

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const { properties = {}, required = [] } = toJsonSchema(schema, 'input');
  return Object.entries(properties).map(([name, { description, ...property }]) => ({
    name,
    in: where,
    required: where === 'path' || required.includes(name),
    ...(description ? { description } : {}),
    schema: property,
  }));
}

function requestBodyOf(spec: ApiRouteSpec) {
  if (spec.upload)
    return {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: [spec.upload],
            properties: { [spec.upload]: { type: 'string', format: 'binary' } },
          },
        },
      },
    };
  if (!spec.body) return undefined;
  return { required: true, content: { 'application/json': { schema: toJsonSchema(spec.body, 'input') } } };
}

const SECURITY = {
  none: undefined,
  optional: [{}, { bearer: [] }],
  required: [{ bearer: [] }],
  onboarding: [{ bearer: [] }],
} as const;

function operationOf(spec: ApiRouteSpec) {
  const parameters = [...parametersOf(spec.params, 'path'), ...parametersOf(spec.query, 'query')];
  const requestBody = requestBodyOf(spec);
  const security = SECURITY[spec.auth];
  return {
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: [spec.tag],
    ...(security ? { security } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: {
      [String(spec.status ?? 200)]: {
        description: 'Success',
        content: { 'application/json': { schema: toJsonSchema(spec.response, 'output') } },
      },
      default: {
        description: 'Error envelope: `{ success: false, error, code, details }`',
        content: { 'application/json': { schema: toJsonSchema(ZErrorEnvelope, 'output') } },
      },
    },
  };
}

/** The OpenAPI 3.1 document of the given routes, generated from the schemas they validate with. */
export function buildOpenApiDocument(specs: readonly ApiRouteSpec[], version: string) {
  const paths: Record<string, Record<string, ReturnType<typeof operationOf>>> = {};
  for (const spec of specs) {
    const path = openApiPath(spec.url);
    paths[path] ??= {};
    (paths[path] as Record<string, ReturnType<typeof operationOf>>)[spec.method.toLowerCase()] =
      operationOf(spec);
  }
  return {
    openapi: '3.1.0' as const,
    info: {
      title: 'Guftagu API',
      version,
      description:
        'Every response is JSON in one envelope: `{ "success": true, ... }` or `{ "success": false, "error", "code", "details" }`. Invalid input answers 400 `VALIDATION_ERROR` with the first bad field in `details.field`. Signed-in routes take `Authorization: Bearer <token>` from a session response; the refresh token travels in an httpOnly cookie.',
    },
    tags: [...new Set(specs.map((spec) => spec.tag))].map((name) => ({ name })),
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
