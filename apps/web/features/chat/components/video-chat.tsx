'use client';

import { useCallback, useEffect, useState } from 'react';
import { useToast } from '@/components/ui/toast';
import { useChatPreferences } from '@/features/chat/hooks/use-chat-preferences';
import { useChatSession } from '@/features/chat/hooks/use-chat-session';
import { useChatShortcuts } from '@/features/chat/hooks/use-chat-shortcuts';
import { useMediaPreview } from '@/features/chat/hooks/use-media-preview';
import { useRelayAvailable } from '@/features/chat/hooks/use-relay-available';
import { partnerNameOf } from '@/features/chat/lib/session-state';
import { useNow } from '@/lib/hooks/use-now';
import { useSocket } from '@/lib/socket/socket-context';
import { cn } from '@/lib/utils';
import { ChatControls } from './chat-controls';
import { ChatSidebar } from './chat-sidebar';
import { DeviceToolbar } from './device-toolbar';
import { PreMatchPanel } from './pre-match-panel';
import { ReportDialog } from './report-dialog';
import { CallMedia, PreviewMedia } from './stage-media';
import { OutcomeOverlay, SearchingOverlay } from './stage-overlays';
import { StageStatusBar } from './stage-status-bar';

/** The /chat experience: start screen, queue, call, and what happens after. */
export function VideoChat() {
  const { session, snapshot } = useChatSession();
  const media = useMediaPreview();
  const { status: socketStatus } = useSocket();
  const { toast } = useToast();
  const [preferences, updatePreferences] = useChatPreferences();
  const relayAvailable = useRelayAvailable();
  const [reportOpen, setReportOpen] = useState(false);
  const now = useNow(1000);

  const { phase } = snapshot;
  const inCall = phase.name === 'matched';
  const idle = phase.name === 'idle';

  useEffect(() => session.setLocalStream(media.stream), [session, media.stream]);
  useEffect(() => session.setHideIp(preferences.hideIp), [session, preferences.hideIp]);
  // A report ends the match; the dialog must not reappear over the next one.
  useEffect(() => {
    if (!inCall) setReportOpen(false);
  }, [inCall]);

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
          'overflow-hidden rounded-[1.75rem] border border-line bg-(image:--gradient-stage) shadow-modal lg:h-auto lg:min-h-0',
        )}
        data-testid="chat-stage"
      >
        {inCall ? (
          <CallMedia snapshot={snapshot} media={media} partnerName={partnerName} />
        ) : (
          <PreviewMedia media={media} />
        )}

        {phase.name === 'searching' ? (
          <SearchingOverlay phase={phase} interests={preferences.interests} />
        ) : null}
        {phase.name === 'ended' || phase.name === 'timed_out' || phase.name === 'unavailable' ? (
          <OutcomeOverlay phase={phase} onNext={next} onBack={stop} />
        ) : null}

        <StageStatusBar snapshot={snapshot} now={now} />

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
