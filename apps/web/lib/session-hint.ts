/**
 * The non-secret cookie the server sets and clears together with the httpOnly refresh cookie
 * (apps/server/src/modules/auth/session-cookies.ts): "a session may exist". The root layout reads it on
 * the server to choose between the visitor shell and the app shell.
 */
export const SESSION_HINT_COOKIE = 'guftagu_session';

/** Whether this browser holds the hint (client side). */
export function hasSessionHint(): boolean {
  if (typeof document === 'undefined') return false;
  return document.cookie.split(/;\s*/).some((pair) => pair.startsWith(`${SESSION_HINT_COOKIE}=`));
}
