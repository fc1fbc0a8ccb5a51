import {
  ZBlockedUsersResponse,
  ZCheckUsernameQuery,
  ZCheckUsernameResponse,
  ZEndMatchResponse,
  ZErrorEnvelope,
  ZFriendRequestResponse,
  ZFriendRequestsResponse,
  ZFriendResponse,
  ZFriendsQuery,
  ZFriendsResponse,
  ZHealthResponse,
  ZIceServersResponse,
  ZJoinQueueBody,
  ZJoinQueueResponse,
  ZLeaveQueueResponse,
  ZLogin,
  ZMarkNotificationsRead,
  ZMatchHistoryQuery,
  ZMatchHistoryResponse,
  ZMatchSocketBody,
  ZMeResponse,
  ZMessageResponse,
  ZMyReportsQuery,
  ZMyReportsResponse,
  ZNextResponse,
  ZNotificationsQuery,
  ZNotificationsResponse,
  ZOkResponse,
  ZOnboard,
  ZPublicProfileResponse,
  ZRegister,
  ZReportResponse,
  ZReportUserBody,
  ZRequestIdBody,
  ZSearchQuery,
  ZSendFriendRequest,
  ZSendFriendRequestById,
  ZSendOtp,
  ZSendOtpResponse,
  ZSessionResponse,
  ZUnreadCountResponse,
  ZUpdateProfile,
  ZUploadResponse,
  ZUserSearchResponse,
  ZVerifyOtp,
} from '@guftagu/contracts';
import { z } from 'zod';

interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  tag: string;
  auth?: boolean;
  body?: z.ZodType;
  /** A multipart/form-data upload with one file in this field, instead of a JSON body. */
  upload?: string;
  query?: z.ZodObject;
  response: z.ZodType;
}

/** Every REST route with the contract schemas it is validated against. */
export const ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'Service health',
    tag: 'platform',
    response: ZHealthResponse,
  },
  {
    method: 'post',
    path: '/api/auth/send-otp',
    summary: 'Email a 6-digit sign-in code',
    tag: 'auth',
    body: ZSendOtp,
    response: ZSendOtpResponse,
  },
  {
    method: 'post',
    path: '/api/auth/verify-otp',
    summary: 'Sign in with the emailed code',
    tag: 'auth',
    body: ZVerifyOtp,
    response: ZSessionResponse,
  },
  {
    method: 'post',
    path: '/api/auth/register',
    summary: 'Create an account with a password',
    tag: 'auth',
    body: ZRegister,
    response: ZSessionResponse,
  },
  {
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in with email and password',
    tag: 'auth',
    body: ZLogin,
    response: ZSessionResponse,
  },
  {
    method: 'post',
    path: '/api/auth/refresh',
    summary: 'Rotate the refresh cookie, get a new access token',
    tag: 'auth',
    response: ZSessionResponse,
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Revoke this session and disconnect its sockets',
    tag: 'auth',
    auth: true,
    response: ZMessageResponse,
  },
  {
    method: 'get',
    path: '/api/auth/me',
    summary: 'The signed-in user',
    tag: 'auth',
    auth: true,
    response: ZMeResponse,
  },
  {
    method: 'get',
    path: '/api/user/check-username',
    summary: 'Is a username free?',
    tag: 'users',
    query: ZCheckUsernameQuery,
    response: ZCheckUsernameResponse,
  },
  {
    method: 'post',
    path: '/api/user/onboard',
    summary: 'Choose a username after the first sign-in',
    tag: 'users',
    auth: true,
    body: ZOnboard,
    response: ZMeResponse,
  },
  {
    method: 'get',
    path: '/api/user/profile',
    summary: 'Your own profile',
    tag: 'users',
    auth: true,
    response: ZMeResponse,
  },
  {
    method: 'put',
    path: '/api/user/profile',
    summary: 'Edit display name, bio, interests, privacy or username (once per 30 days)',
    tag: 'users',
    auth: true,
    body: ZUpdateProfile,
    response: ZMeResponse,
  },
  {
    method: 'post',
    path: '/api/user/profile-picture',
    summary: 'Upload a JPG, PNG or WebP avatar (≤ 5 MB), stored as a 400×400 WebP',
    tag: 'users',
    auth: true,
    upload: 'file',
    response: ZMeResponse,
  },
  {
    method: 'post',
    path: '/api/uploads',
    summary:
      'Upload 1–10 message attachments (field "files", ≤ 50 MB in total): images ≤ 5 MB re-encoded to WebP with a thumbnail, other allowlisted files ≤ 25 MB; claim them with a message within 24 h',
    tag: 'uploads',
    auth: true,
    upload: 'files',
    response: ZUploadResponse,
  },
  {
    method: 'delete',
    path: '/api/user/profile-picture',
    summary: 'Remove your avatar',
    tag: 'users',
    auth: true,
    response: ZMeResponse,
  },
  {
    method: 'get',
    path: '/api/user/id/{userId}',
    summary: "A user's public profile by 7-digit id",
    tag: 'users',
    response: ZPublicProfileResponse,
  },
  {
    method: 'get',
    path: '/api/user/{username}',
    summary: "A user's public profile by username",
    tag: 'users',
    response: ZPublicProfileResponse,
  },
  {
    method: 'post',
    path: '/api/friends/request',
    summary: 'Send a friend request by username',
    tag: 'friends',
    auth: true,
    body: ZSendFriendRequest,
    response: ZFriendRequestResponse,
  },
  {
    method: 'post',
    path: '/api/friends/request-by-id',
    summary: 'Send a friend request by 7-digit id',
    tag: 'friends',
    auth: true,
    body: ZSendFriendRequestById,
    response: ZFriendRequestResponse,
  },
  {
    method: 'post',
    path: '/api/friends/accept',
    summary: 'Accept a friend request you received',
    tag: 'friends',
    auth: true,
    body: ZRequestIdBody,
    response: ZFriendResponse,
  },
  {
    method: 'post',
    path: '/api/friends/reject',
    summary: 'Reject a friend request you received',
    tag: 'friends',
    auth: true,
    body: ZRequestIdBody,
    response: ZOkResponse,
  },
  {
    method: 'post',
    path: '/api/friends/cancel',
    summary: 'Withdraw a friend request you sent',
    tag: 'friends',
    auth: true,
    body: ZRequestIdBody,
    response: ZOkResponse,
  },
  {
    method: 'get',
    path: '/api/friends',
    summary: 'Your friends, sorted and filtered',
    tag: 'friends',
    auth: true,
    query: ZFriendsQuery,
    response: ZFriendsResponse,
  },
  {
    method: 'get',
    path: '/api/friends/requests',
    summary: 'Pending friend requests, received and sent',
    tag: 'friends',
    auth: true,
    response: ZFriendRequestsResponse,
  },
  {
    method: 'get',
    path: '/api/friends/search',
    summary: 'Find people by username prefix',
    tag: 'friends',
    auth: true,
    query: ZSearchQuery,
    response: ZUserSearchResponse,
  },
  {
    method: 'delete',
    path: '/api/friends/{friendId}',
    summary: 'Unfriend',
    tag: 'friends',
    auth: true,
    response: ZOkResponse,
  },
  {
    method: 'get',
    path: '/api/users/me/blocked',
    summary: 'The people you blocked',
    tag: 'blocks',
    auth: true,
    response: ZBlockedUsersResponse,
  },
  {
    method: 'post',
    path: '/api/users/{userId}/block',
    summary: 'Block a user: ends the friendship and pending requests',
    tag: 'blocks',
    auth: true,
    response: ZMessageResponse,
  },
  {
    method: 'delete',
    path: '/api/users/{userId}/block',
    summary: 'Unblock a user',
    tag: 'blocks',
    auth: true,
    response: ZMessageResponse,
  },
  {
    method: 'get',
    path: '/api/notifications',
    summary: 'Your notifications, newest first, with a cursor',
    tag: 'notifications',
    auth: true,
    query: ZNotificationsQuery,
    response: ZNotificationsResponse,
  },
  {
    method: 'put',
    path: '/api/notifications/read',
    summary: 'Mark some or all notifications read',
    tag: 'notifications',
    auth: true,
    body: ZMarkNotificationsRead,
    response: ZUnreadCountResponse,
  },
  {
    method: 'delete',
    path: '/api/notifications/{id}',
    summary: 'Delete one notification',
    tag: 'notifications',
    auth: true,
    response: ZUnreadCountResponse,
  },
  {
    method: 'delete',
    path: '/api/notifications',
    summary: 'Delete all your notifications',
    tag: 'notifications',
    auth: true,
    response: ZUnreadCountResponse,
  },
  {
    method: 'get',
    path: '/api/match/ice-servers',
    summary: 'STUN and short-lived TURN credentials for video chat',
    tag: 'matchmaking',
    response: ZIceServersResponse,
  },
  {
    method: 'post',
    path: '/api/match/join-queue',
    summary: 'Put one of your sockets in the video chat queue',
    tag: 'matchmaking',
    auth: true,
    body: ZJoinQueueBody,
    response: ZJoinQueueResponse,
  },
  {
    method: 'post',
    path: '/api/match/leave-queue',
    summary: 'Take your socket out of the queue',
    tag: 'matchmaking',
    auth: true,
    body: ZMatchSocketBody,
    response: ZLeaveQueueResponse,
  },
  {
    method: 'post',
    path: '/api/match/next',
    summary: 'Skip to the next partner (or join when not matched)',
    tag: 'matchmaking',
    auth: true,
    body: ZJoinQueueBody,
    response: ZNextResponse,
  },
  {
    method: 'post',
    path: '/api/match/end',
    summary: "End your socket's current match (Stop)",
    tag: 'matchmaking',
    auth: true,
    body: ZMatchSocketBody,
    response: ZEndMatchResponse,
  },
  {
    method: 'get',
    path: '/api/match/history',
    summary: 'Your matches, newest first, with a cursor',
    tag: 'matchmaking',
    auth: true,
    query: ZMatchHistoryQuery,
    response: ZMatchHistoryResponse,
  },
  {
    method: 'post',
    path: '/api/report/user',
    summary: 'Report a user (by id, 7-digit id, or a match you were in)',
    tag: 'reports',
    auth: true,
    body: ZReportUserBody,
    response: ZReportResponse,
  },
  {
    method: 'get',
    path: '/api/report/my-reports',
    summary: 'Reports you made, newest first',
    tag: 'reports',
    auth: true,
    query: ZMyReportsQuery,
    response: ZMyReportsResponse,
  },
];

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

export function buildOpenApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    const pathParameters = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const queryParameters = route.query
      ? Object.entries(route.query.shape).map(([name, field]) => ({
          name,
          in: 'query',
          required: !(field as z.ZodType).safeParse(undefined).success,
          schema: { type: 'string' },
        }))
      : [];
    const parameters = [...pathParameters, ...queryParameters];
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method] = {
      summary: route.summary,
      tags: [route.tag],
      ...(route.auth ? { security: [{ bearer: [] }] } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body) } },
            },
          }
        : {}),
      ...(route.upload
        ? {
            requestBody: {
              required: true,
              content: {
                'multipart/form-data': {
                  schema: {
                    type: 'object',
                    required: [route.upload],
                    properties: { [route.upload]: { type: 'string', format: 'binary' } },
                  },
                },
              },
            },
          }
        : {}),
      responses: {
        '200': {
          description: 'Success',
          content: { 'application/json': { schema: jsonSchema(route.response) } },
        },
        default: {
          description: 'Error envelope',
          content: { 'application/json': { schema: jsonSchema(ZErrorEnvelope) } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Guftagu API', version },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
