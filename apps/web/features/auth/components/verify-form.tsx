'use client';

import { ZEmail } from '@guftagu/contracts';
import { ArrowLeftIcon, InboxIcon, RefreshCwIcon } from 'lucide-react';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { sendOtp, verifyOtp } from '@/features/auth/auth-api';
import { useAuth } from '@/features/auth/auth-context';
import { rememberResendAfter, resendSecondsLeft } from '@/features/auth/otp-cooldown';
import { useDevOutboxAvailable } from '@/features/dev-mailbox/hooks/use-dev-mailbox';
import { errorMessage, isApiError } from '@/lib/api';
import { OTP_LENGTH } from '@/lib/config';
import { useCountdown } from '@/lib/hooks/use-countdown';
import { useHydrated } from '@/lib/hooks/use-hydrated';
import { safeNextPath } from '@/lib/utils';
import { AuthShell, FormAlert } from './auth-shell';
import { emptyOtp, OtpInput } from './otp-input';

function formatClock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function VerifyForm() {
  const search = useSearchParams();
  const rawEmail = search.get('email') ?? '';
  const parsedEmail = ZEmail.safeParse(rawEmail);

  if (!parsedEmail.success) {
    return (
      <AuthShell
        title="Let’s start with your email"
        subtitle="This link is missing the email address the code was sent to."
      >
        <Link href="/login" className={buttonClasses({ size: 'lg', className: 'w-full' })}>
          Go to sign in
        </Link>
      </AuthShell>
    );
  }
  return <VerifyCode email={parsedEmail.data} next={search.get('next')} />;
}

function VerifyCode({ email, next }: { email: string; next: string | null }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const { toast } = useToast();
  const { signIn, status, user } = useAuth();

  const [digits, setDigits] = useState<string[]>(emptyOtp);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [locked, setLocked] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [resending, setResending] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  // In development the server keeps an outbox of sent mail; offer a shortcut when it is there.
  const devOutbox = useDevOutboxAvailable(email);
  const { secondsLeft, start } = useCountdown(0);
  const submitted = useRef<string | null>(null);
  const done = useRef(false);

  // Start the resend countdown from what the server told the login page (survives reloads).
  useEffect(() => {
    const left = resendSecondsLeft(email);
    if (left) start(left);
  }, [email, start]);

  // Already signed in (e.g. came back with the browser's back button): move along.
  useEffect(() => {
    if (!done.current && status === 'authenticated' && user) {
      router.replace(user.needsOnboarding ? '/onboard' : safeNextPath(next));
    }
  }, [status, user, next, router]);

  const verify = useCallback(
    async (code: string) => {
      if (pending || locked || code.length !== OTP_LENGTH || submitted.current === code) return;
      submitted.current = code;
      setPending(true);
      setError(null);
      setNotice(null);
      try {
        const session = await verifyOtp(email, code);
        done.current = true;
        signIn(session);
        // New users land on onboarding, which explains itself; returning users get a quick confirmation.
        if (!session.user.needsOnboarding) toast({ title: 'Signed in', description: email, tone: 'success' });
        router.replace(session.user.needsOnboarding ? '/onboard' : safeNextPath(next));
      } catch (err) {
        setPending(false);
        submitted.current = null;
        if (isApiError(err) && err.code === 'INVALID_OTP') {
          setError(err.message || 'That code isn’t right. Check the latest email and try again.');
          setDigits(emptyOtp());
          setFocusKey((key) => key + 1);
        } else if (isApiError(err) && err.code === 'OTP_LOCKED') {
          setLocked(true);
          setError(err.message || 'Too many incorrect attempts. Request a new code to try again.');
        } else if (isApiError(err) && err.code === 'ACCOUNT_BANNED') {
          setLocked(true);
          setError(err.message || 'This account has been suspended.');
        } else {
          setError(errorMessage(err));
        }
      }
    },
    [email, next, pending, locked, router, signIn, toast],
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const code = digits.join('');
    if (code.length !== OTP_LENGTH) {
      setError('Enter all 6 digits of the code.');
      setFocusKey((key) => key + 1);
      return;
    }
    submitted.current = null;
    void verify(code);
  };

  const resend = async () => {
    setResending(true);
    setError(null);
    setNotice(null);
    try {
      const result = await sendOtp(email);
      rememberResendAfter(email, result.resendAfter);
      start(result.resendAfter);
      setLocked(false);
      setDigits(emptyOtp());
      setFocusKey((key) => key + 1);
      setNotice(`A new code is on its way to ${email}.`);
    } catch (err) {
      if (isApiError(err) && (err.code === 'OTP_COOLDOWN' || err.code === 'RATE_LIMITED') && err.retryAfter) {
        rememberResendAfter(email, err.retryAfter);
        start(err.retryAfter);
        setError(`Please wait ${err.retryAfter} seconds before requesting another code.`);
      } else {
        setError(errorMessage(err));
      }
    } finally {
      setResending(false);
    }
  };

  const complete = digits.every(Boolean);

  return (
    <AuthShell
      title="Check your email"
      subtitle={
        <>
          We sent a 6-digit code to{' '}
          <span className="font-medium text-fg [overflow-wrap:anywhere]">{email}</span>. It expires in 10
          minutes.
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
        <OtpInput
          value={digits}
          onChange={(value) => {
            setDigits(value);
            if (error && !locked) setError(null);
          }}
          onComplete={(code) => void verify(code)}
          disabled={pending || locked || !hydrated}
          invalid={Boolean(error) && !locked}
          autoFocus
          describedBy="otp-feedback"
          focusKey={focusKey}
        />

        <div id="otp-feedback" aria-live="polite" className="empty:hidden">
          {error ? (
            <FormAlert>{error}</FormAlert>
          ) : notice ? (
            <FormAlert tone="info">{notice}</FormAlert>
          ) : null}
        </div>

        <Button
          type="submit"
          size="lg"
          loading={pending}
          loadingLabel="Verifying"
          disabled={!complete || locked}
          data-testid="verify-submit"
        >
          Verify and continue
        </Button>

        <div className="flex flex-wrap items-center justify-between gap-3 text-[13px]">
          <Link
            href={`/login?email=${encodeURIComponent(email)}`}
            className="inline-flex items-center gap-1.5 text-fg-subtle transition-colors hover:text-fg"
          >
            <ArrowLeftIcon size={14} /> Use a different email
          </Link>
          <Button
            variant="ghost"
            size="sm"
            onClick={resend}
            loading={resending}
            disabled={secondsLeft > 0}
            data-testid="resend-code"
            className="tabular"
          >
            <RefreshCwIcon size={14} />
            {secondsLeft > 0 ? `Resend code in ${formatClock(secondsLeft)}` : 'Resend code'}
          </Button>
        </div>

        {devOutbox ? (
          <Link
            href={`/dev/mailbox?to=${encodeURIComponent(email)}`}
            target="_blank"
            className="flex items-center gap-3 rounded-xl border border-dashed border-line px-3.5 py-3 text-[13px] text-fg-muted transition-colors hover:border-line-strong hover:text-fg"
          >
            <InboxIcon size={16} className="shrink-0 text-accent-fg" />
            <span>
              Development build: read the code in the <span className="font-medium text-fg">dev outbox</span>
            </span>
          </Link>
        ) : null}
      </form>
    </AuthShell>
  );
}
