/**
 * PostgreSQL `text` cannot hold U+0000, so a NUL byte that passed validation would fail at the INSERT
 * as a 500 after part of a use case had run. Every inbound payload (REST body, query, params and
 * socket event) is checked here once, before its schema, and refused as a validation error instead.
 */

/** Deeper than any contract nests; a hostile deeply nested payload is left to the schema to refuse. */
const MAX_DEPTH = 32;

/** The path of the first string (or object key) containing U+0000, or undefined when there is none. */
export function findNulByte(
  value: unknown,
  path: Array<string | number> = [],
  depth = 0,
): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '(value)' : undefined;
  if (typeof value !== 'object' || value === null || depth >= MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = findNulByte(value[index], [...path, index], depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const [key, child] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key.replaceAll('\u0000', '\\0')].join('.');
    const found = findNulByte(child, [...path, key], depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

export const NUL_BYTE_MESSAGE = 'Text cannot contain NUL (U+0000) characters.';
