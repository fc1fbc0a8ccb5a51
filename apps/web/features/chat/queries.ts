import { ZIceServersResponse } from '@guftagu/contracts';
import type { AuthContextValue } from '@/features/auth/auth-context';

export const chatKeys = {
  all: ['chat'] as const,
  iceServers: () => [...chatKeys.all, 'ice-servers'] as const,
};

/**
 * The ICE servers before any match, so the start screen can say whether "hide my IP" is honoured (it
 * needs TURN). The call itself uses the fresh list carried by `match_found`.
 */
export function fetchIceServers(authedRequest: AuthContextValue['authedRequest'], signal?: AbortSignal) {
  return authedRequest('/api/match/ice-servers', ZIceServersResponse, { signal });
}
