'use client';

import { USERNAME_PATTERN, ZMeResponse } from '@guftagu/contracts';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { useAuth } from '@/features/auth/auth-context';
import { useUsernameAvailability } from '@/features/auth/hooks/use-username-availability';
import { errorMessage, isApiError } from '@/lib/api';
import { cn, nameOf } from '@/lib/utils';
import { FormAlert } from './auth-shell';
import { UsernameStatus, UsernameSuffix } from './username-status';

export function OnboardingForm() {
  const router = useRouter();
  const { toast } = useToast();
  const { authedRequest, setUser } = useAuth();

  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const { availability: shown, settled, setAvailability } = useUsernameAvailability(username);
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [displayNameError, setDisplayNameError] = useState<string | null>(null);

  const trimmed = username.trim();
  const canSubmit =
    !pending &&
    USERNAME_PATTERN.test(trimmed) &&
    (shown.state === 'available' || shown.state === 'error') &&
    settled;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canSubmit) return;
    const name = displayName.trim();
    if (name.length > 50) {
      setDisplayNameError('Display name is at most 50 characters');
      return;
    }
    setPending(true);
    setFormError(null);
    try {
      const { user: updated } = await authedRequest('/api/user/onboard', ZMeResponse, {
        method: 'POST',
        body: name ? { username: trimmed, displayName: name } : { username: trimmed },
      });
      setUser(updated);
      toast({
        title: `Welcome, ${updated.displayName || updated.username}!`,
        description: 'Your profile and 7-digit ID are ready.',
        tone: 'success',
      });
      router.replace('/profile');
    } catch (error) {
      setPending(false);
      if (isApiError(error) && error.code === 'USERNAME_TAKEN') {
        setAvailability({ state: 'taken', username: trimmed });
      } else if (isApiError(error) && error.code === 'ALREADY_ONBOARDED') {
        try {
          const { user: me } = await authedRequest('/api/auth/me', ZMeResponse);
          setUser(me);
        } finally {
          router.replace('/profile');
        }
      } else {
        setFormError(errorMessage(error));
      }
    }
  };

  // Only what the person typed, through the same nameOf the header and profile use (so the same
  // initials); never their email, which they did not choose as a name.
  const typedName =
    displayName.trim() || trimmed ? nameOf({ displayName: displayName.trim(), username: trimmed }) : '';

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      <div className="flex items-center gap-4 rounded-2xl border border-line bg-canvas/50 p-4" aria-hidden>
        <Avatar name={typedName} size={52} />
        <div className="min-w-0">
          <p
            className={cn(
              'truncate font-display text-lg font-semibold',
              typedName ? 'text-fg' : 'text-fg-faint',
            )}
            data-testid="onboard-preview-name"
          >
            {typedName || 'Your name'}
          </p>
          <p className="truncate text-sm text-fg-subtle">{trimmed ? `@${trimmed}` : '@username'}</p>
        </div>
        <span className="ml-auto hidden rounded-lg bg-fill px-2 py-1 text-[11px] font-medium text-fg-muted sm:inline">
          Preview
        </span>
      </div>

      <div className="flex flex-col gap-2">
        <Input
          label="Username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          maxLength={20}
          placeholder="your_name"
          value={username}
          onChange={(event) => setUsername(event.target.value.replace(/\s/g, ''))}
          prefix={<span className="font-medium">@</span>}
          suffix={<UsernameSuffix availability={shown} />}
          aria-describedby="username-availability"
          aria-invalid={shown.state === 'taken' || shown.state === 'invalid' ? true : undefined}
          data-testid="onboard-username"
          autoFocus
        />
        <div id="username-availability" aria-live="polite">
          <UsernameStatus availability={shown} />
        </div>
      </div>

      <Input
        label="Display name (optional)"
        name="displayName"
        autoComplete="name"
        maxLength={50}
        placeholder="How should people call you?"
        value={displayName}
        onChange={(event) => {
          setDisplayName(event.target.value);
          setDisplayNameError(null);
        }}
        error={displayNameError}
        hint="Shown on your profile. You can change it later."
        data-testid="onboard-display-name"
      />

      {formError ? <FormAlert>{formError}</FormAlert> : null}

      <Button type="submit" size="lg" loading={pending} disabled={!canSubmit} data-testid="onboard-submit">
        Finish setup
      </Button>
    </form>
  );
}
