'use client';

import { USERNAME_PATTERN } from '@guftagu/contracts';
import { useEffect, useState } from 'react';
import { checkUsername } from '@/features/auth/auth-api';
import { useDebouncedValue } from '@/lib/hooks/use-debounced-value';

export type Availability =
  | { state: 'idle' }
  | { state: 'current'; username: string }
  | { state: 'invalid' }
  | { state: 'checking'; username: string }
  | { state: 'available'; username: string }
  | { state: 'taken'; username: string }
  | { state: 'error'; username: string };

/**
 * Username availability as you type: validated locally at once, then asked of the server once typing
 * pauses. `current` (your own username) is reported as such rather than as taken.
 */
export function useUsernameAvailability(
  value: string,
  { current, delayMs = 350 }: { current?: string | null; delayMs?: number } = {},
): {
  availability: Availability;
  /** True once the shown result describes exactly what is typed now. */
  settled: boolean;
  /** Force a result (e.g. the server said USERNAME_TAKEN on submit). */
  setAvailability: (availability: Availability) => void;
} {
  const trimmed = value.trim();
  const debounced = useDebouncedValue(trimmed, delayMs);
  const [availability, setAvailability] = useState<Availability>({ state: 'idle' });
  const isCurrent = (name: string) => Boolean(current) && name.toLowerCase() === current?.toLowerCase();

  // biome-ignore lint/correctness/useExhaustiveDependencies: `current` only matters alongside `debounced`.
  useEffect(() => {
    if (!debounced) {
      setAvailability({ state: 'idle' });
      return;
    }
    if (!USERNAME_PATTERN.test(debounced)) {
      setAvailability({ state: 'invalid' });
      return;
    }
    if (current && debounced === current) {
      setAvailability({ state: 'current', username: debounced });
      return;
    }
    const controller = new AbortController();
    setAvailability({ state: 'checking', username: debounced });
    checkUsername(debounced, controller.signal)
      .then((result) => {
        if (result.available) setAvailability({ state: 'available', username: result.username });
        else if (result.reason === 'invalid') setAvailability({ state: 'invalid' });
        // Changing only the letter case of your own name shows up as "taken" by yourself.
        else if (isCurrent(result.username))
          setAvailability({ state: 'available', username: result.username });
        else setAvailability({ state: 'taken', username: result.username });
      })
      .catch(() => {
        if (!controller.signal.aborted) setAvailability({ state: 'error', username: debounced });
      });
    return () => controller.abort();
  }, [debounced]);

  // While the user is still typing, the last result describes an older value: show "checking".
  let shown = availability;
  if (trimmed !== debounced && trimmed) {
    if (!USERNAME_PATTERN.test(trimmed)) shown = { state: 'invalid' };
    else if (current && trimmed === current) shown = { state: 'current', username: trimmed };
    else shown = { state: 'checking', username: trimmed };
  } else if (!trimmed) {
    shown = { state: 'idle' };
  }

  return { availability: shown, settled: trimmed === debounced, setAvailability };
}
