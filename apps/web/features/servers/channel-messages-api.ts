'use client';

import {
  type TSendChannelMessage,
  ZChannelMessageResponse,
  ZChannelMessagesResponse,
  ZChannelOkResponse,
  ZChannelPinsResponse,
  ZChannelReadResponse,
  ZSendChannelMessageResponse,
  ZServerUnreadResponse,
} from '@guftagu/contracts';
import { useMemo } from 'react';
import { useAuth } from '@/features/auth/auth-context';

const id = encodeURIComponent;

/** Typed REST calls for channel messages (`/api/channels/:channelId/messages…`, issue 10). */
export function useChannelMessagesApi() {
  const { authedRequest } = useAuth();
  return useMemo(
    () => ({
      page: (channelId: string, before?: string, signal?: AbortSignal) =>
        authedRequest(`/api/channels/${id(channelId)}/messages`, ZChannelMessagesResponse, {
          query: { before, limit: '50' },
          signal,
        }),
      send: (channelId: string, body: TSendChannelMessage) =>
        authedRequest(`/api/channels/${id(channelId)}/messages`, ZSendChannelMessageResponse, {
          method: 'POST',
          body,
        }),
      edit: (channelId: string, messageId: string, content: string) =>
        authedRequest(`/api/channels/${id(channelId)}/messages/${id(messageId)}`, ZChannelMessageResponse, {
          method: 'PUT',
          body: { content },
        }),
      remove: (channelId: string, messageId: string) =>
        authedRequest(`/api/channels/${id(channelId)}/messages/${id(messageId)}`, ZChannelOkResponse, {
          method: 'DELETE',
        }),
      pins: (channelId: string, signal?: AbortSignal) =>
        authedRequest(`/api/channels/${id(channelId)}/pins`, ZChannelPinsResponse, { signal }),
      setPinned: (channelId: string, messageId: string, pinned: boolean) =>
        authedRequest(`/api/channels/${id(channelId)}/pins/${id(messageId)}`, ZChannelMessageResponse, {
          method: pinned ? 'PUT' : 'DELETE',
        }),
      unread: (serverId: string) =>
        authedRequest(`/api/servers/${id(serverId)}/unread`, ZServerUnreadResponse),
      markRead: (channelId: string, messageId: string) =>
        authedRequest(`/api/channels/${id(channelId)}/read`, ZChannelReadResponse, {
          method: 'PUT',
          body: { messageId },
        }),
    }),
    [authedRequest],
  );
}
