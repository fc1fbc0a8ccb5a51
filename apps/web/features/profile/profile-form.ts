import type { TPrivacy, TSelfUser, TUpdateProfile } from '@guftagu/contracts';

/** What the profile editor holds while you type. */
export interface FormState {
  displayName: string;
  username: string;
  bio: string;
  interests: string[];
  privacy: TPrivacy;
}

export function initialState(user: TSelfUser): FormState {
  return {
    displayName: user.displayName ?? '',
    username: user.username ?? '',
    bio: user.bio,
    interests: user.interests,
    privacy: user.privacy,
  };
}

/** Only what changed, in the shape PUT /api/user/profile takes. */
export function diff(user: TSelfUser, form: FormState): TUpdateProfile {
  const changes: TUpdateProfile = {};
  const displayName = form.displayName.trim();
  if (displayName !== (user.displayName ?? '')) changes.displayName = displayName || null;
  if (form.username.trim() !== (user.username ?? '')) changes.username = form.username.trim();
  if (form.bio !== user.bio) changes.bio = form.bio;
  if (form.interests.join('\n') !== user.interests.join('\n')) changes.interests = form.interests;
  const privacy: Partial<TPrivacy> = {};
  for (const key of ['showOnlineStatus', 'allowFriendRequests', 'showMatchCount'] as const) {
    if (form.privacy[key] !== user.privacy[key]) Object.assign(privacy, { [key]: form.privacy[key] });
  }
  if (Object.keys(privacy).length > 0) changes.privacy = privacy;
  return changes;
}
