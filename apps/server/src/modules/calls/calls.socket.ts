import type { SocketModule } from '../../realtime/socket-module.js';
import type { CallsService } from './calls.service.js';

/** Seed 001's DM call events in snake_case; each handler is one service call, acked with the envelope. */
export function callsSocketHandlers(calls: CallsService): SocketModule {
  return ({ handle }) => {
    handle('start_dm_call', async (userId, { recipientId, isVideo }, socket) => {
      const { session, ringsUntil } = await calls.start(userId, socket.id, recipientId, isVideo);
      return { sessionId: session.sessionId, recipientId, isVideo, status: 'calling', ringsUntil, session };
    });
    handle('answer_dm_call', async (userId, { sessionId }, socket) => {
      const { session, participants } = await calls.answer(userId, socket.id, sessionId);
      return { sessionId, participants, session };
    });
    handle('decline_dm_call', async (userId, { sessionId }) => {
      await calls.decline(userId, sessionId);
      return { sessionId };
    });
    handle('end_dm_call', async (userId, { sessionId }) => ({ session: await calls.end(userId, sessionId) }));
    handle('resume_dm_call', async (userId, { sessionId }, socket) => ({
      session: await calls.resume(userId, socket.id, sessionId),
    }));
    handle('update_dm_call_state', async (userId, { sessionId, ...patch }) =>
      calls.updateState(userId, sessionId, patch),
    );
    handle('webrtc_signal', async (userId, { sessionId, signalData }, socket) =>
      calls.signal(userId, socket.id, sessionId, signalData),
    );
  };
}
