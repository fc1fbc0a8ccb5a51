import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False in the server's HTML and while React hydrates, true once React owns the page. A form the
 * server rendered must not be used before its handlers exist: a click would submit it natively (a GET
 * that puts the email in the URL and does nothing), and text typed into a controlled input would be
 * dropped by React's state. Visible now that the app shell is a separate, later chunk.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
