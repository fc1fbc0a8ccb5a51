'use client';

import { FindPeople } from '@/components/friends/FindPeople';
import { RequireAuth } from '@/features/auth/components/require-auth';

export default function FindPeoplePage() {
  return <RequireAuth>{() => <FindPeople />}</RequireAuth>;
}
