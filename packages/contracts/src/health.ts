import { z } from 'zod';

const ZComponentStatus = z.enum(['up', 'down', 'disabled']);

export const ZHealthResponse = z.object({
  success: z.boolean(),
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptime: z.number(),
  db: ZComponentStatus,
  redis: ZComponentStatus,
  gateway: ZComponentStatus,
  onlineCount: z.number().int(),
});
export type THealthResponse = z.infer<typeof ZHealthResponse>;
