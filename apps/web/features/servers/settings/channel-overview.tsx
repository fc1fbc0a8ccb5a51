'use client';

import { CHANNEL_NAME_MAX, CHANNEL_TOPIC_MAX, type TChannel } from '@guftagu/contracts';
import { TrashIcon } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Switch } from '@/components/ui/switch';
import { useToast } from '@/components/ui/toast';
import { errorMessage } from '@/lib/api';
import { channelSlug } from '../components/create-channel-dialog';
import { useServerActions } from '../hooks/use-server-actions';

const SLOW_MODE = [
  { value: '0', label: 'Off' },
  { value: '5', label: '5 seconds' },
  { value: '10', label: '10 seconds' },
  { value: '30', label: '30 seconds' },
  { value: '60', label: '1 minute' },
  { value: '300', label: '5 minutes' },
  { value: '900', label: '15 minutes' },
  { value: '3600', label: '1 hour' },
  { value: '21600', label: '6 hours' },
];

/** A channel's name, topic, slow mode and age flag, and deleting it (MANAGE_CHANNELS). */
export function ChannelOverview({ serverId, channel }: { serverId: string; channel: TChannel }) {
  const actions = useServerActions();
  const { toast } = useToast();
  const [name, setName] = useState(channel.name);
  const [topic, setTopic] = useState(channel.topic ?? '');
  const [slow, setSlow] = useState(String(channel.slowModeSeconds));
  const [nsfw, setNsfw] = useState(channel.nsfw);
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState(false);
  useEffect(() => {
    setName(channel.name);
    setTopic(channel.topic ?? '');
    setSlow(String(channel.slowModeSeconds));
    setNsfw(channel.nsfw);
  }, [channel]);
  const category = channel.type === 'category';
  const dirty =
    name.trim() !== channel.name ||
    topic.trim() !== (channel.topic ?? '') ||
    Number(slow) !== channel.slowModeSeconds ||
    nsfw !== channel.nsfw;
  const slowOptions = SLOW_MODE.some((option) => option.value === slow)
    ? SLOW_MODE
    : [...SLOW_MODE, { value: slow, label: `${slow} seconds` }];

  const save = async () => {
    setBusy(true);
    try {
      await actions.updateChannel(serverId, channel.id, {
        name: name.trim(),
        ...(category ? {} : { topic: topic.trim() || null, slowModeSeconds: Number(slow), nsfw }),
      });
      toast({ title: 'Channel saved', tone: 'success' });
    } catch (error) {
      toast({ title: 'Couldn’t save the channel', description: errorMessage(error), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      className="mb-10 rounded-2xl border border-line bg-fill-subtle p-4 sm:p-5"
      aria-label="Channel overview"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Input
          label={category ? 'Category name' : 'Channel name'}
          value={name}
          maxLength={CHANNEL_NAME_MAX}
          onChange={(event) => setName(channelSlug(event.target.value, channel.type))}
        />
        {category ? null : (
          <Select label="Slow mode" options={slowOptions} value={slow} onValueChange={setSlow} />
        )}
      </div>
      {category ? null : (
        <>
          <Input
            label="Topic"
            value={topic}
            maxLength={CHANNEL_TOPIC_MAX}
            onChange={(event) => setTopic(event.target.value)}
            placeholder="Let everyone know how to use this channel"
            containerClassName="mt-4"
          />
          <Switch
            checked={nsfw}
            onCheckedChange={setNsfw}
            label="Age-restricted channel"
            description="Members must confirm they are 18 or older to view it."
            className="pb-0"
          />
        </>
      )}
      <div className="mt-4 flex items-center gap-2">
        <Button variant="danger" size="sm" onClick={() => setDeleting(true)} disabled={busy}>
          <TrashIcon aria-hidden size={15} /> Delete {category ? 'category' : 'channel'}
        </Button>
        <span className="flex-1" />
        <Button size="sm" loading={busy} disabled={!dirty || !name.trim()} onClick={save}>
          Save channel
        </Button>
      </div>
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete ${category ? '' : '#'}${channel.name}?`}
        description={
          category
            ? 'Its channels stay, outside any category.'
            : 'Every message in it goes too. This can’t be undone.'
        }
        confirmLabel="Delete"
        onConfirm={async () => {
          await actions.deleteChannel(serverId, channel.id).catch((error) => {
            toast({ title: 'Couldn’t delete', description: errorMessage(error), tone: 'error' });
            throw error;
          });
        }}
      />
    </section>
  );
}
