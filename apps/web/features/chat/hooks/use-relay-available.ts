'use client';

import { useQuery } from '@tanstack/react-query';
import { useAuth } from '@/features/auth/auth-context';
import { chatKeys, fetchIceServers } from '../queries';

/** Whether a TURN relay is configured (needed to hide your IP); null while unknown or unreachable. */
export function useRelayAvailable(): boolean | null {
  const { status, authedRequest } = useAuth();
  const { data } = useQuery({
    queryKey: chatKeys.iceServers(),
    queryFn: ({ signal }) => fetchIceServers(authedRequest, signal),
    // Signed in or not, the answer is the same; wait only so a restored session sends its token.
    enabled: status !== 'loading',
  });
  return data?.relayAvailable ?? null;
}
