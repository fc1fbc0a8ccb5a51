'use client';

import { ProfileEditForm, ProfileEditSkeleton } from '@/features/profile/components/profile-edit-form';
import { RequireAuth } from '@/features/auth/components/require-auth';

export default function EditProfilePage() {
  return (
    <RequireAuth fallback={<ProfileEditSkeleton />}>{(user) => <ProfileEditForm user={user} />}</RequireAuth>
  );
}
