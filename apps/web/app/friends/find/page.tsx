'use client';

import { RequireAuth } from '@/components/auth/RequireAuth';
import { FindPeople } from '@/components/friends/FindPeople';

export default function FindPeoplePage() {
  return <RequireAuth>{() => <FindPeople />}</RequireAuth>;
}
