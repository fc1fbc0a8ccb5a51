import { isApiError } from '@guftagu/sdk';
import { QueryClient } from '@tanstack/react-query';

/**
 * One cache per tab. Socket events keep cached data fresh, so queries need not refetch on every mount;
 * a failed request is retried only when it may succeed later (network, 5xx), never for a 4xx answer.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => {
          if (isApiError(error) && !error.isUnreachable) return false;
          return failures < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}
