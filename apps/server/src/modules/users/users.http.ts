import { ZCheckUsernameQuery, ZOnboard } from '@guftagu/contracts';
import type { FastifyInstance } from 'fastify';
import type { AuthGuard } from '../../http/auth-guard.js';
import { parseInput } from '../../http/validation.js';
import { toSelfUser, type UsersService } from './users.service.js';

export function registerUserRoutes(app: FastifyInstance, users: UsersService, guard: AuthGuard): void {
  app.get('/api/user/check-username', async (request) => {
    const { username } = parseInput(ZCheckUsernameQuery, request.query);
    const viewer = await guard.optional(request);
    return users.checkUsername(username, viewer?.user.id);
  });

  app.post('/api/user/onboard', async (request) => {
    const { user } = await guard.require(request, { allowOnboarding: true });
    const input = parseInput(ZOnboard, request.body);
    const row = await users.onboard(user.id, input.username, input.displayName);
    return { success: true, user: toSelfUser(row) };
  });
}
