import type { TFriend, TFriendRequest } from '@guftagu/contracts';
import type { LiveCache } from '@/lib/query/live-cache';
import { changeProfiles, hasRequest, isUser, profileKeys, withRelationship } from '../profile/queries';
import {
  type AnsweredRequests,
  friendAdded,
  friendRemoved,
  friendsKeys,
  type RequestOutcome,
  requestAdded,
  requestAnswered,
  requestRemoved,
} from './queries';

/**
 * A change this tab made to the social graph. The server tells the *other* person over the socket;
 * this tab writes its own change into the cache at once, so every screen showing it (the bell,
 * /friends, /friends/requests, a profile, a "Find people" card) follows without a refetch.
 */
export type SocialChange =
  | { type: 'request_sent'; request: TFriendRequest; autoAccepted: boolean }
  | { type: 'request_accepted'; requestId: string; friend: TFriend }
  | { type: 'request_rejected'; requestId: string }
  | { type: 'request_cancelled'; requestId: string }
  | { type: 'unfriended'; userId: string }
  | { type: 'blocked'; userId: string }
  | { type: 'unblocked'; userId: string };

function remember(live: LiveCache, requestId: string, outcome: RequestOutcome): void {
  // Set even when nothing shows it yet: a notification rendered later must know it was answered.
  live.client.setQueryData<AnsweredRequests>(friendsKeys.answered(), (answered = {}) =>
    requestAnswered(requestId, outcome)(answered),
  );
}

export function applySocialChange(live: LiveCache, change: SocialChange): void {
  switch (change.type) {
    case 'request_sent': {
      const to = isUser(change.request.to.userId);
      if (change.autoAccepted) {
        // Their earlier request to us was accepted by this one; we do not know its id or their row.
        void live.client.invalidateQueries({ queryKey: friendsKeys.list() });
        void live.client.invalidateQueries({ queryKey: friendsKeys.requests() });
        changeProfiles(live, to, withRelationship('friends', null));
      } else {
        live.apply(friendsKeys.requests(), requestAdded('sent', change.request));
        changeProfiles(live, to, withRelationship('request_sent', change.request.id));
      }
      return;
    }
    case 'request_accepted':
      live.apply(friendsKeys.requests(), requestRemoved(change.requestId));
      live.apply(friendsKeys.list(), friendAdded(change.friend));
      remember(live, change.requestId, 'accepted');
      changeProfiles(live, isUser(change.friend.userId), withRelationship('friends', null));
      // Presence and counts of a new friend are only visible to friends: read them again.
      void live.client.invalidateQueries({ queryKey: profileKeys.publics() });
      return;
    case 'request_rejected':
      live.apply(friendsKeys.requests(), requestRemoved(change.requestId));
      remember(live, change.requestId, 'rejected');
      changeProfiles(live, hasRequest(change.requestId), withRelationship('none', null));
      return;
    case 'request_cancelled':
      live.apply(friendsKeys.requests(), requestRemoved(change.requestId));
      changeProfiles(live, hasRequest(change.requestId), withRelationship('none', null));
      return;
    case 'unfriended':
      live.apply(friendsKeys.list(), friendRemoved(change.userId));
      changeProfiles(live, isUser(change.userId), withRelationship('none', null));
      return;
    case 'blocked':
      live.apply(friendsKeys.list(), friendRemoved(change.userId));
      // Blocking withdraws pending requests either way on the server.
      void live.client.invalidateQueries({ queryKey: friendsKeys.requests() });
      changeProfiles(live, isUser(change.userId), withRelationship('blocked', null));
      return;
    case 'unblocked':
      changeProfiles(live, isUser(change.userId), withRelationship('none', null));
      return;
  }
}
