'use client';

import type { useMediaPreview } from '../hooks/use-media-preview';
import { type ChatSnapshot, callStatusOf } from '../lib/session-state';
import { LocalPreview } from './local-preview';
import { MediaProblemOverlay } from './stage-overlays';
import { VideoPlayer } from './video-player';

type Media = ReturnType<typeof useMediaPreview>;

/** During a call: the partner's video (or why there is none) and our own picture in the corner. */
export function CallMedia({
  snapshot,
  media,
  partnerName,
}: {
  snapshot: ChatSnapshot;
  media: Media;
  partnerName: string;
}) {
  return (
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
  );
}

/** Before a call: our camera preview, or what is wrong with it. */
export function PreviewMedia({ media }: { media: Media }) {
  return (
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
  );
}
