/**
 * Connection quality from `RTCPeerConnection.getStats()`: round-trip time of the selected candidate pair
 * and the share of inbound RTP packets lost since the previous sample. Loss is measured between samples,
 * not since the call began, so one bad burst early on does not mark a call poor for its whole life.
 */

export type CallQuality = 'excellent' | 'good' | 'poor';

export interface QualitySample {
  /** Seconds, from the nominated candidate pair; null until the first STUN consent check answers. */
  roundTripTime: number | null;
  packetsReceived: number;
  packetsLost: number;
}

export interface QualityReading {
  quality: CallQuality;
  roundTripMs: number | null;
  /** 0..1 over the sampling window. */
  lossRatio: number;
}

/** Upper bounds for each grade; both RTT and loss must be within them. */
export const QUALITY_THRESHOLDS = {
  excellent: { roundTripMs: 150, lossRatio: 0.01 },
  good: { roundTripMs: 400, lossRatio: 0.05 },
} as const;

export function gradeQuality(roundTripMs: number | null, lossRatio: number): CallQuality {
  const rtt = roundTripMs ?? 0;
  const { excellent, good } = QUALITY_THRESHOLDS;
  if (rtt <= excellent.roundTripMs && lossRatio <= excellent.lossRatio) return 'excellent';
  if (rtt <= good.roundTripMs && lossRatio <= good.lossRatio) return 'good';
  return 'poor';
}

/** Grades the window between two samples (the first reading of a call compares against zero). */
export function readQuality(previous: QualitySample | null, current: QualitySample): QualityReading {
  const received = current.packetsReceived - (previous?.packetsReceived ?? 0);
  const lost = current.packetsLost - (previous?.packetsLost ?? 0);
  // Counters can go backwards when a transceiver is replaced (Next re-uses nothing, but ICE restarts may
  // reset SSRCs), so a negative window is treated as "no information" rather than as loss.
  const total = received + lost;
  const lossRatio = received >= 0 && lost > 0 && total > 0 ? lost / total : 0;
  const roundTripMs = current.roundTripTime === null ? null : Math.round(current.roundTripTime * 1000);
  return { quality: gradeQuality(roundTripMs, lossRatio), roundTripMs, lossRatio };
}

interface StatsLike {
  type: string;
  [key: string]: unknown;
}

function numberField(stat: StatsLike, key: string): number | undefined {
  const value = stat[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Folds a stats report into one sample (summing audio and video inbound streams). */
export function sampleFromStats(report: Iterable<StatsLike>): QualitySample {
  let roundTripTime: number | null = null;
  let packetsReceived = 0;
  let packetsLost = 0;
  for (const stat of report) {
    if (stat.type === 'candidate-pair' && stat.nominated === true && stat.state === 'succeeded') {
      roundTripTime = numberField(stat, 'currentRoundTripTime') ?? roundTripTime;
    } else if (stat.type === 'inbound-rtp') {
      packetsReceived += numberField(stat, 'packetsReceived') ?? 0;
      // packetsLost is signed in the spec (duplicates can make it negative); clamp at zero.
      packetsLost += Math.max(0, numberField(stat, 'packetsLost') ?? 0);
    }
  }
  return { roundTripTime, packetsReceived, packetsLost };
}

export async function samplePeer(connection: RTCPeerConnection): Promise<QualitySample> {
  const report = await connection.getStats();
  return sampleFromStats(report.values() as Iterable<StatsLike>);
}
