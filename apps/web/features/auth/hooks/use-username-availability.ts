'use client';

import { USERNAME_PATTERN } from '@guftagu/contracts';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { checkUsername } from '@/features/auth/auth-api';
import { authKeys } from '@/features/auth/queries';
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
  // A result forced from outside (the submit said USERNAME_TAKEN) holds until the typed name changes.
  const [forced, setForced] = useState<{ for: string; availability: Availability } | null>(null);
  const isCurrent = (name: string) => Boolean(current) && name.toLowerCase() === current?.toLowerCase();
  const checkable =
    Boolean(debounced) && USERNAME_PATTERN.test(debounced) && !(current && debounced === current);
  const check = useQuery({
    queryKey: authKeys.usernameCheck(debounced),
    queryFn: ({ signal }) => checkUsername(debounced, signal),
    enabled: checkable,
    // Someone else may take the name any moment: a remembered "available" is worth little.
    staleTime: 5_000,
    gcTime: 60_000,
    retry: false,
  });

  let availability: Availability;
  if (!debounced) availability = { state: 'idle' };
  else if (!USERNAME_PATTERN.test(debounced)) availability = { state: 'invalid' };
  else if (current && debounced === current) availability = { state: 'current', username: debounced };
  else if (forced?.for === debounced) availability = forced.availability;
  else if (check.isError) availability = { state: 'error', username: debounced };
  else if (!check.data) availability = { state: 'checking', username: debounced };
  else if (check.data.available) availability = { state: 'available', username: check.data.username };
  else if (check.data.reason === 'invalid') availability = { state: 'invalid' };
  // Changing only the letter case of your own name shows up as "taken" by yourself.
  else if (isCurrent(check.data.username))
    availability = { state: 'available', username: check.data.username };
  else availability = { state: 'taken', username: check.data.username };

  const setAvailability = useCallback(
    (next: Availability) => setForced({ for: debounced, availability: next }),
    [debounced],
  );

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
