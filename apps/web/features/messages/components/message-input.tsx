'use client';

import type { TAttachment } from '@guftagu/contracts';
import { PaperclipIcon, PencilIcon, SendIcon, SmileIcon } from 'lucide-react';
import {
  type ChangeEvent,
  type ClipboardEvent,
  type KeyboardEvent,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { type UploadFile, useAttachmentDrafts } from '@/features/messages/hooks/use-attachment-drafts';
import { MESSAGE_MAX_LENGTH } from '@/features/messages/limits';
import { cn } from '@/lib/utils';
import { AttachmentTray } from './attachment-tray';
import { type ComposerContext, ComposerContextBar } from './composer-context-bar';
import { EmojiPicker } from './emoji-picker';

/** The textarea grows with its text up to this height, then scrolls. */
const MAX_INPUT_HEIGHT = 168;
/** The counter appears once a message gets long enough for the limit to matter. */
const COUNTER_FROM = 1500;

const iconButton =
  'inline-flex size-10 shrink-0 items-center justify-center rounded-xl text-fg-muted transition-colors hover:bg-fill hover:text-fg disabled:pointer-events-none disabled:opacity-40';

export function MessageInput({
  disabled = false,
  placeholder = 'Write a message…',
  context,
  editText,
  onCancelContext,
  onSend,
  onEdit,
  onTyping,
  upload,
  onReject,
}: {
  disabled?: boolean;
  placeholder?: string;
  context: ComposerContext | null;
  /** The text to edit when `context.kind` is "edit". */
  editText?: string;
  onCancelContext: () => void;
  onSend: (text: string, attachments: TAttachment[]) => void;
  onEdit: (messageId: string, text: string) => void;
  /** Called on every keystroke with text present, and with false when the draft empties or is sent. */
  onTyping: (active: boolean) => void;
  upload: UploadFile;
  onReject: (message: string) => void;
}) {
  const [text, setText] = useState('');
  const savedDraft = useRef('');
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const attachments = useAttachmentDrafts(upload, onReject);
  const editing = context?.kind === 'edit';

  // Entering edit mode swaps the draft for the message's text; leaving it restores the draft.
  const editingId = editing ? context.messageId : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: editingId is the trigger; editText is read once per edit.
  useEffect(() => {
    if (editingId) {
      savedDraft.current = textareaRef.current?.value ?? '';
      setText(editText ?? '');
    } else if (savedDraft.current) {
      setText(savedDraft.current);
      savedDraft.current = '';
    }
    if (context) textareaRef.current?.focus();
  }, [editingId, context?.messageId]);

  // Auto-expand: measure the content height after every change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: text is the trigger; the DOM is what we read.
  useLayoutEffect(() => {
    const element = textareaRef.current;
    if (!element) return;
    element.style.height = 'auto';
    element.style.height = `${Math.min(element.scrollHeight, MAX_INPUT_HEIGHT)}px`;
    element.style.overflowY = element.scrollHeight > MAX_INPUT_HEIGHT ? 'auto' : 'hidden';
  }, [text]);

  const length = text.length;
  const tooLong = length > MESSAGE_MAX_LENGTH;
  const hasText = text.trim().length > 0;
  const canSend =
    !disabled &&
    !tooLong &&
    (editing ? hasText : (hasText || attachments.drafts.length > 0) && attachments.ready);

  const submit = () => {
    if (!canSend) return;
    if (editing && context) {
      onEdit(context.messageId, text.trim());
    } else {
      onSend(text.trim(), attachments.attachments);
      attachments.clear();
    }
    setText('');
    onTyping(false);
    textareaRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // IME composition (Japanese, Chinese…) uses Enter to confirm a candidate, not to send.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape' && context) {
      event.preventDefault();
      onCancelContext();
    }
  };

  const onChange = (event: ChangeEvent<HTMLTextAreaElement>) => {
    setText(event.target.value);
    if (!editing) onTyping(event.target.value.trim().length > 0);
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = Array.from(event.clipboardData.files);
    if (files.length > 0 && !editing) {
      event.preventDefault();
      attachments.add(files);
    }
  };

  const insertEmoji = (emoji: string) => {
    const element = textareaRef.current;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    const next = `${text.slice(0, start)}${emoji}${text.slice(end)}`;
    setText(next);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + emoji.length, start + emoji.length);
    });
  };

  return (
    <div className="border-t border-line bg-canvas/70 px-3 pt-2 pb-[max(0.75rem,env(safe-area-inset-bottom))] backdrop-blur-xl sm:px-5">
      {context ? <ComposerContextBar context={context} onCancel={onCancelContext} /> : null}

      <AttachmentTray drafts={attachments.drafts} onRemove={attachments.remove} onRetry={attachments.retry} />

      <div
        className={cn(
          'flex items-end gap-1 rounded-2xl border bg-surface/90 p-1.5 shadow-inset-well transition-[border-color,box-shadow] duration-200',
          tooLong
            ? 'border-danger-bright/60'
            : 'border-line focus-within:border-accent-bright/60 focus-within:shadow-focus-accent',
        )}
      >
        <input
          ref={fileRef}
          type="file"
          multiple
          className="hidden"
          onChange={(event) => {
            attachments.add(Array.from(event.target.files ?? []));
            event.target.value = '';
          }}
          data-testid="attachment-input"
        />
        <button
          type="button"
          className={iconButton}
          onClick={() => fileRef.current?.click()}
          disabled={disabled || editing}
          aria-label="Attach files"
          title="Attach files"
        >
          <PaperclipIcon aria-hidden size={20} />
        </button>
        <EmojiPicker
          onPick={insertEmoji}
          trigger={
            <button
              type="button"
              className={iconButton}
              disabled={disabled}
              aria-label="Insert emoji"
              data-testid="emoji-button"
            >
              <SmileIcon aria-hidden size={20} />
            </button>
          }
        />
        <label className="sr-only" htmlFor="message-input">
          Message
        </label>
        <textarea
          id="message-input"
          ref={textareaRef}
          rows={1}
          value={text}
          disabled={disabled}
          placeholder={placeholder}
          onChange={onChange}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => onTyping(false)}
          aria-describedby="message-input-help"
          aria-invalid={tooLong || undefined}
          className="min-h-10 flex-1 resize-none bg-transparent px-2 py-2 text-[15px] leading-6 text-fg outline-none placeholder:text-fg-faint disabled:cursor-not-allowed"
          data-testid="message-input"
        />
        {length >= COUNTER_FROM ? (
          <span
            className={cn(
              'tabular self-center px-1 text-xs',
              tooLong ? 'font-semibold text-danger-fg' : 'text-fg-subtle',
            )}
            data-testid="message-counter"
          >
            {length}/{MESSAGE_MAX_LENGTH}
          </span>
        ) : null}
        <button
          type="button"
          onClick={submit}
          disabled={!canSend}
          className={cn(
            'inline-flex size-10 shrink-0 items-center justify-center rounded-xl text-on-accent transition-[filter,opacity,transform] duration-200 active:scale-95 disabled:opacity-35',
            'bg-[image:var(--gradient-button)] shadow-[var(--shadow-glow)] hover:brightness-110',
          )}
          aria-label={editing ? 'Save edit' : 'Send message'}
          data-testid="send-button"
        >
          {editing ? <PencilIcon aria-hidden size={18} /> : <SendIcon aria-hidden size={18} />}
        </button>
      </div>
      <p id="message-input-help" className="sr-only">
        Enter sends, Shift+Enter starts a new line. Up to {MESSAGE_MAX_LENGTH} characters.
      </p>
    </div>
  );
}
