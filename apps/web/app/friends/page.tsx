'use client';

import { FriendsList } from '@/components/friends/FriendsList';
import { RequireAuth } from '@/features/auth/components/require-auth';

export default function FriendsPage() {
  return <RequireAuth>{() => <FriendsList />}</RequireAuth>;
}
