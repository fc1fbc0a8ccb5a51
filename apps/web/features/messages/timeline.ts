import { dayKey, formatDayLabel } from './format';

/** What the timeline needs from a message; the store's messages satisfy it. */
export interface TimelineMessage {
  senderId: string;
  createdAt: string;
}

export type TimelineItem<M extends TimelineMessage> =
  | { kind: 'day'; key: string; label: string }
  | {
      kind: 'message';
      key: string;
      message: M;
      /** The previous/next bubble is from the same sender within a few minutes: tighten the gap. */
      joinsPrevious: boolean;
      joinsNext: boolean;
    };

/** Bubbles from one sender closer together than this read as one burst. */
const GROUP_GAP_MS = 5 * 60 * 1000;

function joins(a: TimelineMessage | undefined, b: TimelineMessage | undefined): boolean {
  if (!a || !b || a.senderId !== b.senderId || dayKey(a.createdAt) !== dayKey(b.createdAt)) return false;
  return Math.abs(new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime()) < GROUP_GAP_MS;
}

/** Messages (oldest first) → day separators and bubbles with their grouping. */
export function buildTimeline<M extends TimelineMessage>(
  messages: readonly M[],
  now: number,
  keyOf: (message: M) => string,
): TimelineItem<M>[] {
  const items: TimelineItem<M>[] = [];
  let currentDay: string | null = null;
  messages.forEach((message, index) => {
    const day = dayKey(message.createdAt);
    if (day !== currentDay) {
      currentDay = day;
      items.push({ kind: 'day', key: `day-${day}`, label: formatDayLabel(message.createdAt, now) });
    }
    items.push({
      kind: 'message',
      key: keyOf(message),
      message,
      joinsPrevious: joins(messages[index - 1], message),
      joinsNext: joins(message, messages[index + 1]),
    });
  });
  return items;
}
