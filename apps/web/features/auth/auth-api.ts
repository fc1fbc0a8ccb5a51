import {
  type TSessionResponse,
  ZCheckUsernameResponse,
  ZMessageResponse,
  ZSendOtpResponse,
  ZSessionResponse,
} from '@guftagu/contracts';
import { apiRequest } from '@/lib/api';
import { API_BASE_URL } from '@/lib/config';

/** Set by the server next to the httpOnly refresh cookie (and cleared with it); it holds no secret. */
const SESSION_HINT_COOKIE = 'guftagu_session';

/**
 * Whether a refresh cookie can exist, so a signed-out page load skips a refresh that would only answer
 * 401. An API on another origin sets its hint where this page cannot read it, so there we always try.
 * Sessions created before the hint existed have no hint and sign in once more.
 */
export function mayHaveSession(): boolean {
  if (typeof document === 'undefined') return false;
  if (API_BASE_URL && new URL(API_BASE_URL, window.location.href).origin !== window.location.origin)
    return true;
  return document.cookie.split(/;\s*/).some((pair) => pair.startsWith(`${SESSION_HINT_COOKIE}=`));
}

export function sendOtp(email: string) {
  return apiRequest('/api/auth/send-otp', ZSendOtpResponse, { method: 'POST', body: { email } });
}

export function verifyOtp(email: string, otp: string) {
  return apiRequest('/api/auth/verify-otp', ZSessionResponse, { method: 'POST', body: { email, otp } });
}

export function loginWithPassword(email: string, password: string) {
  return apiRequest('/api/auth/login', ZSessionResponse, { method: 'POST', body: { email, password } });
}

export function registerWithPassword(username: string, email: string, password: string) {
  return apiRequest('/api/auth/register', ZSessionResponse, {
    method: 'POST',
    body: { username, email, password },
  });
}

let inflightRefresh: Promise<TSessionResponse> | null = null;

/**
 * Trade the httpOnly refresh cookie for a new access token. Concurrent callers share one request: the
 * refresh token rotates, so two parallel refreshes would look like token reuse to the server.
 */
export function refreshSession(): Promise<TSessionResponse> {
  if (!inflightRefresh) {
    inflightRefresh = apiRequest('/api/auth/refresh', ZSessionResponse, { method: 'POST' }).finally(() => {
      inflightRefresh = null;
    });
  }
  return inflightRefresh;
}

export function logoutSession(token: string | null) {
  return apiRequest('/api/auth/logout', ZMessageResponse, { method: 'POST', token });
}

export function checkUsername(username: string, signal?: AbortSignal) {
  return apiRequest('/api/user/check-username', ZCheckUsernameResponse, { query: { username }, signal });
}
