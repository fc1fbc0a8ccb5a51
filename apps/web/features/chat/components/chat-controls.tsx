'use client';

import {
  FlagIcon,
  MessageCircleIcon,
  MicIcon,
  MicOffIcon,
  PhoneOffIcon,
  ScreenShareIcon,
  SkipForwardIcon,
  VideoIcon,
  VideoOffIcon,
} from 'lucide-react';
import type { ReactNode } from 'react';
import { Tooltip } from '@/components/ui/tooltip';
import { CHAT_SHORTCUTS } from '@/features/chat/hooks/use-chat-shortcuts';
import { cn } from '@/lib/utils';

function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd className="ml-1.5 rounded border border-line-strong bg-fill-strong px-1 font-sans text-[10px] text-fg-soft">
      {children}
    </kbd>
  );
}

function RoundButton({
  label,
  shortcut,
  pressed,
  off,
  disabled,
  onClick,
  children,
  testId,
  className,
}: {
  label: string;
  shortcut?: { keys: string; display: string };
  pressed?: boolean;
  /** Paint the button as "something is off" (muted mic, camera off). */
  off?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
  testId: string;
  className?: string;
}) {
  return (
    <Tooltip
      content={
        <>
          {label}
          {shortcut ? <Kbd>{shortcut.display}</Kbd> : null}
        </>
      }
    >
      <button
        type="button"
        aria-label={label}
        aria-pressed={pressed}
        aria-keyshortcuts={shortcut?.keys}
        disabled={disabled}
        onClick={onClick}
        data-testid={testId}
        className={cn(
          'inline-flex size-10 shrink-0 items-center justify-center rounded-full border backdrop-blur-md transition-[background-color,border-color,color,transform] duration-200 active:scale-95 sm:size-12',
          'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus disabled:pointer-events-none disabled:opacity-40',
          off
            ? 'border-danger-bright/30 bg-danger/85 text-on-accent hover:bg-danger'
            : pressed
              ? 'border-accent-fg/40 bg-accent/80 text-on-accent hover:bg-accent'
              : 'border-line bg-fill-strong text-on-media hover:bg-fill-bold',
          className,
        )}
      >
        {children}
      </button>
    </Tooltip>
  );
}

export interface ChatControlsProps {
  micOn: boolean;
  cameraOn: boolean;
  hasAudio: boolean;
  hasVideo: boolean;
  screenSharing: boolean;
  canScreenShare: boolean;
  inCall: boolean;
  /** Next does nothing while already searching. */
  canNext: boolean;
  onToggleMic: () => void;
  onToggleCamera: () => void;
  onToggleScreenShare: () => void;
  onNext: () => void;
  onStop: () => void;
  onReport: () => void;
  /** The phone layout's text chat sheet; the desktop layout always shows the chat beside the video. */
  chatSheet?: { open: boolean; unread: number; onToggle: () => void };
}

/** The bar under the video (on a phone, pinned to the bottom of the screen). Toggles say their state with aria-pressed, colour and icon; Next and Stop have shortcuts. */
export function ChatControls(props: ChatControlsProps) {
  const { micOn, cameraOn, hasAudio, hasVideo, screenSharing, canScreenShare, inCall } = props;
  return (
    <div
      role="toolbar"
      aria-label="Call controls"
      className="flex items-center justify-center gap-1.5 sm:gap-2.5"
      data-testid="chat-controls"
    >
      {props.chatSheet ? (
        <span className="relative inline-flex lg:hidden">
          <RoundButton
            label="Text chat"
            pressed={props.chatSheet.open}
            onClick={props.chatSheet.onToggle}
            testId="chat-sheet-toggle"
          >
            <MessageCircleIcon size={19} />
          </RoundButton>
          {props.chatSheet.unread > 0 && !props.chatSheet.open ? (
            <span
              className="tabular pointer-events-none absolute -top-1 -right-1 inline-flex min-w-5 items-center justify-center rounded-full bg-highlight px-1 text-[11px] leading-5 font-semibold text-on-accent"
              data-testid="chat-sheet-unread"
            >
              {props.chatSheet.unread > 9 ? '9+' : props.chatSheet.unread}
              <span className="sr-only"> new messages</span>
            </span>
          ) : null}
        </span>
      ) : null}
      <RoundButton
        label={!hasAudio ? 'No microphone' : micOn ? 'Mute microphone' : 'Unmute microphone'}
        shortcut={CHAT_SHORTCUTS.mic}
        pressed={hasAudio && !micOn}
        off={hasAudio && !micOn}
        disabled={!hasAudio}
        onClick={props.onToggleMic}
        testId="toggle-mic"
      >
        {micOn && hasAudio ? <MicIcon size={19} /> : <MicOffIcon size={19} />}
      </RoundButton>
      <RoundButton
        label={!hasVideo ? 'No camera' : cameraOn ? 'Turn camera off' : 'Turn camera on'}
        shortcut={CHAT_SHORTCUTS.camera}
        pressed={hasVideo && !cameraOn}
        off={hasVideo && !cameraOn}
        disabled={!hasVideo}
        onClick={props.onToggleCamera}
        testId="toggle-camera"
      >
        {cameraOn && hasVideo ? <VideoIcon size={19} /> : <VideoOffIcon size={19} />}
      </RoundButton>
      {canScreenShare ? (
        <RoundButton
          label={screenSharing ? 'Stop sharing your screen' : 'Share your screen'}
          pressed={screenSharing}
          disabled={!inCall}
          onClick={props.onToggleScreenShare}
          testId="toggle-screen"
          // Phones cannot share their screen, and the bar has no room for a button that would fail.
          className="max-sm:hidden"
        >
          <ScreenShareIcon size={19} />
        </RoundButton>
      ) : null}

      <span className="h-7 w-px shrink-0 bg-fill-strong sm:mx-1" aria-hidden />

      <Tooltip
        content={
          <>
            Next person <Kbd>N</Kbd>
            <Kbd>→</Kbd>
          </>
        }
      >
        <button
          type="button"
          onClick={props.onNext}
          disabled={!props.canNext}
          aria-keyshortcuts={CHAT_SHORTCUTS.next.keys}
          className="inline-flex h-10 shrink-0 items-center gap-2 rounded-full bg-fg px-4 text-[14px] font-semibold text-fg-inverse shadow-[0_8px_30px_-8px_color-mix(in_srgb,var(--color-fg)_40%,transparent)] transition-[background-color,transform] duration-200 hover:brightness-110 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus active:scale-95 disabled:opacity-40 sm:h-12 sm:px-6"
          data-testid="chat-next"
        >
          Next
          <SkipForwardIcon size={16} />
        </button>
      </Tooltip>
      <Tooltip
        content={
          <>
            Stop <Kbd>Esc</Kbd>
          </>
        }
      >
        <button
          type="button"
          onClick={props.onStop}
          aria-label="Stop"
          aria-keyshortcuts={CHAT_SHORTCUTS.stop.keys}
          className="inline-flex size-10 shrink-0 items-center justify-center rounded-full border border-danger-bright/30 bg-danger/90 text-on-accent transition-[background-color,transform] duration-200 hover:bg-danger focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus active:scale-95 sm:size-12"
          data-testid="chat-stop"
        >
          <PhoneOffIcon size={20} />
        </button>
      </Tooltip>
      {inCall ? (
        <RoundButton label="Report this person" onClick={props.onReport} testId="report-open">
          <FlagIcon size={18} />
        </RoundButton>
      ) : null}
    </div>
  );
}
