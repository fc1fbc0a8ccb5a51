'use client';

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** Within this many pixels of the bottom counts as "at the bottom". */
const BOTTOM_SLACK = 96;

/**
 * Scroll behaviour of the message log: start at the bottom, stay there as messages arrive unless the
 * person is reading history (then count them for the "new messages" pill), and keep the visible message
 * in place when an older page is prepended above it.
 */
export function useChatScroll({
  firstKey,
  lastKey,
  lastIsMine,
  ready,
}: {
  firstKey: string | null;
  lastKey: string | null;
  lastIsMine: boolean;
  ready: boolean;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const atBottomRef = useRef(true);
  const [atBottom, setAtBottom] = useState(true);
  const [unseen, setUnseen] = useState(0);
  const prependAnchor = useRef<{ height: number; top: number } | null>(null);
  const previous = useRef<{ first: string | null; last: string | null; ready: boolean }>({
    first: null,
    last: null,
    ready: false,
  });

  const scrollToBottom = useCallback((smooth = false) => {
    const element = scrollRef.current;
    if (!element) return;
    element.scrollTo({ top: element.scrollHeight, behavior: smooth ? 'smooth' : 'auto' });
    atBottomRef.current = true;
    setAtBottom(true);
    setUnseen(0);
  }, []);

  const onScroll = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    const bottom = element.scrollHeight - element.scrollTop - element.clientHeight < BOTTOM_SLACK;
    atBottomRef.current = bottom;
    setAtBottom(bottom);
    if (bottom) setUnseen(0);
  }, []);

  /** Call before scrolling away on purpose (jumping to a quoted message), so nothing pulls it back down. */
  const unpin = useCallback(() => {
    atBottomRef.current = false;
    setAtBottom(false);
  }, []);

  /** Call right before loading older messages, so their arrival does not move what is on screen. */
  const rememberPosition = useCallback(() => {
    const element = scrollRef.current;
    if (element) prependAnchor.current = { height: element.scrollHeight, top: element.scrollTop };
  }, []);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    const before = previous.current;
    previous.current = { first: firstKey, last: lastKey, ready };
    if (!element || !ready) return;
    if (!before.ready) {
      element.scrollTop = element.scrollHeight;
      return;
    }
    if (firstKey !== before.first && prependAnchor.current) {
      const anchor = prependAnchor.current;
      prependAnchor.current = null;
      element.scrollTop = element.scrollHeight - anchor.height + anchor.top;
    }
    if (lastKey !== before.last && lastKey !== null) {
      if (atBottomRef.current || lastIsMine) element.scrollTop = element.scrollHeight;
      else setUnseen((count) => count + 1);
    }
  }, [firstKey, lastKey, lastIsMine, ready]);

  // Images decoding, a reaction row or the typing indicator change the height: stay pinned if pinned.
  const contentRef = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the log (and its content element) mounts only once the history is ready.
  useEffect(() => {
    const content = contentRef.current;
    if (!content || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      const element = scrollRef.current;
      if (element && atBottomRef.current && !prependAnchor.current) element.scrollTop = element.scrollHeight;
    });
    observer.observe(content);
    return () => observer.disconnect();
  }, [ready]);

  return {
    scrollRef,
    contentRef,
    unpin,
    onScroll,
    atBottom,
    atBottomRef,
    unseen,
    scrollToBottom,
    rememberPosition,
  };
}
