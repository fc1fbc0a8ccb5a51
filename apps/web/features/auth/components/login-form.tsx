'use client';

import { USERNAME_PATTERN, ZEmail } from '@guftagu/contracts';
import { ArrowRightIcon, LockIcon, MailIcon, UserIcon } from 'lucide-react';
import { useRouter, useSearchParams } from 'next/navigation';
import { type FormEvent, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input, type InputProps } from '@/components/ui/input';
import { Tabs } from '@/components/ui/tabs';
import { useToast } from '@/components/ui/toast';
import { loginWithPassword, registerWithPassword, sendOtp } from '@/features/auth/auth-api';
import { homeFor, useAuth } from '@/features/auth/auth-context';
import { rememberResendAfter } from '@/features/auth/otp-cooldown';
import { errorMessage, isApiError } from '@/lib/api';
import { useHydrated } from '@/lib/hooks/use-hydrated';
import { safeNextPath } from '@/lib/utils';
import { FormAlert } from './auth-shell';

type Mode = 'code' | 'password';
type PasswordMode = 'signin' | 'register';

function verifyHref(email: string, next: string | null): string {
  const params = new URLSearchParams({ email });
  if (next) params.set('next', next);
  return `/verify?${params.toString()}`;
}

/** The email field both sign-in methods share. */
function EmailInput(props: Omit<InputProps, 'label'>) {
  const hydrated = useHydrated();
  return (
    <Input
      readOnly={!hydrated}
      label="Email address"
      type="email"
      name="email"
      inputMode="email"
      autoComplete="email"
      autoCapitalize="none"
      spellCheck={false}
      placeholder="you@example.com"
      prefix={<MailIcon size={18} />}
      {...props}
    />
  );
}

export function LoginForm() {
  const router = useRouter();
  const search = useSearchParams();
  const { toast } = useToast();
  const { status, user, signIn } = useAuth();
  const next = search.get('next');

  const hydrated = useHydrated();
  const [mode, setMode] = useState<Mode>(search.get('mode') === 'password' ? 'password' : 'code');
  const [passwordMode, setPasswordMode] = useState<PasswordMode>('signin');
  const [email, setEmail] = useState(search.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [username, setUsername] = useState('');
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string; username?: string }>(
    {},
  );
  const [formError, setFormError] = useState<string | null>(null);

  // Already signed in: nothing to do here.
  useEffect(() => {
    if (status === 'authenticated' && user)
      router.replace(user.needsOnboarding ? '/onboard' : safeNextPath(next));
  }, [status, user, next, router]);

  const resetErrors = () => {
    setFieldErrors({});
    setFormError(null);
  };

  const onSendCode = async (event: FormEvent) => {
    event.preventDefault();
    resetErrors();
    const parsed = ZEmail.safeParse(email);
    if (!parsed.success) {
      setFieldErrors({ email: 'Enter a valid email address, like you@example.com' });
      return;
    }
    setPending(true);
    try {
      const result = await sendOtp(parsed.data);
      rememberResendAfter(parsed.data, result.resendAfter);
      router.push(verifyHref(parsed.data, next));
    } catch (error) {
      if (isApiError(error) && error.code === 'OTP_COOLDOWN') {
        // A code went out moments ago; it is still valid, so carry on to the code screen.
        rememberResendAfter(parsed.data, error.retryAfter ?? 60);
        toast({ title: 'Code already sent', description: 'Check your inbox — the last code still works.' });
        router.push(verifyHref(parsed.data, next));
        return;
      }
      if (isApiError(error) && error.code === 'VALIDATION_ERROR') {
        setFieldErrors({ email: error.message });
      } else if (isApiError(error) && error.code === 'RATE_LIMITED') {
        const wait = error.retryAfter;
        setFormError(
          wait
            ? `Too many requests. Please try again in ${wait} seconds.`
            : 'Too many requests. Please wait a moment.',
        );
      } else {
        setFormError(errorMessage(error));
      }
      setPending(false);
    }
  };

  const onPassword = async (event: FormEvent) => {
    event.preventDefault();
    resetErrors();
    const parsedEmail = ZEmail.safeParse(email);
    const errors: typeof fieldErrors = {};
    if (!parsedEmail.success) errors.email = 'Enter a valid email address';
    if (passwordMode === 'register') {
      if (!USERNAME_PATTERN.test(username.trim()))
        errors.username = 'Use 3–20 letters, numbers or underscores';
      if (password.length < 8) errors.password = 'Use at least 8 characters';
    } else if (!password) {
      errors.password = 'Enter your password';
    }
    if (Object.keys(errors).length > 0 || !parsedEmail.success) {
      setFieldErrors(errors);
      return;
    }
    setPending(true);
    try {
      const session =
        passwordMode === 'register'
          ? await registerWithPassword(username.trim(), parsedEmail.data, password)
          : await loginWithPassword(parsedEmail.data, password);
      signIn(session);
      toast({
        title: passwordMode === 'register' ? 'Account created' : 'Welcome back',
        description: session.user.displayName || session.user.username || undefined,
        tone: 'success',
      });
      router.replace(session.user.needsOnboarding ? '/onboard' : safeNextPath(next, homeFor(session.user)));
    } catch (error) {
      setPending(false);
      if (!isApiError(error)) return setFormError(errorMessage(error));
      switch (error.code) {
        case 'INVALID_CREDENTIALS':
          setFormError('That email and password don’t match. Try again, or sign in with an email code.');
          break;
        case 'EMAIL_TAKEN':
          setFieldErrors({ email: 'An account with this email already exists. Sign in instead.' });
          break;
        case 'USERNAME_TAKEN':
          setFieldErrors({ username: 'That username is taken. Try another.' });
          break;
        default:
          setFormError(error.message);
      }
    }
  };

  return (
    <div className="flex flex-col gap-6">
      <Tabs<Mode>
        label="Sign-in method"
        idPrefix="login"
        value={mode}
        onChange={(value) => {
          setMode(value);
          resetErrors();
        }}
        options={[
          { value: 'code', label: 'Email code' },
          { value: 'password', label: 'Password' },
        ]}
      />

      {mode === 'code' ? (
        <form
          id="login-panel-code"
          role="tabpanel"
          aria-labelledby="login-tab-code"
          onSubmit={onSendCode}
          noValidate
          className="flex flex-col gap-5"
        >
          <EmailInput
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={fieldErrors.email}
            data-testid="login-email"
            required
            autoFocus
          />
          {formError ? <FormAlert>{formError}</FormAlert> : null}
          <Button
            type="submit"
            disabled={!hydrated}
            size="lg"
            loading={pending}
            loadingLabel="Sending code"
            data-testid="login-submit"
          >
            Continue with email <ArrowRightIcon size={18} />
          </Button>
          <p className="text-center text-[13px] text-fg-subtle">
            We&apos;ll email you a 6-digit code. New here? The same code creates your account.
          </p>
        </form>
      ) : (
        <form
          id="login-panel-password"
          role="tabpanel"
          aria-labelledby="login-tab-password"
          onSubmit={onPassword}
          noValidate
          className="flex flex-col gap-5"
        >
          {passwordMode === 'register' ? (
            <Input
              label="Username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              placeholder="your_name"
              maxLength={20}
              value={username}
              onChange={(event) => setUsername(event.target.value)}
              error={fieldErrors.username}
              hint="3–20 letters, numbers or underscores"
              prefix={<UserIcon size={18} />}
              data-testid="register-username"
            />
          ) : null}
          <EmailInput
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={fieldErrors.email}
            data-testid="password-email"
          />
          <Input
            label="Password"
            type="password"
            name="password"
            autoComplete={passwordMode === 'register' ? 'new-password' : 'current-password'}
            placeholder={passwordMode === 'register' ? 'At least 8 characters' : '••••••••'}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={fieldErrors.password}
            prefix={<LockIcon size={18} />}
            data-testid="password-input"
          />
          {formError ? <FormAlert>{formError}</FormAlert> : null}
          <Button
            type="submit"
            disabled={!hydrated}
            size="lg"
            loading={pending}
            data-testid="password-submit"
          >
            {passwordMode === 'register' ? 'Create account' : 'Sign in'}
          </Button>
          <p className="text-center text-[13px] text-fg-subtle">
            {passwordMode === 'register' ? 'Already have an account?' : 'New to Guftagu?'}{' '}
            <button
              type="button"
              className="font-medium text-accent-fg underline-offset-4 hover:underline"
              onClick={() => {
                setPasswordMode(passwordMode === 'register' ? 'signin' : 'register');
                resetErrors();
              }}
            >
              {passwordMode === 'register' ? 'Sign in' : 'Create an account'}
            </button>
          </p>
        </form>
      )}
    </div>
  );
}
