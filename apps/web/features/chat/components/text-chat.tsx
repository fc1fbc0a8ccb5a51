'use client';

import { MATCH_CHAT_MESSAGE_MAX } from '@guftagu/contracts';
import { SendIcon } from 'lucide-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { ChatLine } from '@/features/chat/lib/session-state';
import { cn } from '@/lib/utils';
import { ChatMessage } from './chat-message';

/** Stop telling the partner we type after this long without a keystroke. */
const TYPING_IDLE_MS = 2500;

export interface TextChatProps {
  lines: ChatLine[];
  partnerName: string;
  partnerTyping: boolean;
  enabled: boolean;
  onSend: (text: string) => Promise<boolean>;
  onTyping: (active: boolean) => void;
  className?: string;
}

/** The text chat beside the video: ≤ 500 characters per message, typing indicator both ways. */
export function TextChat({
  lines,
  partnerName,
  partnerTyping,
  enabled,
  onSend,
  onTyping,
  className,
}: TextChatProps) {
  const [draft, setDraft] = useState('');
  const listRef = useRef<HTMLUListElement | null>(null);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const remaining = MATCH_CHAT_MESSAGE_MAX - draft.length;

  // Keep the newest message in view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolling is a reaction to new lines and the typing row.
  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [lines.length, partnerTyping]);

  useEffect(
    () => () => {
      if (idleTimer.current) clearTimeout(idleTimer.current);
    },
    [],
  );

  const onChange = (value: string) => {
    setDraft(value.slice(0, MATCH_CHAT_MESSAGE_MAX));
    if (idleTimer.current) clearTimeout(idleTimer.current);
    if (value.trim()) {
      onTyping(true);
      idleTimer.current = setTimeout(() => onTyping(false), TYPING_IDLE_MS);
    } else {
      onTyping(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text || !enabled) return;
    if (idleTimer.current) clearTimeout(idleTimer.current);
    setDraft('');
    const sent = await onSend(text);
    if (!sent) setDraft((current) => current || text);
  };

  return (
    <section
      aria-label="Text chat"
      className={cn('card flex min-h-0 flex-col overflow-hidden rounded-3xl', className)}
      data-testid="text-chat"
    >
      <ul
        ref={listRef}
        className="flex min-h-0 flex-1 flex-col gap-2 overflow-y-auto px-4 py-4"
        aria-live="polite"
        aria-relevant="additions"
      >
        {lines.length === 0 ? (
          <li className="m-auto text-center text-[13px] text-fg-faint">
            Messages appear here once you’re matched.
          </li>
        ) : (
          lines.map((line) => <ChatMessage key={line.id} line={line} partnerName={partnerName} />)
        )}
      </ul>
      <div className="h-6 px-4 text-[12px] text-fg-subtle" aria-live="polite">
        {partnerTyping ? (
          <span className="inline-flex items-center gap-1.5" data-testid="partner-typing">
            <span className="inline-flex gap-0.5" aria-hidden>
              {[0, 1, 2].map((dot) => (
                <span
                  key={dot}
                  className="size-1 animate-typing rounded-full bg-fg-muted"
                  style={{ animationDelay: `${dot * 150}ms` }}
                />
              ))}
            </span>
            {partnerName} is typing…
          </span>
        ) : null}
      </div>
      <form onSubmit={submit} className="flex items-center gap-2 border-t border-line p-2.5">
        <label htmlFor="chat-input" className="sr-only">
          Message {partnerName}
        </label>
        <input
          id="chat-input"
          value={draft}
          onChange={(event) => onChange(event.target.value)}
          onBlur={() => onTyping(false)}
          disabled={!enabled}
          maxLength={MATCH_CHAT_MESSAGE_MAX}
          autoComplete="off"
          placeholder={enabled ? 'Type a message…' : 'Chat opens when you’re matched'}
          aria-describedby="chat-input-count"
          className="h-10 min-w-0 flex-1 rounded-xl border border-line bg-surface/80 px-3 text-[14px] text-fg outline-none placeholder:text-fg-faint focus:border-accent-bright/70 disabled:opacity-50"
          data-testid="chat-input"
        />
        <span
          id="chat-input-count"
          className={cn('tabular w-8 text-right text-[11px]', remaining < 50 ? 'text-warning-fg' : 'sr-only')}
        >
          {remaining}
        </span>
        <button
          type="submit"
          disabled={!enabled || !draft.trim()}
          aria-label="Send message"
          className="inline-flex size-10 shrink-0 items-center justify-center rounded-xl bg-[image:var(--gradient-button)] text-on-accent transition-[filter,opacity] hover:brightness-110 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus disabled:opacity-40"
          data-testid="chat-send"
        >
          <SendIcon size={17} />
        </button>
      </form>
    </section>
  );
}
