'use client';

import {
  HeadphoneOffIcon,
  HeadphonesIcon,
  MicIcon,
  MicOffIcon,
  PhoneOffIcon,
  VideoIcon,
  VideoOffIcon,
} from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '@/lib/utils';
import { activeVoice } from '../lib/voice-controller';
import { useVoiceState } from '../lib/voice-store';

function PanelButton({
  label,
  pressed,
  onClick,
  children,
  danger,
  testId,
}: {
  label: string;
  pressed?: boolean;
  onClick: () => void;
  children: ReactNode;
  danger?: boolean;
  testId: string;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={label}
      title={label}
      {...(pressed === undefined ? {} : { 'aria-pressed': pressed })}
      data-testid={testId}
      className={cn(
        'inline-flex size-8 items-center justify-center rounded-md transition-colors outline-none focus-visible:ring-2 focus-visible:ring-focus',
        danger
          ? 'text-danger hover:bg-fill'
          : pressed
            ? 'bg-fill-strong text-danger'
            : 'text-fg-muted hover:bg-fill hover:text-fg',
      )}
    >
      {children}
    </button>
  );
}

/** Bottom of the channel sidebar while connected: where, and mute / deafen / camera / disconnect. */
export function VoicePanel({ channelName }: { channelName: (channelId: string) => string | null }) {
  const voice = useVoiceState();
  if (!voice.channelId && !voice.error) return null;
  const controller = activeVoice();
  const peers = Object.values(voice.peers);
  const connected = peers.filter((peer) => peer.state === 'connected').length;
  return (
    <section
      aria-label="Voice connection"
      className="border-t border-line bg-sunken px-3 py-2"
      data-testid="voice-panel"
    >
      {voice.channelId ? (
        <>
          <div className="flex items-center justify-between gap-2">
            <div className="min-w-0">
              <p
                className={cn('text-sm font-semibold', voice.joining ? 'text-warning' : 'text-live')}
                role="status"
              >
                {voice.joining ? 'Connecting…' : 'Voice connected'}
              </p>
              <p className="truncate text-xs text-fg-subtle">
                {channelName(voice.channelId) ?? 'Voice channel'}
                {peers.length > 0 ? ` · ${connected}/${peers.length} linked` : ''}
              </p>
            </div>
            <PanelButton
              label="Disconnect"
              danger
              onClick={() => controller?.leave()}
              testId="voice-disconnect"
            >
              <PhoneOffIcon aria-hidden size={17} />
            </PanelButton>
          </div>
          <div className="mt-1.5 flex items-center gap-1">
            <PanelButton
              label={voice.selfMute ? 'Unmute' : 'Mute'}
              pressed={voice.selfMute}
              onClick={() => controller?.toggleMute()}
              testId="voice-mute"
            >
              {voice.selfMute ? <MicOffIcon aria-hidden size={17} /> : <MicIcon aria-hidden size={17} />}
            </PanelButton>
            <PanelButton
              label={voice.selfDeaf ? 'Undeafen' : 'Deafen'}
              pressed={voice.selfDeaf}
              onClick={() => controller?.toggleDeaf()}
              testId="voice-deafen"
            >
              {voice.selfDeaf ? (
                <HeadphoneOffIcon aria-hidden size={17} />
              ) : (
                <HeadphonesIcon aria-hidden size={17} />
              )}
            </PanelButton>
            <PanelButton
              label={voice.camera ? 'Turn camera off' : 'Turn camera on'}
              pressed={voice.camera}
              onClick={() => controller?.toggleCamera()}
              testId="voice-camera"
            >
              {voice.camera ? <VideoIcon aria-hidden size={17} /> : <VideoOffIcon aria-hidden size={17} />}
            </PanelButton>
          </div>
        </>
      ) : null}
      {voice.error ? (
        <p className="mt-1 text-xs text-danger" role="alert">
          {voice.error}
        </p>
      ) : null}
    </section>
  );
}
