import { MessageIcon } from '@/components/ui/Icons';

/** Wide screens: the right pane before a conversation is picked. (Phones show only the list here.) */
export default function MessagesPage() {
  return (
    <div
      className="flex h-full flex-col items-center justify-center px-8 text-center"
      data-testid="messages-placeholder"
    >
      <span className="inline-flex size-16 items-center justify-center rounded-3xl border border-brand-400/20 bg-brand-500/10 text-brand-300 shadow-[var(--shadow-glow)]">
        <MessageIcon size={28} />
      </span>
      <h2 className="mt-6 font-display text-xl font-semibold text-ink-50">Your messages</h2>
      <p className="mt-2 max-w-xs text-[15px] leading-relaxed text-ink-400">
        Pick a conversation to keep talking, or message a friend from your friends list.
      </p>
    </div>
  );
}
