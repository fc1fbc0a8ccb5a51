import {
  ZCheckUsernameQuery,
  ZCheckUsernameResponse,
  ZMeResponse,
  ZOnboard,
  ZPublicProfileResponse,
  ZUpdateProfile,
  ZUserId7,
  ZUsername,
} from '@guftagu/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { apiRoutes } from '../../http/api-route.js';
import type { AuthGuard } from '../../http/auth-guard.js';
import { readSingleUpload } from '../uploads/index.js';
import type { ProfileService } from './profile.service.js';
import { toSelfUser, type UsersService } from './users.service.js';

export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;

export function registerUserRoutes(
  app: FastifyInstance,
  users: UsersService,
  profiles: ProfileService,
  guard: AuthGuard,
): void {
  const route = apiRoutes(app, guard);

  route({
    method: 'GET',
    url: '/api/user/check-username',
    summary: 'Is a username free?',
    tag: 'users',
    auth: 'optional',
    query: ZCheckUsernameQuery,
    response: ZCheckUsernameResponse,
  })(async ({ viewer, query }) => users.checkUsername(query.username, viewer?.user.id));

  route({
    method: 'POST',
    url: '/api/user/onboard',
    summary: 'Choose a username after the first sign-in',
    tag: 'users',
    auth: 'onboarding',
    body: ZOnboard,
    response: ZMeResponse,
  })(async ({ viewer, body }) => {
    const row = await users.onboard(viewer.user.id, body.username, body.displayName);
    return { success: true, user: toSelfUser(row) };
  });

  route({
    method: 'GET',
    url: '/api/user/profile',
    summary: 'Your own profile',
    tag: 'users',
    auth: 'onboarding',
    response: ZMeResponse,
  })(async ({ viewer }) => ({ success: true, user: toSelfUser(viewer.user) }));

  route({
    method: 'PUT',
    url: '/api/user/profile',
    summary: 'Edit display name, bio, interests, privacy or username (once per 30 days)',
    tag: 'users',
    auth: 'required',
    body: ZUpdateProfile,
    response: ZMeResponse,
  })(async ({ viewer, body }) => ({
    success: true,
    user: toSelfUser(await profiles.update(viewer.user.id, body)),
  }));

  route({
    method: 'POST',
    url: '/api/user/profile-picture',
    summary: 'Upload a JPG, PNG or WebP avatar (≤ 5 MB), stored as a 400×400 WebP',
    tag: 'users',
    auth: 'required',
    upload: 'file',
    response: ZMeResponse,
  })(async ({ request, viewer }) => {
    const bytes = await readSingleUpload(request, { field: 'file', maxBytes: AVATAR_MAX_BYTES });
    return { success: true, user: toSelfUser(await profiles.setPicture(viewer.user.id, bytes)) };
  });

  route({
    method: 'DELETE',
    url: '/api/user/profile-picture',
    summary: 'Remove your avatar',
    tag: 'users',
    auth: 'required',
    response: ZMeResponse,
  })(async ({ viewer }) => ({
    success: true,
    user: toSelfUser(await profiles.removePicture(viewer.user.id)),
  }));

  route({
    method: 'GET',
    url: '/api/user/id/:userId',
    summary: "A user's public profile by 7-digit id",
    tag: 'users',
    auth: 'optional',
    params: z.object({ userId: ZUserId7 }),
    response: ZPublicProfileResponse,
  })(async ({ viewer, params }) => ({
    success: true,
    profile: await profiles.view(viewer?.user.id, { publicId: params.userId }),
  }));

  route({
    method: 'GET',
    url: '/api/user/:username',
    summary: "A user's public profile by username",
    tag: 'users',
    auth: 'optional',
    params: z.object({ username: ZUsername }),
    response: ZPublicProfileResponse,
  })(async ({ viewer, params }) => ({
    success: true,
    profile: await profiles.view(viewer?.user.id, { username: params.username }),
  }));
}
