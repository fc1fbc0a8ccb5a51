'use client';

import { MicIcon, MicOffIcon, MonitorUpIcon, PhoneOffIcon, VideoIcon, VideoOffIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '@/lib/utils';
import type { CallController } from '../lib/call-controller';
import type { CallState } from '../lib/call-store';

function RoundButton({
  label,
  pressed,
  onClick,
  children,
  tone = 'neutral',
  disabled,
  testId,
}: {
  label: string;
  pressed?: boolean;
  onClick: () => void;
  children: ReactNode;
  tone?: 'neutral' | 'danger';
  disabled?: boolean;
  testId: string;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      aria-label={label}
      title={label}
      {...(pressed === undefined ? {} : { 'aria-pressed': pressed })}
      data-testid={testId}
      className={cn(
        'flex size-12 items-center justify-center rounded-full transition focus-visible:outline-2 focus-visible:outline-focus disabled:opacity-40 sm:size-14',
        tone === 'danger'
          ? 'bg-danger text-on-accent hover:brightness-110'
          : pressed
            ? 'bg-fg text-fg-inverse'
            : 'bg-fill-strong text-fg backdrop-blur hover:bg-fill-bold',
      )}
    >
      {children}
    </button>
  );
}

/** Mute, camera, screen share and hang up. */
export function CallControls({ state, controller }: { state: CallState; controller: CallController }) {
  const active = state.phase.name === 'active';
  const hasCamera = Boolean(state.localStream?.getVideoTracks().length);
  const canShare =
    active && typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices?.getDisplayMedia);
  return (
    <div
      className="flex items-center justify-center gap-3 sm:gap-4"
      role="toolbar"
      aria-label="Call controls"
    >
      <RoundButton
        label={state.muted ? 'Unmute' : 'Mute'}
        pressed={state.muted}
        onClick={() => controller.toggleMute()}
        testId="call-mute"
      >
        {state.muted ? <MicOffIcon aria-hidden size={22} /> : <MicIcon aria-hidden size={22} />}
      </RoundButton>
      <RoundButton
        label={state.cameraOff ? 'Turn camera on' : 'Turn camera off'}
        pressed={state.cameraOff}
        onClick={() => controller.toggleCamera()}
        disabled={!hasCamera}
        testId="call-camera"
      >
        {state.cameraOff ? <VideoOffIcon aria-hidden size={22} /> : <VideoIcon aria-hidden size={22} />}
      </RoundButton>
      <RoundButton
        label={state.screenStream ? 'Stop sharing' : 'Share screen'}
        pressed={Boolean(state.screenStream)}
        onClick={() => void controller.toggleScreenShare()}
        disabled={!canShare}
        testId="call-share"
      >
        <MonitorUpIcon aria-hidden size={22} />
      </RoundButton>
      <RoundButton label="Hang up" tone="danger" onClick={() => controller.hangUp()} testId="call-hang-up">
        <PhoneOffIcon aria-hidden size={22} />
      </RoundButton>
    </div>
  );
}
