'use client';

import { Maximize2Icon, MicIcon, MicOffIcon, PhoneOffIcon } from 'lucide-react';
import { Avatar } from '@/components/ui/avatar';
import { nameOf } from '@/lib/utils';
import type { CallController } from '../lib/call-controller';
import type { CallState } from '../lib/call-store';
import { CallStatus } from './call-status';

/** The call, minimised to a bar at the bottom while the person uses other pages. */
export function CallBar({ state, controller }: { state: CallState; controller: CallController }) {
  const { phase } = state;
  if (phase.name === 'idle' || phase.name === 'incoming') return null;
  const name = nameOf(phase.peer);
  const iconButton =
    'flex size-10 items-center justify-center rounded-full transition focus-visible:outline-2 focus-visible:outline-focus';
  return (
    <aside
      className="fixed inset-x-3 bottom-3 z-40 mx-auto flex max-w-md items-center gap-3 rounded-2xl border border-line-strong bg-elevated px-3 py-2 shadow-modal animate-scale-in sm:right-auto sm:bottom-5 sm:left-5 sm:mx-0 sm:w-[22rem]"
      aria-label={`Call with ${name}`}
      data-testid="call-bar"
    >
      <button
        type="button"
        onClick={() => controller.setMinimized(false)}
        className="flex min-w-0 flex-1 items-center gap-3 rounded-xl text-left focus-visible:outline-2 focus-visible:outline-focus"
        aria-label="Open call"
      >
        <Avatar name={name} src={phase.peer.profilePicture} size={36} />
        <span className="min-w-0">
          <span className="block truncate text-sm font-semibold text-fg">{name}</span>
          <CallStatus state={state} className="text-xs" />
        </span>
      </button>
      <button
        type="button"
        onClick={() => controller.toggleMute()}
        className={`${iconButton} ${state.muted ? 'bg-fg text-fg-inverse' : 'bg-fill-strong text-fg hover:bg-fill-bold'}`}
        aria-label={state.muted ? 'Unmute' : 'Mute'}
        aria-pressed={state.muted}
      >
        {state.muted ? <MicOffIcon aria-hidden size={18} /> : <MicIcon aria-hidden size={18} />}
      </button>
      <button
        type="button"
        onClick={() => controller.setMinimized(false)}
        className={`${iconButton} bg-fill-strong text-fg hover:bg-fill-bold`}
        aria-label="Expand call"
        data-testid="call-expand"
      >
        <Maximize2Icon aria-hidden size={18} />
      </button>
      <button
        type="button"
        onClick={() => controller.hangUp()}
        className={`${iconButton} bg-danger text-on-accent hover:brightness-110`}
        aria-label="Hang up"
      >
        <PhoneOffIcon aria-hidden size={18} />
      </button>
    </aside>
  );
}
