'use client';

import { RequireAuth } from '@/features/auth/components/require-auth';
import { FindPeople } from '@/features/friends/components/find-people';

export default function FindPeoplePage() {
  return <RequireAuth>{() => <FindPeople />}</RequireAuth>;
}
