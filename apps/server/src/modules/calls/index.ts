/**
 * 1:1 voice and video calls (issue 12): `start_dm_call` → `incoming_dm_call` on every tab of the
 * callee → `answer_dm_call` (one tab wins) → `webrtc_signal` between the two call sockets.
 */

export { callLine, formatDuration } from './calls.dto.js';
export { createCallsModule } from './calls.module.js';
export { CallsService } from './calls.service.js';
