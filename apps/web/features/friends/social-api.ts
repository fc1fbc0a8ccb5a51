'use client';

import {
  type TPrivacy,
  type TUpdateProfile,
  ZBlockedUsersResponse,
  ZFriendRequestResponse,
  ZFriendRequestsResponse,
  ZFriendResponse,
  ZFriendsResponse,
  ZMeResponse,
  ZNotificationsResponse,
  ZOkResponse,
  ZPublicProfileResponse,
  ZUnreadCountResponse,
  ZUserSearchResponse,
} from '@guftagu/contracts';
import { useMemo } from 'react';
import { useAuth } from '@/features/auth/auth-context';
import { errorMessage, isApiError } from '@/lib/api';
import { useLiveCache } from '@/lib/query/query-provider';
import { applySocialChange, type SocialChange } from './social-changes';

export type FriendSort = 'recent_activity' | 'alphabetical' | 'recently_added';

/** Who to send a friend request to: by username or by the 7-digit ID. */
export type FriendTarget = { username: string } | { userId7Digit: string };

/**
 * Typed calls for profiles, friends, blocks and notifications. Every call goes through `authedRequest`,
 * so an expired access token is refreshed once and the call retried; a call that changes the social
 * graph writes its result into the query cache (social-changes.ts), whoever made it.
 */
export function useSocialApi() {
  const { authedRequest } = useAuth();
  const live = useLiveCache();

  return useMemo(() => {
    const writeToCache = (change: SocialChange) => applySocialChange(live, change);
    return {
      // Profiles
      getOwnProfile: () => authedRequest('/api/user/profile', ZMeResponse),
      updateProfile: (changes: TUpdateProfile & { privacy?: Partial<TPrivacy> }) =>
        authedRequest('/api/user/profile', ZMeResponse, { method: 'PUT', body: changes }),
      uploadProfilePicture: (file: Blob, filename: string) => {
        const form = new FormData();
        form.append('file', file, filename);
        return authedRequest('/api/user/profile-picture', ZMeResponse, { method: 'POST', body: form });
      },
      deleteProfilePicture: () =>
        authedRequest('/api/user/profile-picture', ZMeResponse, { method: 'DELETE' }),
      getProfileByUsername: (username: string, signal?: AbortSignal) =>
        authedRequest(`/api/user/${encodeURIComponent(username)}`, ZPublicProfileResponse, { signal }),
      getProfileById: (userId7Digit: string, signal?: AbortSignal) =>
        authedRequest(`/api/user/id/${encodeURIComponent(userId7Digit)}`, ZPublicProfileResponse, { signal }),

      // Friends
      sendRequest: async (target: FriendTarget, message?: string) => {
        const note = message?.trim() || undefined;
        const result =
          'username' in target
            ? await authedRequest('/api/friends/request', ZFriendRequestResponse, {
                method: 'POST',
                body: { username: target.username, message: note },
              })
            : await authedRequest('/api/friends/request-by-id', ZFriendRequestResponse, {
                method: 'POST',
                body: { userId: target.userId7Digit, message: note },
              });
        writeToCache({
          type: 'request_sent',
          request: result.request,
          autoAccepted: result.autoAccepted,
        });
        return result;
      },
      acceptRequest: async (requestId: string) => {
        const result = await authedRequest('/api/friends/accept', ZFriendResponse, {
          method: 'POST',
          body: { requestId },
        });
        writeToCache({ type: 'request_accepted', requestId, friend: result.friend });
        return result;
      },
      rejectRequest: async (requestId: string) => {
        const result = await authedRequest('/api/friends/reject', ZOkResponse, {
          method: 'POST',
          body: { requestId },
        });
        writeToCache({ type: 'request_rejected', requestId });
        return result;
      },
      cancelRequest: async (requestId: string) => {
        const result = await authedRequest('/api/friends/cancel', ZOkResponse, {
          method: 'POST',
          body: { requestId },
        });
        writeToCache({ type: 'request_cancelled', requestId });
        return result;
      },
      unfriend: async (friendUserId: string) => {
        const result = await authedRequest(`/api/friends/${encodeURIComponent(friendUserId)}`, ZOkResponse, {
          method: 'DELETE',
        });
        writeToCache({ type: 'unfriended', userId: friendUserId });
        return result;
      },
      listFriends: (options: { q?: string; sort?: FriendSort } = {}) =>
        authedRequest('/api/friends', ZFriendsResponse, {
          query: { q: options.q || undefined, sort: options.sort },
        }),
      listRequests: () => authedRequest('/api/friends/requests', ZFriendRequestsResponse),
      searchUsers: (q: string, signal?: AbortSignal) =>
        authedRequest('/api/friends/search', ZUserSearchResponse, { query: { q }, signal }),

      // Blocks
      block: async (userId: string) => {
        const result = await authedRequest(`/api/users/${encodeURIComponent(userId)}/block`, ZOkResponse, {
          method: 'POST',
        });
        writeToCache({ type: 'blocked', userId });
        return result;
      },
      unblock: async (userId: string) => {
        const result = await authedRequest(`/api/users/${encodeURIComponent(userId)}/block`, ZOkResponse, {
          method: 'DELETE',
        });
        writeToCache({ type: 'unblocked', userId });
        return result;
      },
      listBlocked: () => authedRequest('/api/users/me/blocked', ZBlockedUsersResponse),

      // Notifications
      listNotifications: (options: { before?: string; limit?: number } = {}) =>
        authedRequest('/api/notifications', ZNotificationsResponse, {
          query: { before: options.before, limit: String(options.limit ?? 20) },
        }),
      markNotificationsRead: (ids: string[] | 'all') =>
        authedRequest('/api/notifications/read', ZUnreadCountResponse, {
          method: 'PUT',
          body: ids === 'all' ? { all: true } : { notificationIds: ids },
        }),
      deleteNotification: (id: string) =>
        authedRequest(`/api/notifications/${encodeURIComponent(id)}`, ZUnreadCountResponse, {
          method: 'DELETE',
        }),
      clearNotifications: () =>
        authedRequest('/api/notifications', ZUnreadCountResponse, { method: 'DELETE' }),
    };
  }, [authedRequest, live]);
}

export type SocialApi = ReturnType<typeof useSocialApi>;

/** A sentence for a failed friend/block action, kinder than the raw code where we know better. */
export function socialErrorMessage(error: unknown, name?: string): string {
  if (isApiError(error)) {
    const who = name ? `@${name}` : 'This person';
    switch (error.code) {
      case 'REQUESTS_DISABLED':
        return `${who} isn’t accepting friend requests right now.`;
      case 'BLOCKED':
        return 'You can’t interact with this person.';
      case 'FRIEND_LIMIT_REACHED':
        return error.message || 'You’ve reached the maximum number of friends.';
      case 'NOT_FOUND':
        return 'That request or person no longer exists.';
      default:
        return error.message;
    }
  }
  return errorMessage(error);
}
