'use client';

import { RequireAuth } from '@/features/auth/components/require-auth';
import { ProfileSkeleton, ProfileView } from '@/features/profile/components/profile-view';

export default function ProfilePage() {
  return <RequireAuth fallback={<ProfileSkeleton />}>{(user) => <ProfileView user={user} />}</RequireAuth>;
}
