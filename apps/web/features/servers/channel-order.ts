import type { TChannel } from '@guftagu/contracts';
import { groupChannels } from './access';

/** Positions only: each channel keeps its category. */
export interface ChannelMove {
  id: string;
  position: number;
}

/**
 * Moving one channel a step up or down among its siblings (the channels of its category, or the
 * categories themselves): the siblings' new positions, 0…n-1, for the reorder route; null at an end.
 */
export function moveChannel(
  channels: readonly TChannel[],
  channelId: string,
  direction: -1 | 1,
): ChannelMove[] | null {
  const groups = groupChannels(channels);
  const target = channels.find((channel) => channel.id === channelId);
  if (!target) return null;
  const siblings =
    target.type === 'category'
      ? groups.flatMap((group) => (group.category ? [group.category] : []))
      : (groups.find((group) => group.channels.some((channel) => channel.id === channelId))?.channels ?? []);
  const index = siblings.findIndex((channel) => channel.id === channelId);
  const swap = index + direction;
  if (index < 0 || swap < 0 || swap >= siblings.length) return null;
  const next = [...siblings];
  [next[index], next[swap]] = [next[swap] as TChannel, next[index] as TChannel];
  return next.map((channel, position) => ({ id: channel.id, position }));
}
