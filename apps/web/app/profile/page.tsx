'use client';

import { ProfileSkeleton, ProfileView } from '@/components/profile/ProfileView';
import { RequireAuth } from '@/features/auth/components/require-auth';

export default function ProfilePage() {
  return <RequireAuth fallback={<ProfileSkeleton />}>{(user) => <ProfileView user={user} />}</RequireAuth>;
}
