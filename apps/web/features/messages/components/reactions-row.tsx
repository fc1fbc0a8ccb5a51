import type { TDmReaction } from '@guftagu/contracts';
import { cn } from '@/lib/utils';

/** The reaction chips under a bubble; a chip toggles my reaction with that emoji. */
export function ReactionsRow({
  reactions,
  mine,
  onToggle,
  nameOf,
}: {
  reactions: TDmReaction[];
  mine: boolean;
  onToggle: (emoji: string) => void;
  nameOf: (userId: string) => string;
}) {
  if (reactions.length === 0) return null;
  return (
    <div
      className={cn('-mt-1.5 flex flex-wrap gap-1 px-1', mine ? 'justify-end' : 'justify-start')}
      data-testid="reactions"
    >
      {reactions.map((reaction) => {
        const who = reaction.userIds.map(nameOf).join(', ');
        return (
          <button
            key={reaction.emoji}
            type="button"
            onClick={() => onToggle(reaction.emoji)}
            aria-pressed={reaction.mine}
            aria-label={`${reaction.emoji} ${reaction.count}, by ${who}${reaction.mine ? '. Remove your reaction' : '. React too'}`}
            title={who}
            className={cn(
              'relative z-[1] inline-flex h-6 items-center gap-1 rounded-full border px-1.5 text-[13px] leading-none shadow-lift transition-[transform,background-color] active:scale-95',
              reaction.mine
                ? 'border-accent-bright/60 bg-accent-strong/40 text-on-accent'
                : 'border-line bg-raised text-fg-soft hover:bg-elevated',
            )}
            data-testid="reaction-chip"
            data-emoji={reaction.emoji}
          >
            <span className="font-emoji">{reaction.emoji}</span>
            {reaction.count > 1 ? (
              <span className="tabular text-[11px] font-semibold">{reaction.count}</span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
