'use client';

import { PlayIcon } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { cn } from '@/lib/utils';

export interface VideoPlayerProps {
  stream: MediaStream | null;
  /** The local preview is muted (no echo) and mirrored (people expect to see themselves as in a mirror). */
  muted?: boolean;
  mirrored?: boolean;
  label: string;
  className?: string;
  'data-testid'?: string;
}

/**
 * A <video> bound to a MediaStream. Remote tracks arrive one by one on the same stream, so playback is
 * (re)started on `addtrack`. If the browser refuses to autoplay with sound, a button asks for the tap
 * that unlocks it rather than leaving a frozen frame.
 */
export function VideoPlayer({
  stream,
  muted = false,
  mirrored = false,
  label,
  className,
  ...rest
}: VideoPlayerProps) {
  const ref = useRef<HTMLVideoElement | null>(null);
  const [blocked, setBlocked] = useState(false);

  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    if (video.srcObject !== stream) video.srcObject = stream;
    if (!stream) return;
    const play = () =>
      video.play().then(
        () => setBlocked(false),
        (error: unknown) => {
          if (error instanceof DOMException && error.name === 'NotAllowedError') setBlocked(true);
        },
      );
    void play();
    stream.addEventListener('addtrack', play);
    return () => stream.removeEventListener('addtrack', play);
  }, [stream]);

  return (
    <>
      <video
        ref={ref}
        autoPlay
        playsInline
        muted={muted}
        aria-label={label}
        className={cn('size-full object-cover', mirrored && '-scale-x-100', className)}
        data-testid={rest['data-testid']}
      />
      {blocked ? (
        <button
          type="button"
          onClick={() => void ref.current?.play().then(() => setBlocked(false))}
          className="absolute inset-0 flex flex-col items-center justify-center gap-3 bg-canvas/60 text-sm font-medium text-fg backdrop-blur-sm"
        >
          <span className="inline-flex size-14 items-center justify-center rounded-full bg-fill-strong">
            <PlayIcon size={26} />
          </span>
          Tap to play with sound
        </button>
      ) : null}
    </>
  );
}
