'use client';

import { FindPeople } from '@/features/friends/components/find-people';
import { RequireAuth } from '@/features/auth/components/require-auth';

export default function FindPeoplePage() {
  return <RequireAuth>{() => <FindPeople />}</RequireAuth>;
}
