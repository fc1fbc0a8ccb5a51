'use client';

import { useEffect, useRef } from 'react';

/** The other side's sound, independent of which call screen is showing (the video elements are muted). */
export function RemoteAudio({ stream }: { stream: MediaStream | null }) {
  const ref = useRef<HTMLAudioElement | null>(null);
  useEffect(() => {
    const audio = ref.current;
    if (!audio) return;
    if (audio.srcObject !== stream) audio.srcObject = stream;
    if (!stream) return;
    const play = () => void audio.play().catch(() => {});
    play();
    stream.addEventListener('addtrack', play);
    return () => stream.removeEventListener('addtrack', play);
  }, [stream]);
  // biome-ignore lint/a11y/useMediaCaption: live call audio has no captions to offer.
  return <audio ref={ref} autoPlay className="hidden" data-testid="call-remote-audio" />;
}
