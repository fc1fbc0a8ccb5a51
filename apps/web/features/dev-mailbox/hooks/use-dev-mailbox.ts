'use client';

import type { TDevMail } from '@guftagu/contracts';
import { useQuery } from '@tanstack/react-query';
import { devMailboxKeys, fetchDevMailbox, isOutboxOff } from '../queries';

/** How often the open outbox looks for new mail, so a code requested in another tab shows up by itself. */
const POLL_MS = 5_000;

const newestFirst = (messages: TDevMail[]) => [...messages].sort((a, b) => b.sentAt.localeCompare(a.sentAt));

/** The dev outbox, newest mail first, polled while the page is open. */
export function useDevMailbox(to: string) {
  return useQuery({
    queryKey: devMailboxKeys.list(to),
    queryFn: ({ signal }) => fetchDevMailbox(to, signal),
    select: (response) => newestFirst(response.messages),
    staleTime: 0,
    // A switched-off outbox stays off; polling it would only repeat the 404.
    refetchInterval: (query) => (isOutboxOff(query.state.error) ? false : POLL_MS),
    retry: false,
  });
}

/** Whether the server keeps a dev outbox at all: the sign-in page then links to it. */
export function useDevOutboxAvailable(email: string): boolean {
  const { isSuccess } = useQuery({
    queryKey: devMailboxKeys.list(email),
    queryFn: ({ signal }) => fetchDevMailbox(email, signal),
    retry: false,
  });
  return isSuccess;
}
