import { OTP_RESEND_SECONDS } from '@/lib/config';

/**
 * Remembers, per email and per tab, when another sign-in code may be requested, so the /verify countdown
 * survives a reload and starts from what the server actually said.
 */
const key = (email: string) => `guftagu:otp-resend:${email.trim().toLowerCase()}`;

export function rememberResendAfter(email: string, seconds: number = OTP_RESEND_SECONDS): void {
  try {
    sessionStorage.setItem(key(email), String(Date.now() + seconds * 1000));
  } catch {
    // Storage can be unavailable (private mode, disabled cookies); the countdown then starts fresh.
  }
}

/** Seconds left before a resend is allowed, or null when nothing is remembered for this email. */
export function resendSecondsLeft(email: string): number | null {
  try {
    const raw = sessionStorage.getItem(key(email));
    if (!raw) return null;
    const left = Math.ceil((Number(raw) - Date.now()) / 1000);
    return Number.isFinite(left) ? Math.max(0, left) : null;
  } catch {
    return null;
  }
}
