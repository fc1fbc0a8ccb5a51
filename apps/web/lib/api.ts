import { type RequestOptions, requestJson } from '@guftagu/sdk';
import type { z } from 'zod';
import { API_BASE_URL } from './config';

// The web app's REST calls all go through the SDK; this file only binds it to the configured origin.
export type { ClientErrorCode, RequestOptions } from '@guftagu/sdk';
export { ApiError, buildUrl, errorMessage, isApiError, UNREACHABLE_MESSAGE } from '@guftagu/sdk';

const transport = { baseUrl: API_BASE_URL };

/** Resolves with the success body parsed by `schema`, or throws the SDK's ApiError. */
export function apiRequest<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  return requestJson(transport, path, schema, options);
}
