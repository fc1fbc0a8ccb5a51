import type { ServerPayload, TPublicProfile, TRelationship } from '@guftagu/contracts';
import type { LiveCache } from '@/lib/query/live-cache';

/** How a profile page or the "Find people" card names the person: by username or by 7-digit ID. */
export type ProfileLookup = { username: string } | { userId7Digit: string };

/**
 * A looked-up public profile, or the answer that nobody visible to us has that name or ID. "Not found"
 * is cached data, not an error, so a `blocked_by_user` event can turn a shown profile into it.
 */
export type ProfileResult = { state: 'ready'; profile: TPublicProfile } | { state: 'not_found' };

export const profileKeys = {
  all: ['profile'] as const,
  own: () => [...profileKeys.all, 'own'] as const,
  publics: () => [...profileKeys.all, 'public'] as const,
  lookup: (lookup: ProfileLookup) =>
    'username' in lookup
      ? ([...profileKeys.publics(), 'username', lookup.username] as const)
      : ([...profileKeys.publics(), 'id', lookup.userId7Digit] as const),
};

type ProfileChange = (profile: TPublicProfile) => TPublicProfile;

/** Changes every cached public profile (there may be several lookups of one person) that `matches`. */
export function changeProfiles(
  live: LiveCache,
  matches: (profile: TPublicProfile) => boolean,
  change: ProfileChange | 'not_found',
): void {
  live.apply(profileKeys.publics(), (result: ProfileResult): ProfileResult => {
    if (result.state !== 'ready' || !matches(result.profile)) return result;
    return change === 'not_found'
      ? { state: 'not_found' }
      : { state: 'ready', profile: change(result.profile) };
  });
}

export const isUser = (userId: string) => (profile: TPublicProfile) => profile.id === userId;
export const hasRequest = (requestId: string) => (profile: TPublicProfile) => profile.requestId === requestId;

/** Where we now stand with them; the friend count follows when a friendship starts or ends. */
export const withRelationship =
  (relationship: TRelationship, requestId: string | null): ProfileChange =>
  (profile) => ({
    ...profile,
    relationship,
    requestId,
    friendsCount:
      relationship === 'friends' && profile.relationship !== 'friends'
        ? profile.friendsCount + 1
        : relationship !== 'friends' && profile.relationship === 'friends'
          ? Math.max(0, profile.friendsCount - 1)
          : profile.friendsCount,
  });

export const profileOnline =
  (event: ServerPayload<'friend_online'>): ProfileChange =>
  (profile) => ({
    ...profile,
    isOnline: true,
    status: event.status,
    customStatus: event.customStatus,
    lastActive: event.lastActive,
  });

export const profileOffline =
  (event: ServerPayload<'friend_offline'>): ProfileChange =>
  (profile) => ({
    ...profile,
    // Null means they hide their presence from us; going offline does not reveal it.
    isOnline: profile.isOnline === null ? null : false,
    lastActive: event.lastActive ?? event.timestamp,
  });
