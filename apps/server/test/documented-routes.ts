import type { OpenApiDocument } from '../src/http/openapi.js';

type JsonSchema = { properties?: Record<string, unknown> };

/** One operation of the served OpenAPI document, with the input names a test may vary. */
export interface DocumentedRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI form: `/api/user/{username}`. */
  path: string;
  queryNames: string[];
  /** Top-level fields of a JSON body (none for a multipart upload or a union body). */
  bodyFields: string[];
}

export async function fetchOpenApiDocument(baseUrl: string): Promise<OpenApiDocument> {
  const response = await fetch(`${baseUrl}/api/docs/openapi.json`);
  if (!response.ok) throw new Error(`openapi.json answered ${response.status}`);
  return (await response.json()) as OpenApiDocument;
}

/** Every route the server documents, read from the document it serves. */
export async function fetchDocumentedRoutes(baseUrl: string): Promise<DocumentedRoute[]> {
  const document = await fetchOpenApiDocument(baseUrl);
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const body = operation.requestBody?.content as Record<string, { schema: JsonSchema }> | undefined;
      return {
        method: method as DocumentedRoute['method'],
        path,
        queryNames: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        bodyFields: Object.keys(body?.['application/json']?.schema.properties ?? {}),
      };
    }),
  );
}
