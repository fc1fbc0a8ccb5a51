'use client';

import { BIO_MAX, countGraphemes, type TPrivacy, type TSelfUser, USERNAME_PATTERN } from '@guftagu/contracts';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { useToast } from '@/components/ui/toast';
import { useAuth } from '@/features/auth/auth-context';
import { useUsernameAvailability } from '@/features/auth/hooks/use-username-availability';
import { useSocialApi } from '@/features/friends/social-api';
import { errorMessage, isApiError } from '@/lib/api';
import { formatLongDate } from '@/lib/utils';
import { diff, type FormState, initialState } from '../profile-form';
import { useFreshOwnProfile } from './use-profiles';

export const DISPLAY_NAME_MAX = 50;

/**
 * The profile editor's state: the fields, what changed, whether it may be saved, and the save itself
 * (with the server's username answers shown next to the field).
 */
export function useProfileForm(user: TSelfUser) {
  const api = useSocialApi();
  const { setUser } = useAuth();
  const { toast } = useToast();
  const router = useRouter();
  const [form, setForm] = useState<FormState>(() => initialState(user));
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [usernameError, setUsernameError] = useState<string | null>(null);
  const [nextChangeAt, setNextChangeAt] = useState<string | null>(user.nextUsernameChangeAt);

  // The session holds a snapshot: an untouched form follows the fresh copy read when the page opens.
  useFreshOwnProfile((fresh) => {
    setForm((current) => (Object.keys(diff(user, current)).length === 0 ? initialState(fresh) : current));
    setNextChangeAt(fresh.nextUsernameChangeAt);
  });

  const usernameLocked = nextChangeAt !== null && new Date(nextChangeAt).getTime() > Date.now();
  const { availability, settled, setAvailability } = useUsernameAvailability(form.username, {
    current: user.username,
  });

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setFormError(null);
  };
  const setPrivacy = <K extends keyof TPrivacy>(key: K, value: TPrivacy[K]) =>
    setForm((current) => ({ ...current, privacy: { ...current.privacy, [key]: value } }));

  const changes = diff(user, form);
  const dirty = Object.keys(changes).length > 0;
  const bioCount = countGraphemes(form.bio);
  const displayNameCount = form.displayName.trim().length;
  const bioTooLong = bioCount > BIO_MAX;
  const displayNameTooLong = form.displayName.trim().length > DISPLAY_NAME_MAX;
  const usernameChanging = changes.username !== undefined;
  const usernameBlocked =
    usernameChanging &&
    (!USERNAME_PATTERN.test(form.username.trim()) ||
      availability.state === 'taken' ||
      availability.state === 'invalid' ||
      availability.state === 'checking' ||
      !settled);
  const canSave = dirty && !pending && !bioTooLong && !displayNameTooLong && !usernameBlocked;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canSave) return;
    setPending(true);
    setFormError(null);
    setUsernameError(null);
    try {
      const { user: updated } = await api.updateProfile(changes);
      setUser(updated);
      toast({ title: 'Profile saved', tone: 'success' });
      router.push('/profile');
    } catch (error) {
      setPending(false);
      if (isApiError(error) && error.code === 'USERNAME_TAKEN') {
        setAvailability({ state: 'taken', username: form.username.trim() });
      } else if (isApiError(error) && error.code === 'USERNAME_CHANGE_TOO_SOON') {
        const when = typeof error.details?.nextChangeAt === 'string' ? error.details.nextChangeAt : null;
        if (when) setNextChangeAt(when);
        setUsernameError(
          when
            ? `You can change your username again on ${formatLongDate(when)}.`
            : 'You changed your username recently. Try again later.',
        );
      } else {
        setFormError(errorMessage(error));
      }
    }
  };

  const lockedUntil = usernameLocked && nextChangeAt ? formatLongDate(nextChangeAt) : null;

  return {
    form,
    set,
    setPrivacy,
    pending,
    formError,
    usernameError,
    clearUsernameError: () => setUsernameError(null),
    usernameLocked,
    lockedUntil,
    availability,
    usernameChanging,
    dirty,
    bioCount,
    bioTooLong,
    displayNameCount,
    displayNameTooLong,
    canSave,
    onSubmit,
  };
}
