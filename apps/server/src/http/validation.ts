import type { z } from 'zod';
import { AppError } from '../platform/errors.js';
import { findNulByte, NUL_BYTE_MESSAGE } from '../platform/inbound-text.js';

/** Parses untrusted input; a failure names the first bad field in `details.field`. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const nulAt = findNulByte(input);
  if (nulAt !== undefined) throw new AppError('VALIDATION_ERROR', NUL_BYTE_MESSAGE, { field: nulAt });
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const field = first?.path.join('.') || undefined;
  throw new AppError('VALIDATION_ERROR', first?.message ?? 'Invalid input', {
    ...(field ? { field } : {}),
    issues: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  });
}
