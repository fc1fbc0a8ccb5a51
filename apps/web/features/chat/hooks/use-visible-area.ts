'use client';

import { type RefObject, useLayoutEffect } from 'react';

/**
 * Sizes a fixed layer to what the person can actually see: from under the site header down to the top of
 * the on-screen keyboard. `100dvh` alone ignores the keyboard on iOS and on Android's default
 * (resizes-visual), so the visual viewport decides. Sets `--chat-top` and `--chat-height` (px) on the
 * element; its CSS keeps fallbacks for the first paint.
 */
export function useVisibleArea(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const viewport = window.visualViewport;
    const header = document.querySelector('header');
    const update = () => {
      const viewportTop = viewport?.offsetTop ?? 0;
      const bottom = viewport ? viewportTop + viewport.height : window.innerHeight;
      // When the browser pans the page to show the keyboard, the header scrolls out of sight.
      const top = Math.max(header?.getBoundingClientRect().bottom ?? 0, viewportTop);
      element.style.setProperty('--chat-top', `${top}px`);
      element.style.setProperty('--chat-height', `${Math.max(0, bottom - top)}px`);
    };
    update();
    viewport?.addEventListener('resize', update);
    viewport?.addEventListener('scroll', update);
    window.addEventListener('resize', update);
    const observer = header ? new ResizeObserver(update) : null;
    if (header) observer?.observe(header);
    return () => {
      viewport?.removeEventListener('resize', update);
      viewport?.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
      observer?.disconnect();
    };
  }, [ref]);
}
