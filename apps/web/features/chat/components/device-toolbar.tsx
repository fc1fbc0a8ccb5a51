'use client';

import { MicIcon, MicOffIcon, VideoIcon, VideoOffIcon } from 'lucide-react';
import { cn } from '@/lib/utils';
import type { DeviceOption } from '@/lib/webrtc/media';

function DevicePicker({
  label,
  devices,
  value,
  onChange,
}: {
  label: string;
  devices: DeviceOption[];
  value: string | null;
  onChange: (deviceId: string) => void;
}) {
  if (devices.length < 2) return null;
  return (
    <label className="min-w-0">
      <span className="sr-only">{label}</span>
      <select
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value)}
        className="h-9 max-w-40 truncate rounded-full border border-line bg-canvas/60 px-3 text-[12px] text-fg backdrop-blur-md focus-visible:outline-2 focus-visible:outline-focus"
      >
        {devices.map((device) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function Toggle({
  on,
  available,
  label,
  onClick,
  children,
  testId,
}: {
  on: boolean;
  available: boolean;
  label: string;
  onClick: () => void;
  children: React.ReactNode;
  testId: string;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      aria-pressed={available && !on}
      disabled={!available}
      onClick={onClick}
      data-testid={testId}
      className={cn(
        'inline-flex size-10 items-center justify-center rounded-full border backdrop-blur-md transition-colors duration-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus disabled:opacity-40',
        available && !on
          ? 'border-danger-bright/30 bg-danger/85 text-on-media'
          : 'border-line bg-canvas/50 text-on-media hover:bg-canvas/70',
      )}
    >
      {children}
    </button>
  );
}

/** Under the pre-match preview: camera/mic on-off and, when there is more than one, which device. */
export function DeviceToolbar(props: {
  cameraOn: boolean;
  micOn: boolean;
  hasVideo: boolean;
  hasAudio: boolean;
  cameras: DeviceOption[];
  microphones: DeviceOption[];
  cameraId: string | null;
  microphoneId: string | null;
  onToggleCamera: () => void;
  onToggleMic: () => void;
  onChooseCamera: (deviceId: string) => void;
  onChooseMicrophone: (deviceId: string) => void;
}) {
  return (
    <div
      role="toolbar"
      aria-label="Camera and microphone"
      className="flex flex-wrap items-center justify-center gap-2"
    >
      <Toggle
        on={props.micOn}
        available={props.hasAudio}
        label={!props.hasAudio ? 'No microphone' : props.micOn ? 'Mute microphone' : 'Unmute microphone'}
        onClick={props.onToggleMic}
        testId="preview-toggle-mic"
      >
        {props.micOn && props.hasAudio ? <MicIcon size={18} /> : <MicOffIcon size={18} />}
      </Toggle>
      <Toggle
        on={props.cameraOn}
        available={props.hasVideo}
        label={!props.hasVideo ? 'No camera' : props.cameraOn ? 'Turn camera off' : 'Turn camera on'}
        onClick={props.onToggleCamera}
        testId="preview-toggle-camera"
      >
        {props.cameraOn && props.hasVideo ? <VideoIcon size={18} /> : <VideoOffIcon size={18} />}
      </Toggle>
      <DevicePicker
        label="Camera"
        devices={props.cameras}
        value={props.cameraId}
        onChange={props.onChooseCamera}
      />
      <DevicePicker
        label="Microphone"
        devices={props.microphones}
        value={props.microphoneId}
        onChange={props.onChooseMicrophone}
      />
    </div>
  );
}
