'use client';

import { RequireAuth } from '@/features/auth/components/require-auth';
import { FriendRequests } from '@/features/friends/components/friend-requests';

export default function FriendRequestsPage() {
  return <RequireAuth>{() => <FriendRequests />}</RequireAuth>;
}
