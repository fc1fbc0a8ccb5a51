import type { ServerPayload, TFriend, TFriendRequest } from '@guftagu/contracts';

/** What became of a friend request answered in this tab (shown where its buttons were). */
export type RequestOutcome = 'accepted' | 'rejected';

export interface FriendRequestLists {
  received: TFriendRequest[];
  sent: TFriendRequest[];
}

/** Requests this tab answered, by request id. Not server state, but cleared with it on sign-out. */
export type AnsweredRequests = Readonly<Record<string, RequestOutcome>>;

export const friendsKeys = {
  all: ['friends'] as const,
  list: () => [...friendsKeys.all, 'list'] as const,
  requests: () => [...friendsKeys.all, 'requests'] as const,
  answered: () => [...friendsKeys.all, 'answered'] as const,
  search: (q: string) => [...friendsKeys.all, 'search', q] as const,
};

type FriendChange = (friend: TFriend) => TFriend;

export const friendPatched =
  (userId: string, change: FriendChange) =>
  (friends: TFriend[]): TFriend[] =>
    friends.map((friend) => (friend.userId === userId ? change(friend) : friend));

export const friendRemoved =
  (userId: string) =>
  (friends: TFriend[]): TFriend[] =>
    friends.filter((friend) => friend.userId !== userId);

export const friendAdded =
  (added: TFriend) =>
  (friends: TFriend[]): TFriend[] => [...friendRemoved(added.userId)(friends), added];

export const friendOnline =
  (event: ServerPayload<'friend_online'>): FriendChange =>
  (friend) => ({
    ...friend,
    isOnline: true,
    status: event.status,
    customStatus: event.customStatus,
    lastActive: event.lastActive ?? event.timestamp,
  });

export const friendOffline =
  (event: ServerPayload<'friend_offline'>): FriendChange =>
  (friend) => ({
    ...friend,
    isOnline: false,
    status: 'offline',
    lastActive: event.lastActive ?? event.timestamp,
  });

export const friendProfileUpdated =
  (event: ServerPayload<'friend_profile_updated'>): FriendChange =>
  (friend) => ({ ...friend, ...event.profile, userId: friend.userId });

export const requestAdded =
  (list: keyof FriendRequestLists, request: TFriendRequest) =>
  (lists: FriendRequestLists): FriendRequestLists =>
    lists[list].some((existing) => existing.id === request.id)
      ? lists
      : { ...lists, [list]: [request, ...lists[list]] };

export const requestRemoved =
  (requestId: string) =>
  (lists: FriendRequestLists): FriendRequestLists => ({
    received: lists.received.filter((request) => request.id !== requestId),
    sent: lists.sent.filter((request) => request.id !== requestId),
  });

export const requestAnswered =
  (requestId: string, outcome: RequestOutcome) =>
  (answered: AnsweredRequests): AnsweredRequests => ({ ...answered, [requestId]: outcome });
