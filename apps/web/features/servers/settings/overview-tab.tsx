'use client';

import { SERVER_DESCRIPTION_MAX, SERVER_NAME_MAX } from '@guftagu/contracts';
import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { useToast } from '@/components/ui/toast';
import { useAuth } from '@/features/auth/auth-context';
import { errorMessage } from '@/lib/api';
import { IconPicker, uploadIcon } from '../components/create-server-dialog';
import { useServerActions } from '../hooks/use-server-actions';
import type { ServerDetail } from '../queries';
import { SectionHeading } from './server-settings';

/** Name, description and icon. */
export function OverviewTab({ detail }: { detail: ServerDetail }) {
  const { server } = detail;
  const { token } = useAuth();
  const actions = useServerActions();
  const { toast } = useToast();
  const [name, setName] = useState(server.name);
  const [description, setDescription] = useState(server.description ?? '');
  const [icon, setIcon] = useState<File | null>(null);
  const [removeIcon, setRemoveIcon] = useState(false);
  const [busy, setBusy] = useState(false);
  const dirty =
    name.trim() !== server.name ||
    description.trim() !== (server.description ?? '') ||
    icon !== null ||
    removeIcon;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const iconId = icon ? await uploadIcon(icon, token) : removeIcon ? null : undefined;
      await actions.update(server.id, {
        name: name.trim(),
        description: description.trim() || null,
        ...(iconId !== undefined ? { iconId } : {}),
      });
      setIcon(null);
      setRemoveIcon(false);
      toast({ title: 'Saved', tone: 'success' });
    } catch (error) {
      toast({ title: 'Couldn’t save', description: errorMessage(error), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={save} data-testid="settings-overview">
      <SectionHeading title="Server overview">
        How your server looks to members and to people you invite.
      </SectionHeading>
      <div className="flex flex-col gap-6">
        <IconPicker
          name={name}
          current={removeIcon ? null : server.icon}
          file={icon}
          onFile={(file) => {
            setIcon(file);
            setRemoveIcon(file === null);
          }}
        />
        <Input
          label="Server name"
          value={name}
          maxLength={SERVER_NAME_MAX}
          onChange={(event) => setName(event.target.value)}
        />
        <Textarea
          label="Description"
          value={description}
          maxLength={SERVER_DESCRIPTION_MAX}
          onChange={(event) => setDescription(event.target.value)}
          placeholder="Tell people what this server is about"
        />
      </div>
      <div className="sticky bottom-0 mt-8 flex justify-end gap-2 border-t border-line bg-canvas/90 py-4 backdrop-blur-md">
        <Button
          variant="ghost"
          disabled={!dirty || busy}
          onClick={() => {
            setName(server.name);
            setDescription(server.description ?? '');
            setIcon(null);
            setRemoveIcon(false);
          }}
        >
          Reset
        </Button>
        <Button type="submit" loading={busy} disabled={!dirty || name.trim().length < 2}>
          Save changes
        </Button>
      </div>
    </form>
  );
}
