'use client';

import { useCallback, useEffect, useState } from 'react';
import { useToast } from '@/components/ui/Toast';
import { useChatSession } from '@/features/chat/hooks/use-chat-session';
import { useChatShortcuts } from '@/features/chat/hooks/use-chat-shortcuts';
import { useMediaPreview } from '@/features/chat/hooks/use-media-preview';
import { useRelayAvailable } from '@/features/chat/hooks/use-relay-available';
import {
  type ChatPreferences,
  DEFAULT_PREFERENCES,
  loadPreferences,
  savePreferences,
} from '@/features/chat/lib/preferences';
import { callStatusOf, partnerNameOf } from '@/features/chat/lib/session-state';
import { useNow } from '@/lib/hooks/use-now';
import { useSocket } from '@/lib/socket/socket-context';
import { cn } from '@/lib/utils';
import { ChatControls } from './chat-controls';
import { ChatSidebar } from './chat-sidebar';
import { ConnectionStatus } from './connection-status';
import { DeviceToolbar } from './device-toolbar';
import { LocalPreview } from './local-preview';
import { PreMatchPanel } from './pre-match-panel';
import { ReportDialog } from './report-dialog';
import { MediaProblemOverlay, OutcomeOverlay, SearchingOverlay } from './stage-overlays';
import { VideoPlayer } from './video-player';

function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  return `${String(minutes).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** The /chat experience: start screen, queue, call, and what happens after. */
export function VideoChat() {
  const { session, snapshot } = useChatSession();
  const media = useMediaPreview();
  const { status: socketStatus } = useSocket();
  const { toast } = useToast();
  const [preferences, setPreferences] = useState<ChatPreferences>(DEFAULT_PREFERENCES);
  const relayAvailable = useRelayAvailable();
  const [reportOpen, setReportOpen] = useState(false);
  const now = useNow(1000);

  const { phase } = snapshot;
  const inCall = phase.name === 'matched';
  const idle = phase.name === 'idle';

  useEffect(() => setPreferences(loadPreferences()), []);
  useEffect(() => session.setLocalStream(media.stream), [session, media.stream]);
  useEffect(() => session.setHideIp(preferences.hideIp), [session, preferences.hideIp]);
  // A report ends the match; the dialog must not reappear over the next one.
  useEffect(() => {
    if (!inCall) setReportOpen(false);
  }, [inCall]);

  const updatePreferences = (next: ChatPreferences) => {
    setPreferences(next);
    savePreferences(next);
  };

  const start = useCallback(
    () => void session.start(preferences.interests),
    [session, preferences.interests],
  );
  const next = useCallback(() => void session.next(), [session]);
  const stop = useCallback(() => void session.stop(), [session]);
  const toggleMic = useCallback(() => media.setMicOn(!media.micOn), [media]);
  const toggleCamera = useCallback(() => media.setCameraOn(!media.cameraOn), [media]);
  const toggleScreen = useCallback(() => {
    session.toggleScreenShare().catch(() => {
      // Cancelling the browser's picker rejects too; only a real failure deserves a message.
    });
  }, [session]);

  useChatShortcuts(!idle && !reportOpen, {
    onNext: next,
    onStop: stop,
    onToggleMic: toggleMic,
    onToggleCamera: toggleCamera,
  });

  const report = async (reason: Parameters<typeof session.report>[0], description: string) => {
    await session.report(reason, description);
    toast({
      title: 'Report sent',
      description: 'Thank you. Our moderators will review it.',
      tone: 'success',
    });
  };

  const canStart = socketStatus === 'connected';
  const canScreenShare = typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices?.getDisplayMedia);
  const partnerName = inCall ? partnerNameOf(phase.match) : 'Stranger';

  return (
    <div
      className="mx-auto grid w-full max-w-[88rem] gap-3 px-3 py-3 sm:px-5 lg:h-[calc(100dvh-4rem)] lg:grid-cols-[minmax(0,1fr)_24rem] lg:gap-4 lg:py-4"
      data-testid="video-chat"
      data-phase={phase.name}
      data-match-id={inCall ? phase.match.matchId : undefined}
    >
      <section
        aria-label={inCall ? `Video chat with ${partnerName}` : 'Your camera'}
        className={cn(
          'relative isolate flex flex-col',
          // On a phone the start screen keeps the preview short so Start is in reach without scrolling.
          idle ? 'h-[42dvh] min-h-[16rem]' : 'h-[min(68dvh,40rem)] min-h-[22rem]',
          'overflow-hidden rounded-[1.75rem] border border-line bg-[radial-gradient(120%_90%_at_30%_10%,#1d1a38_0%,#100f1d_50%,#09090f_100%)] shadow-modal lg:h-auto lg:min-h-0',
        )}
        data-testid="chat-stage"
      >
        {inCall ? (
          <>
            <VideoPlayer
              stream={snapshot.remoteStream}
              label={`${partnerName}’s video`}
              data-testid="remote-video"
            />
            {!snapshot.remoteStream?.getVideoTracks().length ? (
              <p
                className="absolute inset-0 flex items-center justify-center px-6 text-center text-[14px] text-fg-subtle"
                data-testid="remote-video-absent"
              >
                {callStatusOf(snapshot) === 'connected'
                  ? `${partnerName} isn’t sharing video. You can still talk and text.`
                  : `Connecting to ${partnerName}…`}
              </p>
            ) : null}
            <LocalPreview
              stream={snapshot.screenStream ?? media.stream}
              cameraOn={Boolean(snapshot.screenStream) || (media.cameraOn && media.hasVideo)}
              mirrored={!snapshot.screenStream}
            />
          </>
        ) : (
          <>
            <VideoPlayer
              stream={media.stream}
              muted
              mirrored
              label="Your camera preview"
              data-testid="preview-video"
            />
            {media.status === 'failed' && media.problem ? (
              <MediaProblemOverlay problem={media.problem} onRetry={() => void media.retry()} />
            ) : null}
            {media.status === 'ready' && !media.hasVideo ? (
              <p className="absolute inset-0 flex items-center justify-center px-6 text-center text-[14px] text-fg-subtle">
                No camera found — you’ll join with audio only.
              </p>
            ) : null}
          </>
        )}

        {phase.name === 'searching' ? (
          <SearchingOverlay phase={phase} interests={preferences.interests} />
        ) : null}
        {phase.name === 'ended' || phase.name === 'timed_out' || phase.name === 'unavailable' ? (
          <OutcomeOverlay phase={phase} onNext={next} onBack={stop} />
        ) : null}

        <div className="pointer-events-none absolute inset-x-0 top-0 z-20 flex items-start justify-between gap-2 p-3 sm:p-4">
          {inCall ? (
            <ConnectionStatus
              status={callStatusOf(snapshot)}
              quality={snapshot.quality}
              elapsed={formatElapsed(now - phase.since)}
            />
          ) : (
            <span />
          )}
          {snapshot.notice ? (
            <p
              className={cn(
                'pointer-events-auto max-w-[70%] rounded-2xl border px-3 py-1.5 text-[12px] font-medium backdrop-blur-md',
                snapshot.notice.tone === 'warning'
                  ? 'border-warning/30 bg-warning/15 text-warning-fg'
                  : 'border-line bg-canvas/60 text-fg',
              )}
              role="status"
              data-testid="chat-notice"
            >
              {snapshot.notice.text}
            </p>
          ) : null}
        </div>

        <div className="absolute inset-x-0 bottom-0 z-20 bg-gradient-to-t from-canvas/80 to-transparent px-3 pt-10 pb-4 sm:pb-5">
          {idle ? (
            <DeviceToolbar
              {...media}
              onToggleCamera={toggleCamera}
              onToggleMic={toggleMic}
              onChooseCamera={(id) => void media.chooseCamera(id)}
              onChooseMicrophone={(id) => void media.chooseMicrophone(id)}
            />
          ) : (
            <ChatControls
              micOn={media.micOn}
              cameraOn={media.cameraOn}
              hasAudio={media.hasAudio}
              hasVideo={media.hasVideo}
              screenSharing={Boolean(snapshot.screenStream)}
              canScreenShare={canScreenShare}
              inCall={inCall}
              canNext={phase.name !== 'searching'}
              onToggleMic={toggleMic}
              onToggleCamera={toggleCamera}
              onToggleScreenShare={toggleScreen}
              onNext={next}
              onStop={stop}
              onReport={() => setReportOpen(true)}
            />
          )}
        </div>
      </section>

      <aside className="flex min-h-0 flex-col gap-3 lg:overflow-y-auto">
        {idle ? (
          <PreMatchPanel
            preferences={preferences}
            onPreferencesChange={updatePreferences}
            relayAvailable={relayAvailable}
            canStart={canStart}
            blockedReason={canStart ? null : 'Connecting to Guftagu…'}
            onStart={start}
          />
        ) : (
          <ChatSidebar session={session} snapshot={snapshot} interests={preferences.interests} />
        )}
      </aside>

      {inCall ? (
        <ReportDialog
          open={reportOpen}
          onOpenChange={setReportOpen}
          partnerName={partnerName}
          onSubmit={report}
        />
      ) : null}
    </div>
  );
}
