'use client';

import {
  type TSendDm,
  ZConversationsResponse,
  ZDmConversationResponse,
  ZDmSearchResponse,
  ZDmUnreadResponse,
  ZMarkDmReadResponse,
  ZMessagesResponse,
  ZSendDmResponse,
} from '@guftagu/contracts';
import { useMemo } from 'react';
import { z } from 'zod';
import { useAuth } from '@/features/auth/auth-context';
import { errorMessage, isApiError } from '@/lib/api';

export type ConversationView = 'inbox' | 'archived' | 'requests';

const ZAnyOk = z.object({ success: z.literal(true) }).loose();

/** Typed REST calls for direct messages (seed 000 `/api/messages/*`), refreshed-token aware. */
export function useMessagesApi() {
  const { authedRequest } = useAuth();
  return useMemo(
    () => ({
      listConversations: (view: ConversationView, q?: string, signal?: AbortSignal) =>
        authedRequest('/api/messages/conversations', ZConversationsResponse, {
          query: { view, q: q?.trim() || undefined },
          signal,
        }),
      listMessages: (userId: string, before?: string, signal?: AbortSignal) =>
        authedRequest(`/api/messages/${encodeURIComponent(userId)}`, ZMessagesResponse, {
          query: { before, limit: '50' },
          signal,
        }),
      send: (body: TSendDm) => authedRequest('/api/messages/send', ZSendDmResponse, { method: 'POST', body }),
      markReadFrom: (fromUserId: string) =>
        authedRequest('/api/messages/read', ZMarkDmReadResponse, { method: 'PUT', body: { fromUserId } }),
      markAllRead: () => authedRequest('/api/messages/read-all', ZAnyOk, { method: 'PUT' }),
      unread: () => authedRequest('/api/messages/unread', ZDmUnreadResponse),
      search: (q: string, withUserId?: string, signal?: AbortSignal) =>
        authedRequest('/api/messages/search', ZDmSearchResponse, { query: { q, with: withUserId }, signal }),
      setArchived: (userId: string, archived: boolean) =>
        authedRequest(
          `/api/messages/conversations/${encodeURIComponent(userId)}/archive`,
          ZDmConversationResponse,
          {
            method: archived ? 'POST' : 'DELETE',
          },
        ),
    }),
    [authedRequest],
  );
}

export type MessagesApi = ReturnType<typeof useMessagesApi>;

/** A sentence for a failed messaging action, kinder than the raw code where we know better. */
export function messagingErrorMessage(error: unknown): string {
  if (isApiError(error)) {
    switch (error.code) {
      case 'BLOCKED':
        return 'You can’t message this person.';
      case 'NETWORK_ERROR':
        return 'You’re offline. The message will be sent when you retry.';
      case 'RATE_LIMITED':
        return 'You’re sending messages too quickly. Wait a moment.';
      default:
        return error.message;
    }
  }
  return errorMessage(error);
}
