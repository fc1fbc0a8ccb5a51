'use client';

import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '@/lib/api';

/**
 * Runs `fetch` on mount and whenever `load` is called. `error` is the message of the last failed run,
 * cleared by a successful one. `fetch` should be stable (wrap it in useCallback).
 */
export function useLoad(fetch: () => Promise<void>) {
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      await fetch();
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, [fetch]);

  useEffect(() => {
    void load();
  }, [load]);

  return { error, load };
}
