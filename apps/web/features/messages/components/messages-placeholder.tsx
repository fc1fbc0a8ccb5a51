import { MessageCircleIcon } from 'lucide-react';

/** The right pane on wide screens before a conversation is picked. (Phones show only the list there.) */
export function MessagesPlaceholder() {
  return (
    <div
      className="flex h-full flex-col items-center justify-center px-8 text-center"
      data-testid="messages-placeholder"
    >
      <span className="inline-flex size-16 items-center justify-center rounded-3xl border border-accent-bright/20 bg-accent/10 text-accent-fg shadow-[var(--shadow-glow)]">
        <MessageCircleIcon aria-hidden size={28} />
      </span>
      <h2 className="mt-6 font-display text-xl font-semibold text-fg">Your messages</h2>
      <p className="mt-2 max-w-xs text-[15px] leading-relaxed text-fg-subtle">
        Pick a conversation to keep talking, or message a friend from your friends list.
      </p>
    </div>
  );
}
