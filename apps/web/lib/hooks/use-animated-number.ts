'use client';

import { useEffect, useRef, useState } from 'react';
import { usePrefersReducedMotion } from './use-prefers-reduced-motion';

const easeOutCubic = (t: number) => 1 - (1 - t) ** 3;

/**
 * Tweens towards `target` with requestAnimationFrame whenever it changes. The first value is shown as is
 * (no count-up from zero), and users who prefer reduced motion always get the exact value immediately.
 */
export function useAnimatedNumber(target: number | null, durationMs = 700): number | null {
  const reducedMotion = usePrefersReducedMotion();
  const [display, setDisplay] = useState<number | null>(target);
  const displayRef = useRef<number | null>(target);

  useEffect(() => {
    const from = displayRef.current;
    if (target === null || from === null || reducedMotion || from === target) {
      displayRef.current = target;
      setDisplay(target);
      return;
    }
    let frame = 0;
    const start = performance.now();
    const step = (now: number) => {
      const progress = Math.min(1, (now - start) / durationMs);
      const value = from + (target - from) * easeOutCubic(progress);
      displayRef.current = value;
      setDisplay(value);
      if (progress < 1) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [target, durationMs, reducedMotion]);

  return display;
}
