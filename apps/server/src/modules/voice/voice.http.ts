import { ZVoiceStatesParams, ZVoiceStatesResponse } from '@guftagu/contracts';
import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../http/api-route.js';
import type { AuthGuard } from '../../http/auth-guard.js';
import type { VoiceService } from './voice.service.js';

export function registerVoiceRoutes(app: FastifyInstance, voice: VoiceService, guard: AuthGuard): void {
  const route = apiRoutes(app, guard);

  route({
    method: 'GET',
    url: '/api/servers/:serverId/voice-states',
    summary: "Who is in which of the server's voice channels (those you can see)",
    tag: 'voice',
    auth: 'required',
    params: ZVoiceStatesParams,
    response: ZVoiceStatesResponse,
  })(async ({ viewer, params }) => ({
    success: true,
    voiceStates: await voice.serverStates(viewer.user.id, params.serverId),
  }));
}
