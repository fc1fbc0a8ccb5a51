import {
  type TSessionResponse,
  ZCheckUsernameResponse,
  ZMessageResponse,
  ZSendOtpResponse,
  ZSessionResponse,
} from '@guftagu/contracts';
import { apiRequest } from '@/lib/api';

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
