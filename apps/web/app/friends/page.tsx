'use client';

import { FriendsList } from '@/features/friends/components/friends-list';
import { RequireAuth } from '@/features/auth/components/require-auth';

export default function FriendsPage() {
  return <RequireAuth>{() => <FriendsList />}</RequireAuth>;
}
