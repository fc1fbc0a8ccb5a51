'use client';

import { RequireAuth } from '@/components/auth/RequireAuth';
import { ProfileEditForm, ProfileEditSkeleton } from '@/components/profile/ProfileEditForm';

export default function EditProfilePage() {
  return (
    <RequireAuth fallback={<ProfileEditSkeleton />}>{(user) => <ProfileEditForm user={user} />}</RequireAuth>
  );
}
