import { defineModule } from '../../app/module.js';
import { registerCallRoutes } from './calls.http.js';
import { type CallsDeps, CallsService } from './calls.service.js';
import { callsSocketHandlers } from './calls.socket.js';

export interface CallsModuleDeps extends CallsDeps {
  /** How often this node sweeps call deadlines (missed calls, expired signaling graces). */
  sweepMs: number;
}

export function createCallsModule(deps: CallsModuleDeps) {
  const calls = new CallsService(deps);
  return defineModule({
    name: 'calls',
    api: calls,
    routes: (app, guard) => registerCallRoutes(app, calls, guard),
    socket: callsSocketHandlers(calls),
    lifecycle: {
      // Never throws: the hooks of the modules after this one still have to run for this socket.
      unbound: (userId, socketId) =>
        calls
          .socketClosed(userId, socketId)
          .catch((error) => deps.logger.error({ err: error }, 'call socket cleanup failed')),
    },
    jobs: [{ name: 'call deadlines', everyMs: deps.sweepMs, run: () => calls.sweep() }],
  });
}
