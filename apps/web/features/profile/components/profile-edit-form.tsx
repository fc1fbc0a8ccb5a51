'use client';

import {
  BIO_MAX,
  countGraphemes,
  type TPrivacy,
  type TSelfUser,
  type TUpdateProfile,
  USERNAME_PATTERN,
} from '@guftagu/contracts';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type ChangeEvent, type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { StatusPicker } from '@/features/profile/components/status-picker';
import { Avatar } from '@/components/ui/Avatar';
import { Button, buttonClasses } from '@/components/ui/Button';
import { ConfirmDialog } from '@/components/ui/ConfirmDialog';
import { ArrowLeftIcon, CameraIcon, ClockIcon, TrashIcon } from '@/components/ui/Icons';
import { Input } from '@/components/ui/Input';
import { Skeleton } from '@/components/ui/Skeleton';
import { Switch } from '@/components/ui/Switch';
import { CharCounter, Textarea } from '@/components/ui/Textarea';
import { useToast } from '@/components/ui/Toast';
import { useAuth } from '@/features/auth/auth-context';
import { FormAlert } from '@/features/auth/components/auth-shell';
import { UsernameStatus, UsernameSuffix } from '@/features/auth/components/username-status';
import { useUsernameAvailability } from '@/features/auth/hooks/use-username-availability';
import { errorMessage, isApiError } from '@/lib/api';
import { useSocialApi } from '@/features/friends/social-api';
import { cn, formatLongDate, nameOf } from '@/lib/utils';
import { AVATAR_TYPES, AvatarCropper, avatarFileProblem } from './avatar-cropper';
import { InterestEditor } from './interest-editor';

const DISPLAY_NAME_MAX = 50;

function Section({
  title,
  description,
  children,
  id,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  id: string;
}) {
  return (
    <section className="card rounded-3xl p-5 sm:p-7" aria-labelledby={id}>
      <h2 id={id} className="font-display text-lg font-semibold text-ink-50">
        {title}
      </h2>
      {description ? <p className="mt-1 text-sm text-ink-400">{description}</p> : null}
      <div className="mt-5">{children}</div>
    </section>
  );
}

export function ProfileEditSkeleton() {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-10 sm:px-6 sm:py-14" aria-busy="true">
      <span className="sr-only" role="status">
        Loading your profile
      </span>
      <Skeleton className="h-9 w-56" />
      <Skeleton className="mt-8 h-40 rounded-3xl" />
      <Skeleton className="mt-6 h-96 rounded-3xl" />
    </div>
  );
}

function PhotoSection({ user }: { user: TSelfUser }) {
  const api = useSocialApi();
  const { setUser } = useAuth();
  const { toast } = useToast();
  const fileRef = useRef<HTMLInputElement | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const name = nameOf(user);

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0];
    event.target.value = '';
    if (!picked) return;
    const problem = avatarFileProblem(picked);
    if (problem) {
      toast({ title: 'That file won’t work', description: problem, tone: 'error' });
      return;
    }
    setFile(picked);
  };

  const upload = async (image: Blob) => {
    try {
      const extension = image.type === 'image/webp' ? 'webp' : 'jpg';
      const { user: updated } = await api.uploadProfilePicture(image, `avatar.${extension}`);
      setUser(updated);
      setFile(null);
      toast({ title: 'Profile photo updated', tone: 'success' });
    } catch (error) {
      if (isApiError(error) && error.code === 'PAYLOAD_TOO_LARGE')
        throw new Error('That image is too large. Try a smaller one.');
      if (isApiError(error) && error.code === 'UNSUPPORTED_MEDIA_TYPE')
        throw new Error('Choose a JPG, PNG or WebP image.');
      throw new Error(errorMessage(error));
    }
  };

  const remove = async () => {
    try {
      const { user: updated } = await api.deleteProfilePicture();
      setUser(updated);
      toast({ title: 'Profile photo removed' });
    } catch (error) {
      toast({ title: 'Couldn’t remove your photo', description: errorMessage(error), tone: 'error' });
      throw error;
    }
  };

  return (
    <Section
      id="photo-title"
      title="Profile photo"
      description="JPG, PNG or WebP, up to 5 MB. You can crop it before it’s uploaded."
    >
      <div className="flex flex-col gap-5 sm:flex-row sm:items-center">
        <div className="relative self-start">
          <Avatar name={name} src={user.profilePicture} size={96} />
          <button
            type="button"
            onClick={() => fileRef.current?.click()}
            className="absolute -right-1 -bottom-1 inline-flex size-9 items-center justify-center rounded-full border border-white/15 bg-ink-800 text-ink-100 shadow-lg transition-colors hover:bg-ink-700"
            aria-label="Change profile photo"
          >
            <CameraIcon size={17} />
          </button>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => fileRef.current?.click()} data-testid="avatar-upload">
            <CameraIcon size={16} /> {user.profilePicture ? 'Change photo' : 'Upload photo'}
          </Button>
          {user.profilePicture ? (
            <Button
              variant="ghost"
              onClick={() => setConfirmRemove(true)}
              className="hover:text-danger-300"
              data-testid="avatar-remove"
            >
              <TrashIcon size={16} /> Remove
            </Button>
          ) : null}
        </div>
        <input
          ref={fileRef}
          type="file"
          accept={AVATAR_TYPES.join(',')}
          className="sr-only"
          tabIndex={-1}
          aria-hidden
          onChange={onPick}
          data-testid="avatar-file-input"
        />
      </div>
      <AvatarCropper file={file} onClose={() => setFile(null)} onSave={upload} />
      <ConfirmDialog
        open={confirmRemove}
        onOpenChange={setConfirmRemove}
        title="Remove your profile photo?"
        description="People will see your initials instead until you upload a new one."
        confirmLabel="Remove photo"
        onConfirm={remove}
      />
    </Section>
  );
}

interface FormState {
  displayName: string;
  username: string;
  bio: string;
  interests: string[];
  privacy: TPrivacy;
}

function initialState(user: TSelfUser): FormState {
  return {
    displayName: user.displayName ?? '',
    username: user.username ?? '',
    bio: user.bio,
    interests: user.interests,
    privacy: user.privacy,
  };
}

/** Only what changed, in the shape PUT /api/user/profile takes. */
function diff(user: TSelfUser, form: FormState): TUpdateProfile {
  const changes: TUpdateProfile = {};
  const displayName = form.displayName.trim();
  if (displayName !== (user.displayName ?? '')) changes.displayName = displayName || null;
  if (form.username.trim() !== (user.username ?? '')) changes.username = form.username.trim();
  if (form.bio !== user.bio) changes.bio = form.bio;
  if (form.interests.join('\n') !== user.interests.join('\n')) changes.interests = form.interests;
  const privacy: Partial<TPrivacy> = {};
  for (const key of ['showOnlineStatus', 'allowFriendRequests', 'showMatchCount'] as const) {
    if (form.privacy[key] !== user.privacy[key]) Object.assign(privacy, { [key]: form.privacy[key] });
  }
  if (Object.keys(privacy).length > 0) changes.privacy = privacy;
  return changes;
}

export function ProfileEditForm({ user }: { user: TSelfUser }) {
  const api = useSocialApi();
  const { setUser } = useAuth();
  const { toast } = useToast();
  const router = useRouter();
  const [form, setForm] = useState<FormState>(() => initialState(user));
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [usernameError, setUsernameError] = useState<string | null>(null);
  const [nextChangeAt, setNextChangeAt] = useState<string | null>(user.nextUsernameChangeAt);

  // Pick up the freshest copy of the profile once (the session holds a snapshot).
  // biome-ignore lint/correctness/useExhaustiveDependencies: run once per page visit.
  useEffect(() => {
    api
      .getOwnProfile()
      .then(({ user: fresh }) => {
        setUser(fresh);
        setForm((current) => (Object.keys(diff(user, current)).length === 0 ? initialState(fresh) : current));
        setNextChangeAt(fresh.nextUsernameChangeAt);
      })
      .catch(() => {});
  }, []);

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

  return (
    <div className="mx-auto w-full max-w-3xl animate-fade-up px-4 pt-10 pb-6 sm:px-6 sm:pt-14">
      <Link
        href="/profile"
        className="inline-flex items-center gap-1.5 text-sm text-ink-400 transition-colors hover:text-ink-100"
      >
        <ArrowLeftIcon size={16} /> Back to profile
      </Link>
      <h1 className="mt-4 text-title font-semibold text-ink-50">Edit profile</h1>
      <p className="mt-1 text-ink-300">This is what people see when they open your profile.</p>

      <div className="mt-8 flex flex-col gap-6">
        <PhotoSection user={user} />

        <form id="profile-form" onSubmit={onSubmit} noValidate className="contents">
          <Section id="basics-title" title="About you">
            <div className="flex flex-col gap-6">
              <Input
                label="Display name"
                placeholder={user.username ?? 'Your name'}
                value={form.displayName}
                maxLength={DISPLAY_NAME_MAX + 10}
                onChange={(event) => set('displayName', event.target.value)}
                error={
                  displayNameTooLong ? `Display name is at most ${DISPLAY_NAME_MAX} characters.` : undefined
                }
                hint={`Shown instead of your username. ${displayNameCount}/${DISPLAY_NAME_MAX}`}
                data-testid="edit-display-name"
              />

              <div className="flex flex-col gap-2">
                <Input
                  label="Username"
                  value={form.username}
                  onChange={(event) => {
                    set('username', event.target.value.replace(/\s/g, ''));
                    setUsernameError(null);
                  }}
                  disabled={usernameLocked}
                  autoCapitalize="none"
                  autoCorrect="off"
                  spellCheck={false}
                  maxLength={20}
                  prefix={<span className="font-medium">@</span>}
                  suffix={usernameChanging ? <UsernameSuffix availability={availability} /> : null}
                  aria-describedby="username-help"
                  aria-invalid={
                    usernameChanging && (availability.state === 'taken' || availability.state === 'invalid')
                      ? true
                      : undefined
                  }
                  error={usernameError}
                  data-testid="edit-username"
                />
                <div id="username-help" aria-live="polite" className="flex flex-col gap-1.5">
                  {lockedUntil ? (
                    <p
                      className="flex items-center gap-1.5 text-[13px] text-ink-400"
                      data-testid="username-locked"
                    >
                      <ClockIcon size={14} /> You can change your username again on {lockedUntil}.
                    </p>
                  ) : (
                    <>
                      <UsernameStatus
                        availability={
                          usernameChanging ? availability : { state: 'current', username: form.username }
                        }
                      />
                      {usernameChanging ? (
                        <p className="text-[13px] text-warning-300">
                          You can change your username once every 30 days. Your 7-digit ID stays the same.
                        </p>
                      ) : null}
                    </>
                  )}
                </div>
              </div>

              <Textarea
                label="Bio"
                placeholder="A line or two about you — what you’re into, what you’d like to talk about."
                value={form.bio}
                onChange={(event) => set('bio', event.target.value)}
                rows={4}
                counter={<CharCounter count={bioCount} max={BIO_MAX} />}
                error={bioTooLong ? `Bio is at most ${BIO_MAX} characters.` : undefined}
                data-testid="edit-bio"
              />

              <InterestEditor value={form.interests} onChange={(interests) => set('interests', interests)} />
            </div>
          </Section>

          <Section
            id="privacy-title"
            title="Privacy"
            description="Choose what people who aren’t your friends can see."
          >
            <div className="-my-4 divide-y divide-white/[0.06]">
              <Switch
                label="Show my online status"
                description="When off, only friends see whether you’re online."
                checked={form.privacy.showOnlineStatus}
                onCheckedChange={(value) => setPrivacy('showOnlineStatus', value)}
                data-testid="privacy-online-status"
              />
              <Switch
                label="Allow friend requests"
                description="When off, nobody can send you new friend requests."
                checked={form.privacy.allowFriendRequests === 'everyone'}
                onCheckedChange={(value) => setPrivacy('allowFriendRequests', value ? 'everyone' : 'nobody')}
                data-testid="privacy-friend-requests"
              />
              <Switch
                label="Show my conversation count"
                description="How many video chats you’ve had, shown on your profile."
                checked={form.privacy.showMatchCount}
                onCheckedChange={(value) => setPrivacy('showMatchCount', value)}
                data-testid="privacy-match-count"
              />
            </div>
          </Section>
        </form>

        <Section id="status-title" title="Status" description="Applies right away — no need to save.">
          <StatusPicker user={user} />
        </Section>
      </div>

      <div className="sticky bottom-0 z-30 -mx-4 mt-8 border-t border-white/[0.06] bg-ink-950/85 px-4 py-3 backdrop-blur-xl sm:mx-0 sm:rounded-2xl sm:border sm:px-4">
        {formError ? (
          <div className="mb-3">
            <FormAlert>{formError}</FormAlert>
          </div>
        ) : null}
        <div className="flex items-center justify-between gap-3">
          <p className={cn('text-[13px]', dirty ? 'text-warning-300' : 'text-ink-400')} aria-live="polite">
            {dirty ? 'You have unsaved changes' : 'All changes saved'}
          </p>
          <div className="flex gap-2">
            <Link href="/profile" className={buttonClasses({ variant: 'ghost' })}>
              Cancel
            </Link>
            <Button
              type="submit"
              form="profile-form"
              loading={pending}
              disabled={!canSave}
              data-testid="edit-save"
            >
              Save changes
            </Button>
          </div>
        </div>
      </div>
    </div>
  );
}
