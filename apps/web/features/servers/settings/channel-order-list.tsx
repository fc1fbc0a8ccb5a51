'use client';

import type { TChannel } from '@guftagu/contracts';
import { ChevronDownIcon, ChevronUpIcon } from 'lucide-react';
import { useState } from 'react';
import { useToast } from '@/components/ui/toast';
import { errorMessage } from '@/lib/api';
import { cn } from '@/lib/utils';
import { groupChannels } from '../access';
import { moveChannel } from '../channel-order';
import { ChannelIcon } from '../components/channel-icon';
import { useServerActions } from '../hooks/use-server-actions';

const arrow =
  'inline-flex size-8 items-center justify-center rounded-lg text-fg-muted transition-colors hover:bg-fill-strong hover:text-fg disabled:pointer-events-none disabled:opacity-30';

/** The sidebar's order with a step up/down per channel and category (MANAGE_CHANNELS). */
export function ChannelOrderList({
  serverId,
  channels,
}: {
  serverId: string;
  channels: readonly TChannel[];
}) {
  const actions = useServerActions();
  const { toast } = useToast();
  const [busy, setBusy] = useState<string | null>(null);

  const move = async (channel: TChannel, direction: -1 | 1) => {
    const moves = moveChannel(channels, channel.id, direction);
    if (!moves) return;
    setBusy(channel.id);
    try {
      await actions.reorderChannels(serverId, moves);
    } catch (error) {
      toast({ title: 'Couldn’t move the channel', description: errorMessage(error), tone: 'error' });
    } finally {
      setBusy(null);
    }
  };

  const row = (channel: TChannel, first: boolean, last: boolean, nested: boolean) => (
    <li
      key={channel.id}
      className={cn(
        'flex h-11 items-center gap-2 rounded-xl pr-1 pl-3 transition-colors hover:bg-fill-subtle',
        nested && 'ml-5',
        busy === channel.id && 'opacity-60',
      )}
      data-testid="order-row"
      data-channel-name={channel.name}
    >
      <ChannelIcon type={channel.type} size={16} className="shrink-0 text-fg-subtle" />
      <span
        className={cn(
          'min-w-0 flex-1 truncate text-[14px]',
          channel.type === 'category'
            ? 'font-semibold tracking-wide text-fg-muted uppercase'
            : 'text-fg-soft',
        )}
      >
        {channel.name}
      </span>
      <button
        type="button"
        className={arrow}
        disabled={first || busy !== null}
        onClick={() => void move(channel, -1)}
        aria-label={`Move ${channel.name} up`}
        data-testid="order-up"
      >
        <ChevronUpIcon aria-hidden size={17} />
      </button>
      <button
        type="button"
        className={arrow}
        disabled={last || busy !== null}
        onClick={() => void move(channel, 1)}
        aria-label={`Move ${channel.name} down`}
        data-testid="order-down"
      >
        <ChevronDownIcon aria-hidden size={17} />
      </button>
    </li>
  );

  const groups = groupChannels(channels);
  const categories = groups.flatMap((group) => (group.category ? [group.category] : []));
  return (
    <section className="mt-10" data-testid="channel-order">
      <h3 className="font-display text-[16px] font-semibold text-fg">Channel order</h3>
      <p className="mt-1 mb-3 text-[13px] text-fg-subtle">
        Move channels within their category, and categories among themselves. Everyone sees the new order at
        once.
      </p>
      <ul className="flex flex-col gap-0.5 rounded-2xl border border-line p-1.5" aria-label="Channel order">
        {groups.map((group) => [
          ...(group.category
            ? [
                row(
                  group.category,
                  categories[0]?.id === group.category.id,
                  categories.at(-1)?.id === group.category.id,
                  false,
                ),
              ]
            : []),
          ...group.channels.map((channel, index) =>
            row(channel, index === 0, index === group.channels.length - 1, group.category !== null),
          ),
        ])}
      </ul>
    </section>
  );
}
