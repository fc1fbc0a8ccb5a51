'use client';

import { useState } from 'react';
import { cn, hueOf, initialsOf } from '@/lib/utils';

/**
 * A server's picture, or its initials on a gradient that is stable per server (like avatars). The
 * squircle rounds further when active or hovered, the way Discord's rail does.
 */
export function ServerIcon({
  name,
  src,
  size = 48,
  active = false,
  className,
}: {
  name: string;
  src: string | null;
  size?: number;
  active?: boolean;
  className?: string;
}) {
  const [failed, setFailed] = useState(false);
  const hue = hueOf(name);
  const showImage = Boolean(src) && !failed;
  return (
    <span
      aria-hidden
      className={cn(
        'relative flex shrink-0 items-center justify-center overflow-hidden font-display font-semibold text-on-accent select-none',
        'transition-[border-radius,filter] duration-200 ease-out-quart',
        active ? 'rounded-[32%]' : 'rounded-[42%] group-hover/rail:rounded-[32%]',
        className,
      )}
      style={{
        width: size,
        height: size,
        fontSize: Math.max(11, Math.round(size * 0.32)),
        backgroundImage: showImage
          ? undefined
          : `linear-gradient(140deg, hsl(${hue} 78% 62%), hsl(${(hue + 52) % 360} 68% 42%))`,
      }}
    >
      {showImage ? (
        // biome-ignore lint/performance/noImgElement: server icons are uploads on our own origin or CDN; next/image would need each host allow-listed.
        <img
          src={src ?? undefined}
          alt=""
          className="size-full object-cover"
          onError={() => setFailed(true)}
          referrerPolicy="no-referrer"
        />
      ) : (
        initialsOf(name)
      )}
      <span
        aria-hidden
        className="pointer-events-none absolute inset-0 rounded-[inherit] ring-1 ring-line-strong ring-inset"
      />
    </span>
  );
}
