'use client';

import { UserIcon } from 'lucide-react';
import { type CSSProperties, useState } from 'react';
import { cn, hueOf, initialsOf } from '@/lib/utils';

export interface AvatarDot {
  /** The dot's fill, e.g. `bg-live`. */
  className: string;
  'data-testid'?: string;
  'data-status'?: string;
}

export interface AvatarProps {
  /** Empty shows a neutral person glyph (e.g. before someone has picked a name). */
  name: string;
  src?: string | null;
  size?: number;
  className?: string;
  /** A status dot in the bottom-right corner. */
  dot?: AvatarDot | null;
  /** Shorthand for a green presence dot. */
  online?: boolean;
}

/** Dot diameter and the gap cut around it, for an avatar of `size` px. */
export function dotGeometry(size: number): { dot: number; gap: number } {
  return { dot: Math.max(10, Math.round(size * 0.25)), gap: Math.max(2, Math.round(size * 0.05)) };
}

/**
 * The picture is cut out around the dot instead of ringing the dot with a colour: a ring has to match
 * whatever surface the avatar sits on (header glass, menus, cards) and looks like a dark halo where it
 * does not, while a cut-out shows the real surface behind it everywhere.
 */
function cutOut(size: number): CSSProperties {
  const { dot, gap } = dotGeometry(size);
  const centre = size - dot / 2;
  const hole = dot / 2 + gap;
  const mask = `radial-gradient(circle at ${centre}px ${centre}px, transparent ${hole}px, #000 ${hole + 0.5}px)`;
  return { maskImage: mask, WebkitMaskImage: mask };
}

/** A picture when there is one, otherwise initials on a gradient that is stable per name. */
export function Avatar({ name, src, size = 40, className, dot, online }: AvatarProps) {
  const [failed, setFailed] = useState(false);
  const hue = hueOf(name);
  const showImage = Boolean(src) && !failed;
  const shownDot = dot ?? (online ? { className: 'bg-live' } : null);
  const anonymous = name.trim() === '';

  return (
    <span
      className={cn('relative inline-flex shrink-0 select-none', className)}
      style={{ width: size, height: size }}
    >
      <span
        className={cn(
          'relative flex size-full items-center justify-center overflow-hidden rounded-full font-display font-semibold',
          anonymous && !showImage ? 'bg-fill-strong text-fg-subtle' : 'text-on-accent',
        )}
        style={{
          fontSize: Math.max(11, Math.round(size * 0.36)),
          backgroundImage:
            anonymous && !showImage
              ? undefined
              : `linear-gradient(135deg, hsl(${hue} 80% 66%), hsl(${(hue + 48) % 360} 70% 46%))`,
          ...(shownDot ? cutOut(size) : null),
        }}
      >
        {showImage ? (
          // biome-ignore lint/performance/noImgElement: user pictures come from arbitrary hosts; next/image would need each one allow-listed.
          <img
            src={src ?? undefined}
            alt=""
            className="size-full object-cover"
            onError={() => setFailed(true)}
            referrerPolicy="no-referrer"
          />
        ) : anonymous ? (
          <UserIcon size={Math.round(size * 0.46)} aria-hidden />
        ) : (
          <span aria-hidden>{initialsOf(name)}</span>
        )}
        {/* Inside the clipped circle, so the hairline edge follows the cut-out too. */}
        <span
          aria-hidden
          className="pointer-events-none absolute inset-0 rounded-full ring-1 ring-line-strong ring-inset"
        />
      </span>
      {anonymous ? null : <span className="sr-only">{name}</span>}
      {shownDot ? (
        <span
          aria-hidden
          data-testid={shownDot['data-testid']}
          data-status={shownDot['data-status']}
          className={cn('absolute right-0 bottom-0 block rounded-full', shownDot.className)}
          // No glow: in a cut-out it would bleed back onto the picture.
          style={{ width: dotGeometry(size).dot, height: dotGeometry(size).dot, boxShadow: 'none' }}
        />
      ) : null}
      {online && !dot ? <span className="sr-only">(online)</span> : null}
    </span>
  );
}
