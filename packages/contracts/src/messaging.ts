import type { z } from 'zod';

/**
 * Direct messages (seed 000 "Direct Messaging System", seeds 003/004): messages, requests, receipts,
 * reactions, replies, edits and search. The maps at the bottom are spread into `socket.ts`.
 */

export const dmClientEvents = {} as const satisfies Record<string, z.ZodType>;
export const dmServerEvents = {} as const satisfies Record<string, z.ZodType>;
