import type { TChannelMessage } from '@guftagu/contracts';

/**
 * A channel's pinned messages, most recently pinned first, as the server lists them. Each updater is
 * idempotent (LiveCache may replay it over a fetch that was in flight).
 */
export type PinList = readonly TChannelMessage[];

export const pinAdded =
  (message: TChannelMessage) =>
  (pins: PinList): PinList => [
    { ...message, pinned: true },
    ...pins.filter((item) => item.id !== message.id),
  ];

export const pinRemoved =
  (messageId: string) =>
  (pins: PinList): PinList =>
    pins.some((item) => item.id === messageId) ? pins.filter((item) => item.id !== messageId) : pins;

export const pinEdited =
  (messageId: string, content: string, editedAt: string) =>
  (pins: PinList): PinList =>
    pins.map((item) =>
      item.id === messageId && (item.editedAt ?? '') <= editedAt
        ? { ...item, content, edited: true, editedAt }
        : item,
    );
