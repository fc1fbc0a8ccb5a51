'use client';

import { RequireAuth } from '@/components/auth/RequireAuth';
import { FriendsList } from '@/components/friends/FriendsList';

export default function FriendsPage() {
  return <RequireAuth>{() => <FriendsList />}</RequireAuth>;
}
