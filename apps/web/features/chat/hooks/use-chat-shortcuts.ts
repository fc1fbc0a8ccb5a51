'use client';

import { useEffect, useRef } from 'react';

/** `keys` uses the aria-keyshortcuts syntax; `display` is what the tooltip shows. */
export const CHAT_SHORTCUTS = {
  next: { keys: 'N ArrowRight', display: 'N' },
  stop: { keys: 'Escape', display: 'Esc' },
  mic: { keys: 'M', display: 'M' },
  camera: { keys: 'V', display: 'V' },
} as const;

export interface ShortcutHandlers {
  onNext: () => void;
  onStop: () => void;
  onToggleMic: () => void;
  onToggleCamera: () => void;
}

/** True when the key press belongs to something else: typing, a dialog, a menu or a modified key. */
function isForeign(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.repeat) return true;
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  return Boolean(target.closest('[role="dialog"], [role="menu"], [role="listbox"]'));
}

/**
 * Window-level shortcuts while a chat is running. Esc stops, N or → skips, M and V toggle mic and camera.
 * They stay quiet while you type in the chat box or use a dialog, so Esc closes the report dialog
 * instead of ending the call.
 */
export function useChatShortcuts(enabled: boolean, handlers: ShortcutHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isForeign(event)) return;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const action =
        key === 'Escape'
          ? ref.current.onStop
          : key === 'n' || key === 'ArrowRight'
            ? ref.current.onNext
            : key === 'm'
              ? ref.current.onToggleMic
              : key === 'v'
                ? ref.current.onToggleCamera
                : null;
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
