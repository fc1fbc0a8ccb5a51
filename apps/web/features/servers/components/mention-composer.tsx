'use client';

import type { TMember, TRole } from '@guftagu/contracts';
import { AtSignIcon, ShieldIcon } from 'lucide-react';
import {
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Avatar } from '@/components/ui/avatar';
import { cn } from '@/lib/utils';
import { insertMention, type MentionCandidate, mentionCandidates, mentionQuery } from '../mentions';

/**
 * Mention autocomplete around the shared composer (features/messages' MessageInput, which has no hook
 * for it): the textarea is read through the DOM, arrow/enter/tab/escape are taken in the capture phase
 * while the list is open, and the pick is written back through the input event React listens to.
 */
export function MentionComposer({
  members,
  roles,
  canMentionEveryone,
  me,
  className,
  children,
}: {
  className?: string | undefined;
  members: readonly TMember[];
  roles: readonly TRole[];
  canMentionEveryone: boolean;
  me: string;
  children: ReactNode;
}) {
  const wrapper = useRef<HTMLDivElement>(null);
  const listId = useId();
  const [state, setState] = useState<{ start: number; caret: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);

  const textarea = useCallback(
    () => wrapper.current?.querySelector<HTMLTextAreaElement>('textarea') ?? null,
    [],
  );

  const candidates = useMemo<MentionCandidate[]>(
    () => (state ? mentionCandidates(state.query, { members, roles, canMentionEveryone, me }) : []),
    [state, members, roles, canMentionEveryone, me],
  );
  const open = state !== null && candidates.length > 0 && dismissedAt !== state.start;

  const read = useCallback(() => {
    const element = textarea();
    if (!element || element.selectionStart !== element.selectionEnd) {
      setState(null);
      return;
    }
    const caret = element.selectionStart;
    const found = mentionQuery(element.value, caret);
    setState((current) => {
      if (!found) return null;
      if (current?.start !== found.start || current.query !== found.query) setActive(0);
      return { ...found, caret };
    });
  }, [textarea]);

  const pick = (candidate: MentionCandidate) => {
    const element = textarea();
    if (!element || !state) return;
    const next = insertMention(element.value, state.start, state.caret, candidate.insert);
    // React owns the value: set it the way a keystroke would so MessageInput's onChange sees it.
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
    setter?.call(element, next.text);
    element.dispatchEvent(new Event('input', { bubbles: true }));
    element.focus();
    element.setSelectionRange(next.caret, next.caret);
    setState(null);
  };

  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!open || !(event.target instanceof HTMLTextAreaElement) || event.nativeEvent.isComposing) return;
    const take = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    switch (event.key) {
      case 'ArrowDown':
        take();
        setActive((index) => (index + 1) % candidates.length);
        break;
      case 'ArrowUp':
        take();
        setActive((index) => (index - 1 + candidates.length) % candidates.length);
        break;
      case 'Enter':
      case 'Tab': {
        const candidate = candidates[active];
        if (!candidate || event.shiftKey) return;
        take();
        pick(candidate);
        break;
      }
      case 'Escape':
        take();
        setDismissedAt(state.start);
        break;
    }
  };

  const activeIndex = Math.min(active, candidates.length - 1);
  const activeCandidate = open ? candidates[activeIndex] : undefined;
  // The textarea is MessageInput's: describe the open list on it for screen readers (combobox pattern).
  useEffect(() => {
    const element = wrapper.current?.querySelector('textarea');
    if (!element) return;
    element.setAttribute('aria-autocomplete', 'list');
    if (open) {
      element.setAttribute('aria-expanded', 'true');
      element.setAttribute('aria-controls', listId);
      element.setAttribute('aria-activedescendant', `${listId}-${activeIndex}`);
    } else {
      element.setAttribute('aria-expanded', 'false');
      element.removeAttribute('aria-controls');
      element.removeAttribute('aria-activedescendant');
    }
  }, [open, listId, activeIndex]);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: it only listens to the composer's own textarea (caret moves, keys) to drive the suggestions.
    <div
      ref={wrapper}
      className={cn('relative', className)}
      onKeyDownCapture={onKeyDownCapture}
      onInput={read}
      onKeyUp={(event) => {
        if (open && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) return;
        read();
      }}
      onClick={read}
      onBlur={(event) => {
        if (!wrapper.current?.contains(event.relatedTarget as Node | null)) setState(null);
      }}
    >
      {open ? (
        <div
          className="absolute inset-x-3 bottom-full z-30 mb-1 animate-scale-in overflow-hidden rounded-2xl border border-line bg-raised shadow-lift sm:inset-x-5"
          data-testid="mention-popup"
        >
          <p className="px-3 pt-2.5 pb-1 text-[11px] font-semibold tracking-wide text-fg-subtle uppercase">
            {state?.query ? `Matching @${state.query}` : 'Mention someone'}
          </p>
          <div
            id={listId}
            role="listbox"
            aria-label="Mention suggestions"
            className="max-h-72 overflow-y-auto p-1.5"
          >
            {candidates.map((candidate, index) => {
              const selected = candidate === activeCandidate;
              return (
                // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard selection happens in the textarea (aria-activedescendant).
                <div
                  key={candidate.key}
                  id={`${listId}-${index}`}
                  role="option"
                  tabIndex={-1}
                  aria-selected={selected}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => pick(candidate)}
                  onMouseEnter={() => setActive(index)}
                  className={cn(
                    'flex cursor-pointer items-center gap-2.5 rounded-xl px-2.5 py-1.5 text-[14px] text-fg-soft',
                    selected && 'bg-fill-strong text-fg',
                  )}
                  data-testid="mention-option"
                  data-kind={candidate.kind}
                >
                  {candidate.kind === 'user' ? (
                    <Avatar name={candidate.label} src={candidate.avatar ?? null} size={24} />
                  ) : (
                    <span className="inline-flex size-6 items-center justify-center rounded-full bg-fill-strong text-fg-muted">
                      {candidate.kind === 'role' ? (
                        <ShieldIcon
                          aria-hidden
                          size={13}
                          style={candidate.color ? { color: candidate.color } : undefined}
                        />
                      ) : (
                        <AtSignIcon aria-hidden size={13} />
                      )}
                    </span>
                  )}
                  <span
                    className="min-w-0 truncate font-medium"
                    style={
                      candidate.kind === 'role' && candidate.color ? { color: candidate.color } : undefined
                    }
                  >
                    {candidate.label}
                  </span>
                  <span className="ml-auto shrink-0 truncate text-xs text-fg-subtle">{candidate.detail}</span>
                </div>
              );
            })}
          </div>
        </div>
      ) : null}
      {children}
    </div>
  );
}
