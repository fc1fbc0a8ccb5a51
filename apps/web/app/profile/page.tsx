'use client';

import { RequireAuth } from '@/components/auth/RequireAuth';
import { ProfileSkeleton, ProfileView } from '@/components/profile/ProfileView';

export default function ProfilePage() {
  return <RequireAuth fallback={<ProfileSkeleton />}>{(user) => <ProfileView user={user} />}</RequireAuth>;
}
