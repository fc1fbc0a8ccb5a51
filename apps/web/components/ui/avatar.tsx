'use client';

import { useState } from 'react';
import { cn, hueOf, initialsOf } from '@/lib/utils';

export interface AvatarProps {
  name: string;
  src?: string | null;
  size?: number;
  className?: string;
  /** Shows a presence dot in the corner. */
  online?: boolean;
}

/** A picture when there is one, otherwise initials on a gradient that is stable per name. */
export function Avatar({ name, src, size = 40, className, online }: AvatarProps) {
  const [failed, setFailed] = useState(false);
  const hue = hueOf(name);
  const showImage = Boolean(src) && !failed;

  return (
    <span
      className={cn('relative inline-flex shrink-0 select-none', className)}
      style={{ width: size, height: size }}
    >
      <span
        className="flex size-full items-center justify-center overflow-hidden rounded-full font-display font-semibold text-on-accent ring-1 ring-line-strong"
        style={{
          fontSize: Math.max(11, Math.round(size * 0.36)),
          backgroundImage: `linear-gradient(135deg, hsl(${hue} 80% 66%), hsl(${(hue + 48) % 360} 70% 46%))`,
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
        ) : (
          <span aria-hidden>{initialsOf(name)}</span>
        )}
      </span>
      <span className="sr-only">{name}</span>
      {online ? (
        <>
          <span
            aria-hidden
            className="absolute right-0 bottom-0 block rounded-full bg-live ring-2 ring-canvas"
            style={{ width: Math.max(8, size * 0.18), height: Math.max(8, size * 0.18), margin: size * 0.03 }}
          />
          <span className="sr-only">(online)</span>
        </>
      ) : null}
    </span>
  );
}
