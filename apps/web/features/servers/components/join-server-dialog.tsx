'use client';

import { LinkIcon } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { type FormEvent, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Modal, ModalClose } from '@/components/ui/modal';
import { useToast } from '@/components/ui/toast';
import { errorMessage } from '@/lib/api';
import { useServerActions } from '../hooks/use-server-actions';
import { parseInviteInput } from '../invite-code';

/** "Join a server": paste an invite link or code. */
export function JoinServerDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const actions = useServerActions();
  const router = useRouter();
  const { toast } = useToast();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) {
      setValue('');
      setError(null);
    }
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const code = parseInviteInput(value);
    if (!code) {
      setError('Paste an invite link like https://…/invite/hTKzmak or just its code.');
      return;
    }
    setBusy(true);
    try {
      const result = await actions.join(code);
      onOpenChange(false);
      toast({
        title: result.joined ? `Welcome to ${result.server.name}` : `You’re already in ${result.server.name}`,
        tone: 'success',
      });
      router.push(`/servers/${result.server.id}`);
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
      title="Join a server"
      description="Enter an invite below to join an existing server."
    >
      <form onSubmit={submit} className="flex flex-col gap-5" data-testid="join-server-form">
        <Input
          label="Invite link"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
          placeholder="https://guftagu.app/invite/hTKzmak"
          prefix={<LinkIcon aria-hidden size={16} />}
          error={error ?? undefined}
          hint="Invites look like hTKzmak, or a link ending in /invite/hTKzmak."
          autoFocus
          autoComplete="off"
          spellCheck={false}
          data-testid="join-server-input"
        />
        <div className="flex justify-end gap-2">
          <ModalClose asChild>
            <Button variant="ghost" disabled={busy}>
              Cancel
            </Button>
          </ModalClose>
          <Button type="submit" loading={busy} disabled={!value.trim()} data-testid="join-server-submit">
            Join server
          </Button>
        </div>
      </form>
    </Modal>
  );
}
