'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import {
  acquireLocalMedia,
  type DeviceOption,
  listDevices,
  type MediaProblem,
  stopStream,
} from '@/lib/webrtc/media';

export interface MediaPreview {
  stream: MediaStream | null;
  status: 'idle' | 'requesting' | 'ready' | 'failed';
  /** Why video or audio is missing (also set when we fell back to audio only). */
  problem: MediaProblem | null;
  hasVideo: boolean;
  hasAudio: boolean;
  cameraOn: boolean;
  micOn: boolean;
  cameras: DeviceOption[];
  microphones: DeviceOption[];
  cameraId: string | null;
  microphoneId: string | null;
}

const INITIAL: MediaPreview = {
  stream: null,
  status: 'idle',
  problem: null,
  hasVideo: false,
  hasAudio: false,
  cameraOn: true,
  micOn: true,
  cameras: [],
  microphones: [],
  cameraId: null,
  microphoneId: null,
};

function deviceIdOf(track: MediaStreamTrack | undefined): string | null {
  return track?.getSettings().deviceId ?? null;
}

/**
 * The local camera and microphone for /chat: acquired on mount, re-acquired when a device is picked,
 * stopped on unmount. Camera and mic toggles flip `track.enabled`, so the partner receives black frames
 * and silence instead of a renegotiation, and the light on the camera stays honest about what is sent.
 */
export function useMediaPreview() {
  const [state, setState] = useState<MediaPreview>(INITIAL);
  const streamRef = useRef<MediaStream | null>(null);
  const togglesRef = useRef({ cameraOn: true, micOn: true });
  // A request can resolve after the page is gone; its camera must then be released at once.
  const mountedRef = useRef(true);

  const acquire = useCallback(async (devices?: { videoDeviceId?: string; audioDeviceId?: string }) => {
    setState((current) => ({ ...current, status: 'requesting' }));
    const result = await acquireLocalMedia(devices);
    if (result.kind === 'ok' && !mountedRef.current) {
      stopStream(result.stream);
      return;
    }
    if (result.kind === 'failed') {
      setState((current) => ({ ...current, status: 'failed', problem: result.problem }));
      return;
    }
    const previous = streamRef.current;
    streamRef.current = result.stream;
    stopStream(previous);
    const { cameraOn, micOn } = togglesRef.current;
    for (const track of result.stream.getVideoTracks()) track.enabled = cameraOn;
    for (const track of result.stream.getAudioTracks()) track.enabled = micOn;
    const { cameras, microphones } = await listDevices().catch(() => ({ cameras: [], microphones: [] }));
    setState((current) => ({
      ...current,
      stream: result.stream,
      status: 'ready',
      problem: result.problem,
      hasVideo: result.hasVideo,
      hasAudio: result.hasAudio,
      cameras,
      microphones,
      cameraId: deviceIdOf(result.stream.getVideoTracks()[0]),
      microphoneId: deviceIdOf(result.stream.getAudioTracks()[0]),
    }));
  }, []);

  useEffect(() => {
    mountedRef.current = true;
    void acquire();
    return () => {
      mountedRef.current = false;
      stopStream(streamRef.current);
      streamRef.current = null;
    };
  }, [acquire]);

  const setCameraOn = useCallback((on: boolean) => {
    togglesRef.current.cameraOn = on;
    for (const track of streamRef.current?.getVideoTracks() ?? []) track.enabled = on;
    setState((current) => ({ ...current, cameraOn: on }));
  }, []);

  const setMicOn = useCallback((on: boolean) => {
    togglesRef.current.micOn = on;
    for (const track of streamRef.current?.getAudioTracks() ?? []) track.enabled = on;
    setState((current) => ({ ...current, micOn: on }));
  }, []);

  const chooseCamera = useCallback(
    (deviceId: string) =>
      acquire({ videoDeviceId: deviceId, audioDeviceId: state.microphoneId ?? undefined }),
    [acquire, state.microphoneId],
  );
  const chooseMicrophone = useCallback(
    (deviceId: string) => acquire({ videoDeviceId: state.cameraId ?? undefined, audioDeviceId: deviceId }),
    [acquire, state.cameraId],
  );

  return { ...state, retry: () => acquire(), setCameraOn, setMicOn, chooseCamera, chooseMicrophone };
}
