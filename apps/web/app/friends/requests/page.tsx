'use client';

import { RequireAuth } from '@/components/auth/RequireAuth';
import { FriendRequests } from '@/components/friends/FriendRequests';

export default function FriendRequestsPage() {
  return <RequireAuth>{(user) => <FriendRequests user={user} />}</RequireAuth>;
}
