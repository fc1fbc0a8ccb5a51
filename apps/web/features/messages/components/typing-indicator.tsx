import { cn } from '@/lib/utils';

/** "Ayesha is typing…" with three bouncing dots; announced politely to screen readers. */
export function TypingIndicator({ name, visible }: { name: string; visible: boolean }) {
  return (
    <div aria-live="polite" className="min-h-6 px-4 sm:px-6">
      {visible ? (
        <div
          className="inline-flex animate-scale-in items-center gap-2 rounded-full border border-line bg-fill-subtle py-1 pr-3 pl-2.5 text-xs text-fg-muted"
          data-testid="typing-indicator"
        >
          <span aria-hidden className="flex gap-[3px]">
            {[0, 1, 2].map((dot) => (
              <span
                key={dot}
                className={cn('size-1.5 rounded-full bg-fg-muted')}
                style={{ animation: 'typing 1.2s ease-in-out infinite', animationDelay: `${dot * 0.15}s` }}
              />
            ))}
          </span>
          <span>
            <span className="font-medium text-fg-soft">{name}</span> is typing…
          </span>
        </div>
      ) : null}
    </div>
  );
}
