import { type TIceServersResponse, ZIceServersResponse } from '@guftagu/contracts';
import { apiRequest } from '@/lib/api';

/**
 * The ICE servers before any match, so the start screen can say whether "hide my IP" is honoured (it
 * needs TURN). The call itself uses the fresh list carried by `match_found`.
 */
export function fetchIceServers(token: string | null, signal?: AbortSignal): Promise<TIceServersResponse> {
  return apiRequest('/api/match/ice-servers', ZIceServersResponse, { token, signal });
}
