'use client';

import { FriendRequests } from '@/components/friends/FriendRequests';
import { RequireAuth } from '@/features/auth/components/require-auth';

export default function FriendRequestsPage() {
  return <RequireAuth>{(user) => <FriendRequests user={user} />}</RequireAuth>;
}
