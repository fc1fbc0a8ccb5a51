'use client';

import { SERVER_DESCRIPTION_MAX, SERVER_NAME_MAX } from '@guftagu/contracts';
import { ImagePlusIcon } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Modal, ModalClose } from '@/components/ui/modal';
import { Textarea } from '@/components/ui/textarea';
import { useToast } from '@/components/ui/toast';
import { useAuth } from '@/features/auth/auth-context';
import { uploadAttachments } from '@/features/messages/upload';
import { errorMessage } from '@/lib/api';
import { nameOf } from '@/lib/utils';
import { firstTextChannel } from '../access';
import { useServerActions } from '../hooks/use-server-actions';
import { ServerIcon } from './server-icon';

/** Picks an image for a server icon and shows it at once; the upload happens on submit. */
export function IconPicker({
  name,
  current,
  file,
  onFile,
}: {
  name: string;
  current: string | null;
  file: File | null;
  onFile: (file: File | null) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => {
    if (!file) {
      setPreview(null);
      return;
    }
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);
  return (
    <div className="flex items-center gap-4">
      <button
        type="button"
        onClick={() => input.current?.click()}
        className="group/rail relative rounded-[32%] outline-none focus-visible:ring-2 focus-visible:ring-focus"
        aria-label="Choose a server icon"
      >
        <ServerIcon name={name.trim() || 'New server'} src={preview ?? current} size={72} active />
        <span className="absolute -right-1 -bottom-1 inline-flex size-7 items-center justify-center rounded-full border-2 border-sunken bg-accent text-on-accent shadow-accent-dot">
          <ImagePlusIcon aria-hidden size={14} />
        </span>
      </button>
      <div className="text-[13px] leading-relaxed text-fg-subtle">
        <p className="font-medium text-fg-soft">Server icon</p>
        <p>A square picture works best. PNG, JPG, GIF or WebP.</p>
        {file || current ? (
          <button type="button" onClick={() => onFile(null)} className="mt-1 text-accent-fg hover:underline">
            Remove
          </button>
        ) : null}
      </div>
      <input
        ref={input}
        type="file"
        accept="image/png,image/jpeg,image/gif,image/webp"
        className="hidden"
        onChange={(event) => {
          onFile(event.target.files?.[0] ?? null);
          event.target.value = '';
        }}
      />
    </div>
  );
}

/** Uploads an icon file and returns its upload id. */
export async function uploadIcon(file: File, token: string | null): Promise<string> {
  const [attachment] = await uploadAttachments([file], token, () => {}).promise;
  if (!attachment) throw new Error('The picture did not upload.');
  return attachment.id;
}

/** "Create a server": name (prefilled with mine), optional description and icon. */
export function CreateServerDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { user, token } = useAuth();
  const actions = useServerActions();
  const router = useRouter();
  const { toast } = useToast();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [icon, setIcon] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setName(user ? `${nameOf(user)}’s server` : '');
    setDescription('');
    setIcon(null);
    setError(null);
  }, [open, user]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed.length < 2) {
      setError('A server name is 2 to 100 characters.');
      return;
    }
    setBusy(true);
    try {
      const iconId = icon ? await uploadIcon(icon, token) : undefined;
      const detail = await actions.create({
        name: trimmed,
        ...(description.trim() ? { description: description.trim() } : {}),
        ...(iconId ? { iconId } : {}),
      });
      onOpenChange(false);
      toast({
        title: `${detail.server.name} is ready`,
        description: 'Invite your friends to get it going.',
        tone: 'success',
      });
      const channel = firstTextChannel(detail.channels);
      router.push(channel ? `/servers/${detail.server.id}/${channel.id}` : `/servers/${detail.server.id}`);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      onOpenChange={(next) => !busy && onOpenChange(next)}
      title="Create your server"
      description="Your server is where you and your friends hang out. Give it a name and a face."
    >
      <form onSubmit={submit} className="flex flex-col gap-5" data-testid="create-server-form">
        <IconPicker name={name} current={null} file={icon} onFile={setIcon} />
        <Input
          label="Server name"
          value={name}
          maxLength={SERVER_NAME_MAX}
          onChange={(event) => {
            setName(event.target.value);
            setError(null);
          }}
          error={error ?? undefined}
          autoFocus
          data-testid="create-server-name"
        />
        <Textarea
          label="Description (optional)"
          value={description}
          maxLength={SERVER_DESCRIPTION_MAX}
          onChange={(event) => setDescription(event.target.value)}
          placeholder="What is this place about?"
          className="min-h-20"
        />
        <div className="flex justify-end gap-2 pt-1">
          <ModalClose asChild>
            <Button variant="ghost" disabled={busy}>
              Cancel
            </Button>
          </ModalClose>
          <Button type="submit" loading={busy} data-testid="create-server-submit">
            Create server
          </Button>
        </div>
      </form>
    </Modal>
  );
}
