import { ZDevMailboxResponse } from '@guftagu/contracts';
import type { z } from 'zod';
import { apiRequest, isApiError } from '@/lib/api';

export const devMailboxKeys = {
  all: ['dev-mailbox'] as const,
  /** One entry per recipient filter; '' means every recipient. */
  list: (to: string) => [...devMailboxKeys.all, to] as const,
};

export function fetchDevMailbox(
  to: string,
  signal?: AbortSignal,
): Promise<z.output<typeof ZDevMailboxResponse>> {
  return apiRequest('/api/dev/mailbox', ZDevMailboxResponse, { query: { to: to || undefined }, signal });
}

/** The server answers this way when it has no dev outbox (production, or a real mail provider). */
export function isOutboxOff(error: unknown): boolean {
  return (
    isApiError(error) && (error.status === 404 || error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')
  );
}
