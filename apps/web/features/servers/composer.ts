import type { TChannel } from '@guftagu/contracts';

/** Why the composer is off, or what it accepts. */
export function composerPlaceholder(
  channel: Pick<TChannel, 'name' | 'type' | 'slowModeSeconds'>,
  canSend: boolean,
  canAttach: boolean,
): string {
  if (!canSend) {
    return channel.type === 'announcement'
      ? 'Only people allowed to post can post in this announcement channel'
      : 'You don’t have permission to send messages in this channel';
  }
  if (channel.slowModeSeconds > 0) return `Message #${channel.name} (slow mode is on)`;
  return canAttach ? `Message #${channel.name}` : `Message #${channel.name} (no attachments here)`;
}
