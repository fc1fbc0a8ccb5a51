'use client';

import { RequireAuth } from '@/features/auth/components/require-auth';
import { FriendsList } from '@/features/friends/components/friends-list';

export default function FriendsPage() {
  return <RequireAuth>{() => <FriendsList />}</RequireAuth>;
}
