'use client';

import { RequireAuth } from '@/features/auth/components/require-auth';
import { ProfileEditSkeleton } from '@/features/profile/components/edit-section';
import { ProfileEditForm } from '@/features/profile/components/profile-edit-form';

export default function EditProfilePage() {
  return (
    <RequireAuth fallback={<ProfileEditSkeleton />}>{(user) => <ProfileEditForm user={user} />}</RequireAuth>
  );
}
