'use client';

import { ProfileEditForm, ProfileEditSkeleton } from '@/components/profile/ProfileEditForm';
import { RequireAuth } from '@/features/auth/components/require-auth';

export default function EditProfilePage() {
  return (
    <RequireAuth fallback={<ProfileEditSkeleton />}>{(user) => <ProfileEditForm user={user} />}</RequireAuth>
  );
}
