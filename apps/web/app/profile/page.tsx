'use client';

import { ProfileSkeleton, ProfileView } from '@/features/profile/components/profile-view';
import { RequireAuth } from '@/features/auth/components/require-auth';

export default function ProfilePage() {
  return <RequireAuth fallback={<ProfileSkeleton />}>{(user) => <ProfileView user={user} />}</RequireAuth>;
}
