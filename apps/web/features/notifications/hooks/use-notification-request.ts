'use client';

import type { TNotification } from '@guftagu/contracts';
import { useAnsweredRequests, useFriendRequests } from '@/features/friends/hooks/use-friends';
import { useSocialApi } from '@/features/friends/social-api';

/**
 * The friend request a notification is about: whether it can still be answered here (it is pending and
 * this tab has not answered it), what became of it, and the answer itself.
 */
export function useNotificationRequest(notification: TNotification) {
  const received = useFriendRequests().data?.received;
  const answered = useAnsweredRequests();
  const api = useSocialApi();
  const requestId = notification.type === 'friend_request' ? notification.relatedId : null;
  const outcome = requestId ? answered[requestId] : undefined;
  const actionable =
    requestId !== null && !outcome && !!received?.some((request) => request.id === requestId);

  const respond = async (answer: 'accept' | 'reject') => {
    if (!requestId) return;
    if (answer === 'accept') await api.acceptRequest(requestId);
    else await api.rejectRequest(requestId);
  };

  return { outcome, actionable, respond };
}
