import type { ChatLine } from '@/features/chat/lib/session-state';
import { cn } from '@/lib/utils';

/** One line of the in-call text chat: yours on the right, theirs on the left, system notes centred. */
export function ChatMessage({ line, partnerName }: { line: ChatLine; partnerName: string }) {
  if (line.from === 'system') {
    return (
      <li
        className="mx-auto max-w-[90%] py-1 text-center text-[12px] leading-relaxed text-fg-subtle"
        data-testid="chat-system-line"
      >
        {line.text}
      </li>
    );
  }
  const mine = line.from === 'me';
  return (
    <li
      className={cn('flex flex-col gap-0.5', mine ? 'items-end' : 'items-start')}
      data-testid="chat-message"
      data-from={line.from}
      data-state={line.state}
    >
      <span className="sr-only">{mine ? 'You' : partnerName}: </span>
      <p
        className={cn(
          'max-w-[85%] rounded-2xl px-3.5 py-2 text-[14px] leading-snug break-words whitespace-pre-wrap',
          mine
            ? 'rounded-br-md bg-[image:var(--gradient-button)] text-on-accent'
            : 'rounded-bl-md border border-line bg-fill text-fg',
          line.state === 'sending' && 'opacity-70',
          line.state === 'failed' && 'border border-danger-bright/40 bg-danger/15 text-danger-fg',
        )}
      >
        {line.text}
      </p>
      {line.state === 'failed' ? (
        <span className="text-[11px] text-danger-fg" role="alert">
          Not sent{line.error ? ` — ${line.error}` : ''}
        </span>
      ) : null}
    </li>
  );
}
