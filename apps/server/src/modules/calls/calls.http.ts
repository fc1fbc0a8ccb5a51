import {
  ZCallMessageResponse,
  ZCallSessionId,
  ZCallSessionResponse,
  ZCallSessionsResponse,
  ZCallSignalBody,
  ZDmCallBody,
  ZUpdateCallSessionBody,
  ZUpdateCallSessionResponse,
} from '@guftagu/contracts';
import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../http/api-route.js';
import type { AuthGuard } from '../../http/auth-guard.js';
import type { CallsService } from './calls.service.js';

/** Seed 001's `/api/voice/*` routes, as far as they apply to 1:1 calls. */
export function registerCallRoutes(app: FastifyInstance, calls: CallsService, guard: AuthGuard): void {
  const route = apiRoutes(app, guard);

  route({
    method: 'POST',
    url: '/api/voice/dm-call',
    summary: 'Call a friend (or someone who accepted your messages); rings every tab of theirs',
    description:
      'Fails with OFFLINE when they have no connected socket and BUSY when either of you is in a call. ' +
      'The calling tab then sends `resume_dm_call` to take the call on its socket.',
    tag: 'voice',
    auth: 'required',
    body: ZDmCallBody,
    response: ZCallSessionResponse,
    status: 201,
  })(async ({ viewer, body }) => {
    const { session } = await calls.start(viewer.user.id, null, body.recipientId, body.isVideoCall);
    return { success: true, session };
  });

  route({
    method: 'GET',
    url: '/api/voice/sessions',
    summary: 'Your ringing or running calls',
    tag: 'voice',
    auth: 'required',
    response: ZCallSessionsResponse,
  })(async ({ viewer }) => ({ success: true, sessions: await calls.list(viewer.user.id) }));

  route({
    method: 'GET',
    url: '/api/voice/sessions/:sessionId',
    summary: 'One of your calls, live or finished',
    tag: 'voice',
    auth: 'required',
    params: ZCallSessionId,
    response: ZCallSessionResponse,
  })(async ({ viewer, params }) => ({
    success: true,
    session: await calls.get(viewer.user.id, params.sessionId),
  }));

  route({
    method: 'PUT',
    url: '/api/voice/sessions/:sessionId',
    summary: 'Update your mute, camera and screen-share state in a call',
    tag: 'voice',
    auth: 'required',
    params: ZCallSessionId,
    body: ZUpdateCallSessionBody,
    response: ZUpdateCallSessionResponse,
  })(async ({ viewer, params, body }) => {
    const { voiceState } = await calls.updateState(viewer.user.id, params.sessionId, {
      ...(body.isMuted === undefined ? {} : { muted: body.isMuted }),
      ...(body.isVideoEnabled === undefined ? {} : { video: body.isVideoEnabled }),
      ...(body.isScreenSharing === undefined ? {} : { screenSharing: body.isScreenSharing }),
    });
    return {
      success: true,
      message: 'Voice state updated successfully',
      session: {
        sessionId: params.sessionId,
        updatedUser: {
          user: viewer.user.id,
          isMuted: voiceState.muted,
          isVideoEnabled: voiceState.video,
          isScreenSharing: voiceState.screenSharing,
        },
      },
    };
  });

  route({
    method: 'DELETE',
    url: '/api/voice/sessions/:sessionId',
    summary: 'Leave a call: hangs up a running call, cancels or declines a ringing one',
    tag: 'voice',
    auth: 'required',
    params: ZCallSessionId,
    response: ZCallMessageResponse,
  })(async ({ viewer, params }) => {
    await calls.end(viewer.user.id, params.sessionId);
    return { success: true, message: 'Left voice session successfully' };
  });

  route({
    method: 'POST',
    url: '/api/voice/sessions/:sessionId/signal',
    summary: "Relay a WebRTC message to the other participant's call socket",
    tag: 'voice',
    auth: 'required',
    params: ZCallSessionId,
    body: ZCallSignalBody,
    response: ZCallMessageResponse,
  })(async ({ viewer, params, body }) => {
    await calls.signal(viewer.user.id, null, params.sessionId, body.signal);
    return { success: true, message: 'WebRTC signal sent successfully' };
  });
}
