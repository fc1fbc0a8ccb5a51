'use client';

import { useCallback, useEffect, useRef } from 'react';

/** Re-send "typing" at most this often while keys keep coming (the server expires it after 6 s). */
const RESEND_MS = 2500;
/** Stop after this long without a keystroke. */
const IDLE_MS = 3000;

/**
 * Turns keystrokes into `dm_typing_start` / `dm_typing_stop` with little traffic: one start per 2.5 s of
 * typing, one stop when the draft empties, is sent, loses focus or goes quiet.
 */
export function useTypingEmitter(emit: (active: boolean) => void) {
  const lastStart = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const emitRef = useRef(emit);
  emitRef.current = emit;

  const stop = useCallback(() => {
    if (idle.current) clearTimeout(idle.current);
    idle.current = null;
    if (lastStart.current !== 0) {
      lastStart.current = 0;
      emitRef.current(false);
    }
  }, []);

  const onTyping = useCallback(
    (active: boolean) => {
      if (!active) {
        stop();
        return;
      }
      const now = Date.now();
      if (now - lastStart.current > RESEND_MS) {
        lastStart.current = now;
        emitRef.current(true);
      }
      if (idle.current) clearTimeout(idle.current);
      idle.current = setTimeout(stop, IDLE_MS);
    },
    [stop],
  );

  useEffect(() => stop, [stop]);
  return onTyping;
}
