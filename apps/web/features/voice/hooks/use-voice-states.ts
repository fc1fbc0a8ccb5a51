'use client';

import { ZVoiceStatesResponse } from '@guftagu/contracts';
import { useQuery } from '@tanstack/react-query';
import { useAuth } from '@/features/auth/auth-context';
import { useLiveCache } from '@/lib/query/query-provider';
import { type VoiceStates, voiceKeys } from '../queries';

/** Who is in which of the server's voice channels (those I can see), kept live by socket events. */
export function useVoiceStates(serverId: string | null) {
  const { authedRequest, status } = useAuth();
  const live = useLiveCache();
  const key = voiceKeys.server(serverId ?? '');
  return useQuery({
    queryKey: key,
    queryFn: (): Promise<VoiceStates> =>
      live.fetch(key, async () => {
        const body = await authedRequest(`/api/servers/${serverId}/voice-states`, ZVoiceStatesResponse);
        return body.voiceStates;
      }),
    enabled: serverId !== null && status === 'authenticated',
  });
}
