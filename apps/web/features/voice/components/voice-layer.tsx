'use client';

import { useEffect, useRef } from 'react';
import { useAuth } from '@/features/auth/auth-context';
import { loadPreferences } from '@/features/chat/lib/preferences';
import { fetchIceServers } from '@/features/chat/queries';
import { useSocket } from '@/lib/socket/socket-context';
import { setActiveVoice, VoiceController } from '../lib/voice-controller';
import { useVoiceState } from '../lib/voice-store';

/** One participant's sound; deafening mutes every one of them locally. */
function PeerAudio({
  userId,
  stream,
  muted,
}: {
  userId: string;
  stream: MediaStream | null;
  muted: boolean;
}) {
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
  return (
    <audio
      ref={ref}
      autoPlay
      muted={muted}
      className="hidden"
      data-testid="voice-audio"
      data-user-id={userId}
    />
  );
}

/**
 * The voice connection of this tab, mounted once in the servers shell: it owns the controller and
 * plays every participant's audio whichever screen is showing.
 */
export function VoiceLayer() {
  const { socket } = useSocket();
  const { authedRequest, status, user } = useAuth();
  const requestRef = useRef(authedRequest);
  requestRef.current = authedRequest;
  const me = user?.id ?? null;
  const state = useVoiceState();

  useEffect(() => {
    if (!socket || status !== 'authenticated' || !me) return;
    const controller = new VoiceController({
      socket,
      me,
      fetchIceServers: () => fetchIceServers(requestRef.current),
      hideIp: () => loadPreferences().hideIp,
    });
    setActiveVoice(controller);
    return () => {
      setActiveVoice(null);
      controller.dispose();
    };
  }, [socket, status, me]);

  return (
    <>
      {Object.entries(state.peers).map(([userId, peer]) => (
        <PeerAudio key={userId} userId={userId} stream={peer.stream} muted={state.selfDeaf} />
      ))}
    </>
  );
}
