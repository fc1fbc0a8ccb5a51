import type { TConnectionQuality } from '@guftagu/contracts';
import { type QualityReading, type QualitySample, readQuality, samplePeer } from './quality';

/** Often enough to notice a bad patch, rarely enough that getStats costs nothing noticeable. */
const SAMPLE_INTERVAL_MS = 2000;

export interface QualityReport {
  quality: TConnectionQuality;
  rttMs?: number;
  packetLossPercent?: number;
  iceConnectionState?: RTCIceConnectionState;
}

/**
 * Samples a call's stats while it lives. Every reading goes to the UI; the server only hears about the
 * grade when it changes (seed 000's `connection_quality` is analytics, not a stream).
 */
export function startQualityMonitor(
  connection: RTCPeerConnection,
  handlers: { onReading: (reading: QualityReading) => void; report: (report: QualityReport) => void },
): () => void {
  let previous: QualitySample | null = null;
  let lastReported: TConnectionQuality | null = null;
  let stopped = false;

  const tick = async () => {
    const ice = connection.iceConnectionState;
    if (ice === 'failed') {
      if (lastReported !== 'failed') handlers.report({ quality: 'failed', iceConnectionState: ice });
      lastReported = 'failed';
      return;
    }
    if (ice !== 'connected' && ice !== 'completed') return;
    try {
      const sample = await samplePeer(connection);
      if (stopped) return;
      const reading = readQuality(previous, sample);
      previous = sample;
      handlers.onReading(reading);
      if (reading.quality !== lastReported) {
        lastReported = reading.quality;
        handlers.report({
          quality: reading.quality,
          ...(reading.roundTripMs === null ? {} : { rttMs: reading.roundTripMs }),
          packetLossPercent: Math.round(reading.lossRatio * 1000) / 10,
          iceConnectionState: ice,
        });
      }
    } catch {
      // getStats on a connection closed mid-call rejects; the next tick (if any) tries again.
    }
  };

  const timer = setInterval(() => void tick(), SAMPLE_INTERVAL_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
