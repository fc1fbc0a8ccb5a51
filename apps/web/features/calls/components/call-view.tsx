'use client';

import { MicOffIcon, Minimize2Icon } from 'lucide-react';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { VideoPlayer } from '@/features/chat/components/video-player';
import { cn, nameOf } from '@/lib/utils';
import type { CallController } from '../lib/call-controller';
import type { CallState } from '../lib/call-store';
import { CallControls } from './call-controls';
import { CallStatus } from './call-status';

/**
 * The call on the whole screen: the other side's video large (or their picture in a voice call),
 * yourself small in a corner, the status on top and the controls below.
 */
export function CallView({ state, controller }: { state: CallState; controller: CallController }) {
  const { phase } = state;
  if (phase.name === 'idle' || phase.name === 'incoming') return null;
  const name = nameOf(phase.peer);
  const remoteVideo =
    phase.name === 'active' &&
    Boolean(state.remoteStream?.getVideoTracks().length) &&
    (state.remote.video || state.remote.screenSharing);
  const selfView = state.screenStream ?? state.localStream;
  const showSelf = Boolean(selfView?.getVideoTracks().length) && !state.cameraOff;

  return (
    <section
      className="fixed inset-0 z-40 flex flex-col bg-canvas animate-overlay-in"
      aria-label={`Call with ${name}`}
      data-testid="call-view"
    >
      <div className="relative flex-1 overflow-hidden bg-sunken">
        {remoteVideo ? (
          <VideoPlayer
            stream={state.remoteStream}
            muted
            label={`${name}'s video`}
            className={state.remote.screenSharing ? 'object-contain' : undefined}
            data-testid="call-remote-video"
          />
        ) : (
          <div className="flex size-full flex-col items-center justify-center gap-4 px-6 text-center">
            <span className={cn('rounded-full', phase.name === 'outgoing' && 'animate-pulse')}>
              <Avatar name={name} src={phase.peer.profilePicture} size={128} />
            </span>
            <p className="font-display text-2xl font-semibold text-fg">{name}</p>
            <CallStatus state={state} />
          </div>
        )}
        {/* Keeps the remote stream's video decoding even while the picture is hidden (camera off). */}
        {!remoteVideo && phase.name === 'active' ? (
          <div className="hidden">
            <VideoPlayer stream={state.remoteStream} muted label="" data-testid="call-remote-video" />
          </div>
        ) : null}

        <header className="absolute inset-x-0 top-0 flex items-center gap-3 bg-gradient-to-b from-scrim to-transparent px-4 py-3 sm:px-6">
          <div className="min-w-0 flex-1">
            {remoteVideo ? (
              <>
                <p className="truncate font-display text-base font-semibold text-on-media">{name}</p>
                <CallStatus state={state} className="text-on-media" />
              </>
            ) : null}
          </div>
          {state.remote.muted && phase.name === 'active' ? (
            <span className="inline-flex items-center gap-1 rounded-full bg-overlay px-2.5 py-1 text-xs text-on-media">
              <MicOffIcon aria-hidden size={14} /> {name} is muted
            </span>
          ) : null}
          <button
            type="button"
            onClick={() => controller.setMinimized(true)}
            className="flex size-10 items-center justify-center rounded-full bg-overlay text-on-media transition hover:bg-fill-strong focus-visible:outline-2 focus-visible:outline-focus"
            aria-label="Minimise call"
            title="Minimise"
            data-testid="call-minimise"
            disabled={phase.name === 'ended'}
          >
            <Minimize2Icon aria-hidden size={18} />
          </button>
        </header>

        {showSelf ? (
          <div className="absolute right-3 bottom-3 aspect-[3/4] w-28 overflow-hidden rounded-2xl border border-line-strong shadow-modal sm:right-6 sm:bottom-6 sm:aspect-video sm:w-56">
            <VideoPlayer
              stream={selfView}
              muted
              mirrored={!state.screenStream}
              label="Your video"
              data-testid="call-local-video"
            />
          </div>
        ) : null}
      </div>
      <div className="shrink-0 border-t border-line bg-canvas px-4 py-4 pb-[max(1rem,env(safe-area-inset-bottom))]">
        {phase.name === 'ended' ? (
          <div className="flex justify-center">
            <Button variant="secondary" onClick={() => controller.dismiss()} data-testid="call-close">
              Close
            </Button>
          </div>
        ) : (
          <CallControls state={state} controller={controller} />
        )}
      </div>
    </section>
  );
}
