'use client';

import type { TSelfUser } from '@guftagu/contracts';
import { CameraIcon, TrashIcon } from 'lucide-react';
import { type ChangeEvent, useRef, useState } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useToast } from '@/components/ui/toast';
import { useAuth } from '@/features/auth/auth-context';
import { useSocialApi } from '@/features/friends/social-api';
import { errorMessage, isApiError } from '@/lib/api';
import { nameOf } from '@/lib/utils';
import { AVATAR_TYPES, avatarFileProblem } from '../avatar-image';
import { AvatarCropper } from './avatar-cropper';
import { Section } from './edit-section';

/** Upload (after cropping) or remove the profile photo; applies at once, outside the form. */
export function PhotoSection({ user }: { user: TSelfUser }) {
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
            className="absolute -right-1 -bottom-1 inline-flex size-9 items-center justify-center rounded-full border border-line-strong bg-raised text-fg shadow-lg transition-colors hover:bg-elevated"
            aria-label="Change profile photo"
          >
            <CameraIcon size={17} aria-hidden />
          </button>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => fileRef.current?.click()} data-testid="avatar-upload">
            <CameraIcon size={16} aria-hidden /> {user.profilePicture ? 'Change photo' : 'Upload photo'}
          </Button>
          {user.profilePicture ? (
            <Button
              variant="ghost"
              onClick={() => setConfirmRemove(true)}
              className="hover:text-danger-fg"
              data-testid="avatar-remove"
            >
              <TrashIcon size={16} aria-hidden /> Remove
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
