import type { z } from 'zod';

/**
 * Random video chat (seed 000 "Random Video Chat"): queue, match, WebRTC signaling, text chat and
 * reports. The maps at the bottom are spread into the gateway's event maps in `socket.ts`.
 */

export const matchClientEvents = {} as const satisfies Record<string, z.ZodType>;
export const matchServerEvents = {} as const satisfies Record<string, z.ZodType>;
