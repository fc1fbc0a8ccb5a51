import { ZCheckUsernameQuery, ZOnboard, ZUpdateProfile, ZUserId7, ZUsername } from '@guftagu/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuthGuard } from '../../http/auth-guard.js';
import { parseInput } from '../../http/validation.js';
import { AppError } from '../../platform/errors.js';
import type { ProfileService } from './profile.service.js';
import { toSelfUser, type UsersService } from './users.service.js';

export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;

/** Reads the single `file` part; a part over the limit is an explicit 413, never a silent truncation. */
async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  if (!request.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Upload the picture as multipart/form-data (field "file").');
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part) throw new AppError('VALIDATION_ERROR', 'Attach a file in the "file" field.', { field: 'file' });
  try {
    const bytes = await part.toBuffer();
    if (part.file.truncated) throw new Error('truncated');
    return bytes;
  } catch {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`,
    );
  }
}

export function registerUserRoutes(
  app: FastifyInstance,
  users: UsersService,
  profiles: ProfileService,
  guard: AuthGuard,
): void {
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

  app.get('/api/user/profile', async (request) => {
    const { user } = await guard.require(request, { allowOnboarding: true });
    return { success: true, user: toSelfUser(user) };
  });

  app.put('/api/user/profile', async (request) => {
    const { user } = await guard.require(request);
    const input = parseInput(ZUpdateProfile, request.body);
    return { success: true, user: toSelfUser(await profiles.update(user.id, input)) };
  });

  app.post('/api/user/profile-picture', async (request) => {
    const { user } = await guard.require(request);
    const bytes = await readUpload(request, AVATAR_MAX_BYTES);
    return { success: true, user: toSelfUser(await profiles.setPicture(user.id, bytes)) };
  });

  app.delete('/api/user/profile-picture', async (request) => {
    const { user } = await guard.require(request);
    return { success: true, user: toSelfUser(await profiles.removePicture(user.id)) };
  });

  app.get('/api/user/id/:userId', async (request) => {
    const { userId } = parseInput(z.object({ userId: ZUserId7 }), request.params);
    const viewer = await guard.optional(request);
    return { success: true, profile: await profiles.view(viewer?.user.id, { publicId: userId }) };
  });

  app.get('/api/user/:username', async (request) => {
    const { username } = parseInput(z.object({ username: ZUsername }), request.params);
    const viewer = await guard.optional(request);
    return { success: true, profile: await profiles.view(viewer?.user.id, { username }) };
  });
}
