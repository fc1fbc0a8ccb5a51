import {
  ZCheckUsernameQuery,
  ZCheckUsernameResponse,
  ZErrorEnvelope,
  ZHealthResponse,
  ZLogin,
  ZMeResponse,
  ZMessageResponse,
  ZOnboard,
  ZRegister,
  ZSendOtp,
  ZSendOtpResponse,
  ZSessionResponse,
  ZVerifyOtp,
} from '@guftagu/contracts';
import { z } from 'zod';

interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  tag: string;
  auth?: boolean;
  body?: z.ZodType;
  query?: z.ZodObject;
  response: z.ZodType;
}

/** Every REST route with the contract schemas it is validated against. */
export const ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'Service health',
    tag: 'platform',
    response: ZHealthResponse,
  },
  {
    method: 'post',
    path: '/api/auth/send-otp',
    summary: 'Email a 6-digit sign-in code',
    tag: 'auth',
    body: ZSendOtp,
    response: ZSendOtpResponse,
  },
  {
    method: 'post',
    path: '/api/auth/verify-otp',
    summary: 'Sign in with the emailed code',
    tag: 'auth',
    body: ZVerifyOtp,
    response: ZSessionResponse,
  },
  {
    method: 'post',
    path: '/api/auth/register',
    summary: 'Create an account with a password',
    tag: 'auth',
    body: ZRegister,
    response: ZSessionResponse,
  },
  {
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in with email and password',
    tag: 'auth',
    body: ZLogin,
    response: ZSessionResponse,
  },
  {
    method: 'post',
    path: '/api/auth/refresh',
    summary: 'Rotate the refresh cookie, get a new access token',
    tag: 'auth',
    response: ZSessionResponse,
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Revoke this session and disconnect its sockets',
    tag: 'auth',
    auth: true,
    response: ZMessageResponse,
  },
  {
    method: 'get',
    path: '/api/auth/me',
    summary: 'The signed-in user',
    tag: 'auth',
    auth: true,
    response: ZMeResponse,
  },
  {
    method: 'get',
    path: '/api/user/check-username',
    summary: 'Is a username free?',
    tag: 'users',
    query: ZCheckUsernameQuery,
    response: ZCheckUsernameResponse,
  },
  {
    method: 'post',
    path: '/api/user/onboard',
    summary: 'Choose a username after the first sign-in',
    tag: 'users',
    auth: true,
    body: ZOnboard,
    response: ZMeResponse,
  },
];

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

export function buildOpenApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    const parameters = route.query
      ? Object.keys(route.query.shape).map((name) => ({
          name,
          in: 'query',
          required: true,
          schema: { type: 'string' },
        }))
      : undefined;
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method] = {
      summary: route.summary,
      tags: [route.tag],
      ...(route.auth ? { security: [{ bearer: [] }] } : {}),
      ...(parameters ? { parameters } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body) } },
            },
          }
        : {}),
      responses: {
        '200': {
          description: 'Success',
          content: { 'application/json': { schema: jsonSchema(route.response) } },
        },
        default: {
          description: 'Error envelope',
          content: { 'application/json': { schema: jsonSchema(ZErrorEnvelope) } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Guftagu API', version },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
