'use client';

import type { TAttachment } from '@guftagu/contracts';
import { ArrowDownIcon } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { Spinner } from '@/components/ui/spinner';
import type { useChatScroll } from '@/features/messages/hooks/use-chat-scroll';
import type { TimelineItem } from '@/features/messages/timeline';
import { DateSeparator } from './date-separator';
import type { DisplayMessage } from './display';
import type { MessageAction } from './message-actions';
import { MessageBubble } from './message-bubble';
import { TypingIndicator } from './typing-indicator';

/**
 * The scrolling message history. All loaded pages stay mounted (50 per page, loaded only on demand) and
 * each row uses `content-visibility: auto`, so the browser skips layout and paint for rows far off
 * screen; that keeps long histories smooth without a virtual list fighting the scroll anchoring.
 */
export function ChatLog({
  scroll,
  timeline,
  now,
  hasOlder,
  loadingOlder,
  onLoadOlder,
  highlight,
  otherName,
  nameOf,
  typing,
  onAction,
  onJump,
  onOpenImage,
  onRetry,
  onDiscard,
  empty,
}: {
  scroll: ReturnType<typeof useChatScroll>;
  timeline: TimelineItem<DisplayMessage>[];
  now: number;
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  highlight: string | null;
  otherName: string;
  nameOf: (userId: string) => string;
  typing: boolean;
  onAction: (message: DisplayMessage, action: MessageAction) => void;
  onJump: (messageId: string) => void;
  onOpenImage: (message: DisplayMessage, attachment: TAttachment) => void;
  onRetry: (nonce: string) => void;
  onDiscard: (nonce: string) => void;
  empty: boolean;
}) {
  // Infinite scroll up: a sentinel at the top loads the next older page when it comes into view.
  const sentinel = useRef<HTMLDivElement>(null);
  const loadRef = useRef(onLoadOlder);
  loadRef.current = onLoadOlder;
  useEffect(() => {
    const element = sentinel.current;
    const root = scroll.scrollRef.current;
    if (!element || !root || !hasOlder) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) loadRef.current();
      },
      { root, rootMargin: '400px 0px 0px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasOlder, scroll.scrollRef]);

  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={scroll.scrollRef}
        onScroll={scroll.onScroll}
        className="absolute inset-0 overflow-y-auto overscroll-contain [scrollbar-gutter:stable]"
        data-testid="chat-scroll"
      >
        <div ref={scroll.contentRef} className="flex min-h-full flex-col justify-end pb-2">
          <div ref={sentinel} className="flex min-h-10 items-center justify-center py-3">
            {hasOlder ? (
              loadingOlder ? (
                <Spinner size={18} className="text-fg-subtle" label="Loading older messages" />
              ) : (
                <button
                  type="button"
                  onClick={onLoadOlder}
                  className="rounded-full px-3 py-1 text-xs font-medium text-fg-subtle hover:bg-fill hover:text-fg-soft"
                >
                  Load older messages
                </button>
              )
            ) : empty ? null : (
              <p className="text-xs text-fg-faint">This is the beginning of your conversation</p>
            )}
          </div>
          {empty ? (
            <div
              className="flex flex-1 flex-col items-center justify-center px-6 pb-10 text-center"
              data-testid="chat-empty"
            >
              <p className="font-display text-lg font-semibold text-fg">Say hello 👋</p>
              <p className="mt-1 max-w-xs text-sm text-fg-subtle">
                Messages with {otherName} show up here. Be the first to say something.
              </p>
            </div>
          ) : null}
          <div
            role="log"
            aria-live="polite"
            aria-relevant="additions"
            aria-label={`Messages with ${otherName}`}
            data-testid="message-log"
          >
            {timeline.map((item) =>
              item.kind === 'day' ? (
                <DateSeparator key={item.key} label={item.label} />
              ) : (
                <div key={item.key} className="[content-visibility:auto] [contain-intrinsic-size:auto_64px]">
                  <MessageBubble
                    message={item.message}
                    now={now}
                    joinsPrevious={item.joinsPrevious}
                    joinsNext={item.joinsNext}
                    highlighted={item.message.id !== null && item.message.id === highlight}
                    otherName={otherName}
                    nameOf={nameOf}
                    onAction={onAction}
                    onJump={onJump}
                    onOpenImage={onOpenImage}
                    onRetry={onRetry}
                    onDiscard={onDiscard}
                  />
                </div>
              ),
            )}
          </div>
          <div className="pt-2">
            <TypingIndicator name={otherName} visible={typing} />
          </div>
        </div>
      </div>
      {!scroll.atBottom ? (
        <button
          type="button"
          onClick={() => scroll.scrollToBottom(true)}
          className="absolute bottom-4 left-1/2 inline-flex -translate-x-1/2 animate-scale-in items-center gap-1.5 rounded-full border border-line bg-raised/95 py-2 pr-4 pl-3 text-[13px] font-medium text-fg shadow-lift backdrop-blur-md hover:bg-elevated"
          data-testid="new-messages-pill"
        >
          <ArrowDownIcon aria-hidden size={15} />
          {scroll.unseen > 0
            ? `${scroll.unseen} new message${scroll.unseen === 1 ? '' : 's'}`
            : 'Back to latest'}
        </button>
      ) : null}
    </div>
  );
}
