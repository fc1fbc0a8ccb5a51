'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useToast } from '@/components/ui/toast';
import { useChatPreferences } from '@/features/chat/hooks/use-chat-preferences';
import { useChatSession } from '@/features/chat/hooks/use-chat-session';
import { useChatShortcuts } from '@/features/chat/hooks/use-chat-shortcuts';
import { useMediaPreview } from '@/features/chat/hooks/use-media-preview';
import { useRelayAvailable } from '@/features/chat/hooks/use-relay-available';
import { useVisibleArea } from '@/features/chat/hooks/use-visible-area';
import { type ChatLine, partnerNameOf } from '@/features/chat/lib/session-state';
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
  const layerRef = useRef<HTMLDivElement | null>(null);
  useVisibleArea(layerRef);
  const [sheetOpen, setSheetOpen] = useState(false);
  const unread = useUnreadWhileClosed(snapshot.lines, sheetOpen);

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
      ref={layerRef}
      className={cn(
        // Phones and tablets: one fixed layer from under the header to the top of the keyboard, so the page
        // never scrolls and video, chat and controls stay in view together (useVisibleArea sets the vars).
        'fixed inset-x-0 top-[var(--chat-top,4rem)] z-30 grid h-[var(--chat-height,calc(100dvh-4rem))] grid-cols-1 gap-2 px-2 pt-2 pb-[max(0.5rem,env(safe-area-inset-bottom))] sm:px-3',
        'max-lg:[html:has(&)]:overflow-hidden',
        idle
          ? "grid-rows-[minmax(8rem,2fr)_minmax(0,3fr)] [grid-template-areas:'stage'_'aside'] landscape:max-lg:grid-cols-2 landscape:max-lg:grid-rows-1 landscape:max-lg:[grid-template-areas:'stage_aside']"
          : sheetOpen
            ? "grid-rows-[minmax(5rem,1fr)_minmax(8.5rem,1fr)_auto] [grid-template-areas:'stage'_'aside'_'controls'] landscape:max-lg:grid-cols-[minmax(0,1fr)_minmax(15rem,40%)] landscape:max-lg:grid-rows-[minmax(0,1fr)_auto] landscape:max-lg:[grid-template-areas:'stage_aside'_'controls_aside']"
            : "grid-rows-[minmax(0,1fr)_auto] [grid-template-areas:'stage'_'controls']",
        // Desktop: the video and a column beside it, below the header.
        "lg:static lg:mx-auto lg:h-[calc(100dvh-4rem)] lg:w-full lg:max-w-[88rem] lg:grid-cols-[minmax(0,1fr)_24rem] lg:grid-rows-[minmax(0,1fr)] lg:gap-4 lg:px-5 lg:py-4 lg:[grid-template-areas:'stage_aside']",
      )}
      data-testid="video-chat"
      data-phase={phase.name}
      data-match-id={inCall ? phase.match.matchId : undefined}
    >
      <section
        aria-label={inCall ? `Video chat with ${partnerName}` : 'Your camera'}
        className="relative isolate flex min-h-0 flex-col overflow-hidden rounded-3xl border border-line bg-(image:--gradient-stage) shadow-modal [grid-area:stage] lg:rounded-[1.75rem]"
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
      </section>

      <div
        className={cn(
          'relative z-20 min-w-0',
          // Over the video's bottom edge on desktop and on the start screen; a bar of its own in a phone call.
          'lg:self-end lg:rounded-b-[1.75rem] lg:bg-gradient-to-t lg:from-canvas/80 lg:to-transparent lg:px-3 lg:pt-10 lg:pb-5 lg:[grid-area:stage]',
          idle
            ? 'self-end rounded-b-3xl bg-gradient-to-t from-canvas/80 to-transparent px-3 pt-10 pb-4 [grid-area:stage]'
            : 'py-1 [grid-area:controls]',
        )}
      >
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
            chatSheet={{ open: sheetOpen, unread, onToggle: () => setSheetOpen((open) => !open) }}
          />
        )}
      </div>

      <aside
        aria-label={idle ? 'Chat settings' : 'Text chat and your match'}
        className={cn(
          'group flex min-h-0 flex-col gap-2 [grid-area:aside] lg:flex lg:gap-3 lg:overflow-y-auto',
          idle ? 'overflow-y-auto overscroll-contain rounded-3xl' : !sheetOpen && 'hidden',
        )}
        data-testid="chat-aside"
      >
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

/** Messages from the partner that arrived while the phone's chat sheet was closed. */
function useUnreadWhileClosed(lines: ChatLine[], open: boolean): number {
  const received = lines.filter((line) => line.from === 'partner').length;
  const [seen, setSeen] = useState(0);
  // A new match starts the count again (its lines replace the last one's).
  if (open ? seen !== received : received < seen) setSeen(received);
  return open ? 0 : Math.max(0, received - seen);
}
