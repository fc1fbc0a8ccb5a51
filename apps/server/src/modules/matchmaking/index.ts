/**
 * Random video chat (seed 000): queue with interests, pairing, WebRTC signaling relay, text chat,
 * skip/stop, grace periods for dropped connections, and reports from inside a match.
 *
 * The participant rule: a participant is one socket. A socket is in at most one queue entry or one
 * match at a time (a second `join_queue` is a CONFLICT). A second tab of the same user is a separate
 * participant only because it is a separate socket; two tabs of one user are never matched with each
 * other (same identity), and each tab's Next/Stop acts on that tab's match only. A reconnecting tab
 * takes its seat back with `resume_match` and the `resumeToken` from `match_found` (same user for a
 * signed-in seat) within the grace period.
 *
 * Live state is in a `MatchQueue`: `MemoryMatchQueue` for one node, `RedisMatchQueue` (one Lua script
 * per step) when `REDIS_URL` is set. The programmatic surface for benchmarks and bots is the socket
 * protocol in `@guftagu/contracts` (`join_queue` → `match_found`), or `MatchmakingService.join`.
 */
export { type IceConfig, iceServersFor, splitUrls, turnCredential } from './ice-servers.js';
export type { MatchEmitter } from './match-emitter.js';
export type { LiveMatch, MatchQueue, QueueEntry, QueueSnapshot, SocketState } from './match-queue.js';
export { MatchRelay } from './match-relay.js';
export { MatchSettings, type MatchSettingsValues } from './match-settings.js';
export { createMatchmakingModule, type Matchmaking } from './matchmaking.module.js';
export { findMatchForReport } from './matchmaking.repo.js';
export { MatchmakingService, type ParticipantRef } from './matchmaking.service.js';
export { MemoryMatchQueue } from './memory-match-queue.js';
export { RedisMatchQueue } from './redis-match-queue.js';
