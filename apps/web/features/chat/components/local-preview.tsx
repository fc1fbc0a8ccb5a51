'use client';

import { MoveIcon, VideoOffIcon } from 'lucide-react';
import { type KeyboardEvent, type PointerEvent, useRef, useState } from 'react';
import { cn } from '@/lib/utils';
import { VideoPlayer } from './video-player';

type Corner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

const CORNER_CLASSES: Record<Corner, string> = {
  'top-left': 'top-3 left-3 sm:top-4 sm:left-4',
  'top-right': 'top-14 right-3 sm:top-4 sm:right-4',
  // Only the desktop layout lays the call controls over the video's bottom edge.
  'bottom-left': 'bottom-3 left-3 sm:left-4 lg:bottom-24',
  'bottom-right': 'bottom-3 right-3 sm:right-4 lg:bottom-24',
};

const NEXT_CORNER: Record<Corner, Corner> = {
  'bottom-right': 'bottom-left',
  'bottom-left': 'top-left',
  'top-left': 'top-right',
  'top-right': 'bottom-right',
};

const ARROWS: Record<string, (corner: Corner) => Corner> = {
  ArrowLeft: (c) => (c.endsWith('right') ? (c.replace('right', 'left') as Corner) : c),
  ArrowRight: (c) => (c.endsWith('left') ? (c.replace('left', 'right') as Corner) : c),
  ArrowUp: (c) => (c.startsWith('bottom') ? (c.replace('bottom', 'top') as Corner) : c),
  ArrowDown: (c) => (c.startsWith('top') ? (c.replace('top', 'bottom') as Corner) : c),
};

/**
 * Your own small video during a call. Drag it (or use its move button and the arrow keys) to any corner so it
 * never covers what matters; it snaps to the nearest corner on release.
 */
export function LocalPreview({
  stream,
  cameraOn,
  mirrored,
}: {
  stream: MediaStream | null;
  cameraOn: boolean;
  mirrored: boolean;
}) {
  const [corner, setCorner] = useState<Corner>('bottom-right');
  const [drag, setDrag] = useState<{ x: number; y: number } | null>(null);
  const start = useRef<{ x: number; y: number } | null>(null);
  const ref = useRef<HTMLDivElement | null>(null);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    start.current = { x: event.clientX, y: event.clientY };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!start.current) return;
    setDrag({ x: event.clientX - start.current.x, y: event.clientY - start.current.y });
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    const box = ref.current?.getBoundingClientRect();
    const stage = ref.current?.parentElement?.getBoundingClientRect();
    start.current = null;
    setDrag(null);
    if (!box || !stage) return;
    const centerX = box.left + box.width / 2 - stage.left;
    const centerY = box.top + box.height / 2 - stage.top;
    const vertical = centerY < stage.height / 2 ? 'top' : 'bottom';
    const horizontal = centerX < stage.width / 2 ? 'left' : 'right';
    setCorner(`${vertical}-${horizontal}`);
    event.currentTarget.releasePointerCapture(event.pointerId);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const move = ARROWS[event.key];
    if (!move) return;
    event.preventDefault();
    event.stopPropagation();
    setCorner(move);
  };

  return (
    <div
      ref={ref}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      className={cn(
        'group absolute z-10 aspect-[3/4] max-h-[45%] w-[26%] max-w-44 min-w-24 cursor-grab touch-none overflow-hidden rounded-2xl border border-line-strong bg-raised shadow-float sm:aspect-video sm:w-[24%] sm:max-w-60',
        drag ? 'cursor-grabbing' : 'transition-[top,left,right,bottom] duration-300 ease-out-expo',
        CORNER_CLASSES[corner],
      )}
      style={drag ? { transform: `translate(${drag.x}px, ${drag.y}px)` } : undefined}
      data-testid="local-preview"
    >
      <VideoPlayer stream={stream} muted mirrored={mirrored} label="Your camera" data-testid="local-video" />
      {!cameraOn ? (
        <div className="absolute inset-0 flex items-center justify-center bg-sunken text-fg-subtle">
          <VideoOffIcon size={22} />
        </div>
      ) : null}
      {/* Keyboard and switch users move the tile with this button instead of dragging. */}
      <button
        type="button"
        onClick={() => setCorner(NEXT_CORNER[corner])}
        onKeyDown={onKeyDown}
        onPointerDown={(event) => event.stopPropagation()}
        aria-label={`Move your preview (now ${corner.replace('-', ' ')}). Arrow keys pick a corner.`}
        className="absolute top-1.5 right-1.5 inline-flex size-7 items-center justify-center rounded-lg bg-canvas/60 text-fg opacity-0 transition-opacity group-hover:opacity-100 focus-visible:opacity-100 focus-visible:outline-2 focus-visible:outline-focus"
        data-testid="local-preview-move"
      >
        <MoveIcon size={14} />
      </button>
      <span className="absolute bottom-1.5 left-1.5 rounded-md bg-canvas/60 px-1.5 py-0.5 text-[10px] font-medium text-fg-soft">
        You
      </span>
    </div>
  );
}
