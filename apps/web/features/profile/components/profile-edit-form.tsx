'use client';

import { BIO_MAX, type TSelfUser } from '@guftagu/contracts';
import { ArrowLeftIcon, ClockIcon } from 'lucide-react';
import Link from 'next/link';
import { Button, buttonClasses } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Switch } from '@/components/ui/switch';
import { CharCounter, Textarea } from '@/components/ui/textarea';
import { FormAlert } from '@/features/auth/components/auth-shell';
import { UsernameStatus, UsernameSuffix } from '@/features/auth/components/username-status';
import { DISPLAY_NAME_MAX, useProfileForm } from '../hooks/use-profile-form';
import { Section } from './edit-section';
import { InterestEditor } from './interest-editor';
import { PhotoSection } from './photo-section';
import { StatusPicker } from './status-picker';

export function ProfileEditForm({ user }: { user: TSelfUser }) {
  const {
    form,
    set,
    setPrivacy,
    pending,
    formError,
    usernameError,
    clearUsernameError,
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
  } = useProfileForm(user);

  return (
    <div className="mx-auto w-full max-w-3xl animate-fade-up px-4 pt-10 pb-6 sm:px-6 sm:pt-14">
      <Link
        href="/profile"
        className="inline-flex items-center gap-1.5 text-sm text-fg-subtle transition-colors hover:text-fg"
      >
        <ArrowLeftIcon size={16} aria-hidden /> Back to profile
      </Link>
      <h1 className="mt-4 text-title font-semibold text-fg">Edit profile</h1>
      <p className="mt-1 text-fg-muted">This is what people see when they open your profile.</p>

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
                    clearUsernameError();
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
                      className="flex items-center gap-1.5 text-[13px] text-fg-subtle"
                      data-testid="username-locked"
                    >
                      <ClockIcon size={14} aria-hidden /> You can change your username again on {lockedUntil}.
                    </p>
                  ) : (
                    <>
                      <UsernameStatus
                        availability={
                          usernameChanging ? availability : { state: 'current', username: form.username }
                        }
                      />
                      {usernameChanging ? (
                        <p className="text-[13px] text-warning-fg">
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
            <div className="-my-4 divide-y divide-line">
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

      {/* Only once something changed: a bar with nothing to save just covers the form. */}
      {dirty || pending || formError ? (
        <div
          className="sticky bottom-0 z-30 -mx-4 mt-8 animate-fade-up border-t border-line bg-canvas/85 px-4 py-3 backdrop-blur-xl sm:mx-0 sm:rounded-2xl sm:border sm:px-4"
          data-testid="edit-save-bar"
        >
          {formError ? (
            <div className="mb-3">
              <FormAlert>{formError}</FormAlert>
            </div>
          ) : null}
          <div className="flex items-center justify-between gap-3">
            <p className="text-[13px] text-warning-fg" aria-live="polite">
              You have unsaved changes
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
      ) : null}
    </div>
  );
}
