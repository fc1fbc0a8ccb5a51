import type { TDmReplyPreview } from '@guftagu/contracts';
import { cn } from '@/lib/utils';

/** The quoted message above a reply; clicking it scrolls to the original. */
export function ReplyQuote({
  reply,
  author,
  mine,
  onJump,
}: {
  reply: TDmReplyPreview;
  author: string;
  mine: boolean;
  onJump: (messageId: string) => void;
}) {
  const text = reply.deleted
    ? 'This message was deleted'
    : reply.content ||
      (reply.messageType === 'image' ? '📷 Photo' : reply.messageType === 'file' ? '📎 File' : '');
  return (
    <button
      type="button"
      onClick={() => onJump(reply.id)}
      className={cn(
        'mb-1.5 block w-full min-w-0 rounded-lg border-l-[3px] px-2.5 py-1.5 text-left text-[13px] leading-snug transition-colors',
        mine
          ? 'border-on-accent/70 bg-fill-strong hover:bg-fill-bold'
          : 'border-accent-bright bg-canvas/20 hover:bg-canvas/30',
      )}
      aria-label={`Replying to ${author}: ${text}. Show message`}
      data-testid="reply-quote"
    >
      <span className={cn('block text-xs font-semibold', mine ? 'text-on-accent' : 'text-accent-soft')}>
        {author}
      </span>
      <span
        className={cn(
          'line-clamp-2 break-words',
          mine ? 'text-on-accent/80' : 'text-fg-muted',
          reply.deleted && 'italic',
        )}
      >
        {text}
      </span>
    </button>
  );
}
