/**
 * Getting the camera and microphone. Video chat with strangers still works without a camera (audio only)
 * or without any device (text only), so every failure is classified instead of being a dead end.
 */

export type MediaProblem =
  /** The person (or the browser's site settings) said no. */
  | 'denied'
  /** No camera and no microphone exist. */
  | 'no_device'
  /** A device exists but another app holds it, or the hardware failed to start. */
  | 'busy'
  /** Not a secure context, or a browser without getUserMedia. */
  | 'unsupported';

export type MediaResult =
  | { kind: 'ok'; stream: MediaStream; hasVideo: boolean; hasAudio: boolean; problem: MediaProblem | null }
  | { kind: 'failed'; problem: MediaProblem };

export const MEDIA_PROBLEM_COPY: Record<MediaProblem, { title: string; body: string }> = {
  denied: {
    title: 'Camera and microphone are blocked',
    body: 'Allow access in your browser’s site settings (the icon next to the address bar), then try again. You can still chat by text.',
  },
  no_device: {
    title: 'No camera or microphone found',
    body: 'Plug one in and try again, or continue with text chat only.',
  },
  busy: {
    title: 'Your camera is in use',
    body: 'Another app or tab may be using it. Close it and try again.',
  },
  unsupported: {
    title: 'Video isn’t available in this browser',
    body: 'Open Guftagu over HTTPS in a current browser to use your camera. Text chat still works.',
  },
};

const VIDEO_CONSTRAINTS: MediaTrackConstraints = {
  width: { ideal: 1280 },
  height: { ideal: 720 },
  frameRate: { ideal: 30, max: 30 },
  facingMode: 'user',
};

const AUDIO_CONSTRAINTS: MediaTrackConstraints = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
};

export function classifyMediaError(error: unknown): MediaProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'no_device';
    case 'NotReadableError':
    case 'AbortError':
      return 'busy';
    default:
      return 'unsupported';
  }
}

function request(constraints: MediaStreamConstraints): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia(constraints);
}

/**
 * Camera + mic, falling back to mic only and then camera only. A denial is final (asking again for less
 * would just show the prompt twice); a missing or busy device is worked around.
 */
export async function acquireLocalMedia(deviceIds?: {
  videoDeviceId?: string;
  audioDeviceId?: string;
}): Promise<MediaResult> {
  if (typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
    return { kind: 'failed', problem: 'unsupported' };
  }
  const video: MediaTrackConstraints = deviceIds?.videoDeviceId
    ? { ...VIDEO_CONSTRAINTS, deviceId: { exact: deviceIds.videoDeviceId } }
    : VIDEO_CONSTRAINTS;
  const audio: MediaTrackConstraints = deviceIds?.audioDeviceId
    ? { ...AUDIO_CONSTRAINTS, deviceId: { exact: deviceIds.audioDeviceId } }
    : AUDIO_CONSTRAINTS;

  let firstProblem: MediaProblem | null = null;
  for (const constraints of [{ video, audio }, { audio }, { video }] satisfies MediaStreamConstraints[]) {
    try {
      const stream = await request(constraints);
      return {
        kind: 'ok',
        stream,
        hasVideo: stream.getVideoTracks().length > 0,
        hasAudio: stream.getAudioTracks().length > 0,
        problem: firstProblem,
      };
    } catch (error) {
      const problem = classifyMediaError(error);
      firstProblem ??= problem;
      if (problem === 'denied' || problem === 'unsupported') return { kind: 'failed', problem };
    }
  }
  return { kind: 'failed', problem: firstProblem ?? 'no_device' };
}

export function stopStream(stream: MediaStream | null | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

export interface DeviceOption {
  deviceId: string;
  label: string;
}

/** Labels are only filled in after permission was granted, so this is called after acquiring media. */
export async function listDevices(): Promise<{ cameras: DeviceOption[]; microphones: DeviceOption[] }> {
  if (!navigator.mediaDevices?.enumerateDevices) return { cameras: [], microphones: [] };
  const devices = await navigator.mediaDevices.enumerateDevices();
  const pick = (kind: MediaDeviceKind, fallback: string) =>
    devices
      .filter((device) => device.kind === kind && device.deviceId)
      .map((device, index) => ({
        deviceId: device.deviceId,
        label: device.label || `${fallback} ${index + 1}`,
      }));
  return { cameras: pick('videoinput', 'Camera'), microphones: pick('audioinput', 'Microphone') };
}
