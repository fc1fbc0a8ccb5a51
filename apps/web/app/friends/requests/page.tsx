'use client';

import { FriendRequests } from '@/features/friends/components/friend-requests';
import { RequireAuth } from '@/features/auth/components/require-auth';

export default function FriendRequestsPage() {
  return <RequireAuth>{(user) => <FriendRequests user={user} />}</RequireAuth>;
}
