'use client';

import type { TVoiceState } from '@guftagu/contracts';
import { HeadphoneOffIcon, MicOffIcon, VideoIcon } from 'lucide-react';

/** Muted / deafened / camera icons, red when a moderator set them. */
export function VoiceIndicators({ state, size = 14 }: { state: TVoiceState; size?: number }) {
  return (
    <span className="flex shrink-0 items-center gap-1 text-fg-subtle">
      {state.camera ? <VideoIcon aria-label="Camera on" size={size} /> : null}
      {state.muted ? (
        <MicOffIcon
          aria-label={state.serverMute ? 'Server muted' : 'Muted'}
          size={size}
          className={state.serverMute ? 'text-danger' : ''}
          data-testid="voice-muted"
        />
      ) : null}
      {state.deafened ? (
        <HeadphoneOffIcon
          aria-label={state.serverDeaf ? 'Server deafened' : 'Deafened'}
          size={size}
          className={state.serverDeaf ? 'text-danger' : ''}
        />
      ) : null}
    </span>
  );
}
