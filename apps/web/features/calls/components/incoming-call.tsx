'use client';

import { PhoneIcon, PhoneOffIcon, VideoIcon } from 'lucide-react';
import { Avatar } from '@/components/ui/avatar';
import { Modal } from '@/components/ui/modal';
import { nameOf } from '@/lib/utils';
import type { CallController } from '../lib/call-controller';
import type { CallPhase } from '../lib/call-store';

type Incoming = Extract<CallPhase, { name: 'incoming' }>;

/** The ringing modal: who calls, and answer with voice or video, or decline. */
export function IncomingCall({ phase, controller }: { phase: Incoming; controller: CallController }) {
  const name = nameOf(phase.peer);
  return (
    <Modal
      open
      onOpenChange={(open) => {
        if (!open) controller.decline();
      }}
      title={`${name} is calling`}
      hideTitle
      className="w-[min(24rem,calc(100vw-2rem))]"
    >
      <div
        className="flex flex-col items-center gap-5 px-6 pt-2 pb-7 text-center"
        data-testid="incoming-call"
      >
        <span className="relative">
          <span className="absolute inset-0 animate-ping rounded-full bg-accent-soft" aria-hidden />
          <Avatar name={name} src={phase.peer.profilePicture} size={96} />
        </span>
        <div>
          <p className="font-display text-xl font-semibold text-fg">{name}</p>
          <p className="mt-1 text-sm text-fg-muted">Incoming {phase.isVideo ? 'video' : 'voice'} call…</p>
        </div>
        <div className="flex items-center gap-4">
          <button
            type="button"
            onClick={() => controller.decline()}
            className="flex size-14 items-center justify-center rounded-full bg-danger text-on-accent shadow-lg transition hover:brightness-110 focus-visible:outline-2 focus-visible:outline-focus"
            aria-label="Decline"
            data-testid="call-decline"
          >
            <PhoneOffIcon aria-hidden size={22} />
          </button>
          <button
            type="button"
            onClick={() => void controller.accept(false)}
            className="flex size-14 items-center justify-center rounded-full bg-live text-on-accent shadow-lg transition hover:brightness-110 focus-visible:outline-2 focus-visible:outline-focus"
            aria-label="Answer with voice"
            data-testid="call-accept-voice"
          >
            <PhoneIcon aria-hidden size={22} />
          </button>
          {phase.isVideo ? (
            <button
              type="button"
              onClick={() => void controller.accept(true)}
              className="flex size-14 items-center justify-center rounded-full bg-accent text-on-accent shadow-lg transition hover:brightness-110 focus-visible:outline-2 focus-visible:outline-focus"
              aria-label="Answer with video"
              data-testid="call-accept-video"
            >
              <VideoIcon aria-hidden size={22} />
            </button>
          ) : null}
        </div>
      </div>
    </Modal>
  );
}
