import { PencilIcon, ReplyIcon, XIcon } from 'lucide-react';

export interface ComposerContext {
  kind: 'reply' | 'edit';
  messageId: string;
  /** Whose message is being replied to ("Ayesha" / "yourself"); unused for edits. */
  name: string;
  snippet: string;
}

/** Above the composer: the message being replied to or edited, with a way to cancel. */
export function ComposerContextBar({
  context,
  onCancel,
}: {
  context: ComposerContext;
  onCancel: () => void;
}) {
  return (
    <div
      className="mb-2 flex items-center gap-3 rounded-xl border-l-2 border-accent-bright bg-fill-subtle py-2 pr-2 pl-3"
      data-testid="composer-context"
      data-kind={context.kind}
    >
      {context.kind === 'reply' ? (
        <ReplyIcon aria-hidden size={16} className="shrink-0 text-accent-fg" />
      ) : (
        <PencilIcon aria-hidden size={16} className="shrink-0 text-accent-fg" />
      )}
      <div className="min-w-0 flex-1">
        <p className="text-xs font-semibold text-accent-soft">
          {context.kind === 'reply' ? `Replying to ${context.name}` : 'Editing message'}
        </p>
        <p className="truncate text-[13px] text-fg-muted">{context.snippet}</p>
      </div>
      <button
        type="button"
        onClick={onCancel}
        className="inline-flex size-8 items-center justify-center rounded-lg text-fg-muted hover:bg-fill hover:text-fg"
        aria-label={context.kind === 'reply' ? 'Cancel reply' : 'Cancel editing'}
      >
        <XIcon aria-hidden size={16} />
      </button>
    </div>
  );
}
