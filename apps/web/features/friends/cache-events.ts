import { onServerEvent } from '@/lib/query/cache-event';
import {
  changeProfiles,
  isUser,
  profileKeys,
  profileOffline,
  profileOnline,
  withRelationship,
} from '../profile/queries';
import {
  friendOffline,
  friendOnline,
  friendPatched,
  friendProfileUpdated,
  friendRemoved,
  friendsKeys,
  requestRemoved,
} from './queries';

/**
 * How the other side's social events change the cached friends list, requests and public profiles.
 * Presence updates are precise, so LiveCache keeps them over an older list still being fetched.
 */
export const friendsCacheEvents = [
  // Presence events reach only connected sockets: whatever changed before this socket was connected
  // (a page load racing a friend's own reload, for example) is read again from the server.
  onServerEvent('authenticated', (_event, live) => {
    void live.client.invalidateQueries({ queryKey: friendsKeys.list() });
    void live.client.invalidateQueries({ queryKey: friendsKeys.requests() });
  }),
  onServerEvent('friend_online', (event, live) => {
    live.apply(friendsKeys.list(), friendPatched(event.friendId, friendOnline(event)));
    changeProfiles(live, isUser(event.friendId), profileOnline(event));
  }),
  onServerEvent('friend_offline', (event, live) => {
    live.apply(friendsKeys.list(), friendPatched(event.friendId, friendOffline(event)));
    changeProfiles(live, isUser(event.friendId), profileOffline(event));
  }),
  onServerEvent('friend_profile_updated', (event, live) => {
    live.apply(friendsKeys.list(), friendPatched(event.friendId, friendProfileUpdated(event)));
    void live.client.invalidateQueries({ queryKey: profileKeys.publics() });
  }),
  onServerEvent('friend_request_received', (event, live) => {
    // The stored request names us as its recipient, which this event does not carry: read the list again.
    void live.client.invalidateQueries({ queryKey: friendsKeys.requests() });
    changeProfiles(live, isUser(event.from.userId), withRelationship('request_received', event.requestId));
  }),
  onServerEvent('friend_request_accepted', (event, live) => {
    live.apply(friendsKeys.requests(), requestRemoved(event.requestId));
    changeProfiles(live, isUser(event.by.userId), withRelationship('friends', null));
    // The new friend's row (presence, since when) and their profile's friend-only fields come from the server.
    void live.client.invalidateQueries({ queryKey: friendsKeys.list() });
    void live.client.invalidateQueries({ queryKey: profileKeys.publics() });
  }),
  onServerEvent('friend_request_rejected', (event, live) => {
    live.apply(friendsKeys.requests(), requestRemoved(event.requestId));
    changeProfiles(live, isUser(event.by.userId), withRelationship('none', null));
  }),
  onServerEvent('friend_request_cancelled', (event, live) => {
    live.apply(friendsKeys.requests(), requestRemoved(event.requestId));
    changeProfiles(live, isUser(event.by.userId), withRelationship('none', null));
  }),
  onServerEvent('unfriended', (event, live) => {
    live.apply(friendsKeys.list(), friendRemoved(event.by.userId));
    changeProfiles(live, isUser(event.by.userId), withRelationship('none', null));
    void live.client.invalidateQueries({ queryKey: profileKeys.publics() });
  }),
  onServerEvent('blocked_by_user', (event, live) => {
    live.apply(friendsKeys.list(), friendRemoved(event.by.userId));
    changeProfiles(live, isUser(event.by.userId), 'not_found');
  }),
];
