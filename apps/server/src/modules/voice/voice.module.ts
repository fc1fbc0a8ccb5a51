import { defineModule } from '../../app/module.js';
import { registerVoiceRoutes } from './voice.http.js';
import { type VoiceDeps, VoiceService } from './voice.service.js';
import { voiceSocketHandlers } from './voice.socket.js';

export interface VoiceModuleDeps extends VoiceDeps {
  /** How often this node removes participants whose grace passed. */
  sweepMs: number;
}

export function createVoiceModule(deps: VoiceModuleDeps) {
  const voice = new VoiceService(deps);
  return defineModule({
    name: 'voice',
    api: voice,
    routes: (app, guard) => registerVoiceRoutes(app, voice, guard),
    socket: voiceSocketHandlers(voice),
    lifecycle: {
      // Never throws: the hooks of the modules after this one still have to run for this socket.
      unbound: (userId, socketId) =>
        voice
          .socketClosed(userId, socketId)
          .catch((error) => deps.logger.error({ err: error }, 'voice socket cleanup failed')),
    },
    jobs: [{ name: 'voice graces', everyMs: deps.sweepMs, run: () => voice.sweep() }],
  });
}
