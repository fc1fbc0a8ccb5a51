'use client';

import { useEffect, useState } from 'react';
import type { ChannelTyping } from '../message-queries';

/** "Ayesha is typing…", "Ayesha and Bilal are typing…", "Several people are typing…". */
export function typingSentence(names: readonly string[]): string | null {
  if (names.length === 0) return null;
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  if (names.length === 3) return `${names[0]}, ${names[1]} and ${names[2]} are typing…`;
  return 'Several people are typing…';
}

/** Who is typing, under the composer; each indicator hides itself if its stop never comes. */
export function TypingLine({
  typing,
  me,
  nameOf,
}: {
  typing: ChannelTyping;
  me: string;
  nameOf: (userId: string, fallback: string) => string;
}) {
  const [now, setNow] = useState(() => Date.now());
  const entries = Object.entries(typing).filter(([userId, entry]) => userId !== me && entry.until > now);
  const active = Object.keys(typing).length > 0;
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  const sentence = typingSentence(entries.map(([userId, entry]) => nameOf(userId, entry.username)));
  return (
    <div aria-live="polite" className="flex h-6 items-center px-4 text-xs text-fg-muted sm:px-6">
      {sentence ? (
        <span className="inline-flex animate-fade-in items-center gap-2" data-testid="typing-indicator">
          <span aria-hidden className="flex gap-[3px]">
            {[0, 1, 2].map((dot) => (
              <span
                key={dot}
                className="size-1.5 rounded-full bg-fg-muted"
                style={{ animation: 'typing 1.2s ease-in-out infinite', animationDelay: `${dot * 0.15}s` }}
              />
            ))}
          </span>
          <span className="font-medium text-fg-soft">{sentence}</span>
        </span>
      ) : null}
    </div>
  );
}
