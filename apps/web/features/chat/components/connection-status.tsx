import type { CallStatus } from '@/features/chat/lib/session-state';
import { cn } from '@/lib/utils';
import type { QualityReading } from '@/lib/webrtc/quality';

const STATUS_COPY: Record<CallStatus, { label: string; dot: string }> = {
  connecting: { label: 'Connecting…', dot: 'bg-glow animate-pulse' },
  connected: { label: 'Connected', dot: 'bg-live shadow-live-dot' },
  reconnecting: { label: 'Reconnecting…', dot: 'bg-warning animate-pulse' },
  disconnected: { label: 'Disconnected', dot: 'bg-danger-bright' },
};

const QUALITY_BARS = { excellent: 3, good: 2, poor: 1 } as const;
const QUALITY_COLOR = { excellent: 'bg-live', good: 'bg-glow', poor: 'bg-danger-bright' } as const;

function qualityDescription(reading: QualityReading): string {
  const parts = [`Connection ${reading.quality}`];
  if (reading.roundTripMs !== null) parts.push(`${reading.roundTripMs} ms round trip`);
  parts.push(`${(reading.lossRatio * 100).toFixed(1)}% packet loss`);
  return parts.join(', ');
}

/** The status pill on the video: where the call is, and how good the path is (from getStats). */
export function ConnectionStatus({
  status,
  quality,
  elapsed,
}: {
  status: CallStatus;
  quality: QualityReading | null;
  elapsed: string | null;
}) {
  const copy = STATUS_COPY[status];
  const bars = quality ? QUALITY_BARS[quality.quality] : 0;
  return (
    <div
      className="inline-flex h-8 items-center gap-2 rounded-full border border-line bg-canvas/55 pr-3 pl-2.5 text-xs font-medium text-fg backdrop-blur-md"
      data-testid="call-status"
      data-status={status}
    >
      <span className={cn('size-2 rounded-full', copy.dot)} aria-hidden />
      <span role="status">{copy.label}</span>
      {elapsed && status === 'connected' ? <span className="tabular text-fg-muted">· {elapsed}</span> : null}
      {status === 'connected' && quality ? (
        <span
          className="ml-0.5 inline-flex h-3 items-end gap-[2px]"
          role="img"
          aria-label={qualityDescription(quality)}
          title={qualityDescription(quality)}
          data-testid="call-quality"
          data-quality={quality.quality}
        >
          {[1, 2, 3].map((level) => (
            <span
              key={level}
              className={cn(
                'w-[3px] rounded-sm',
                level <= bars ? QUALITY_COLOR[quality.quality] : 'bg-fill-bold',
              )}
              style={{ height: `${4 + level * 3}px` }}
            />
          ))}
        </span>
      ) : null}
    </div>
  );
}
