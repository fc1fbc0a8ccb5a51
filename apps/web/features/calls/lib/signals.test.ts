import { describe, expect, it } from 'vitest';
import { formatCallDuration } from '../components/call-duration';
import { fromSignalData, toSignalData } from './signals';

describe('call signals', () => {
  it('round-trip descriptions and candidates through seed 001 signalData', () => {
    const offer = toSignalData({ kind: 'description', description: { type: 'offer', sdp: 'v=0' } });
    expect(offer).toEqual({ type: 'offer', sdp: 'v=0' });
    expect(fromSignalData(offer)).toEqual({
      kind: 'description',
      description: { type: 'offer', sdp: 'v=0' },
    });
    const candidate = toSignalData({
      kind: 'candidate',
      candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host', sdpMid: '0', sdpMLineIndex: 0 },
    });
    expect(candidate.type).toBe('candidate');
    expect(fromSignalData(candidate)).toMatchObject({ kind: 'candidate', candidate: { sdpMid: '0' } });
  });

  it('ignores a candidate message without a candidate', () => {
    expect(fromSignalData({ type: 'candidate', candidate: null })).toBeNull();
  });

  it('formats durations as m:ss and h:mm:ss', () => {
    expect(formatCallDuration(252_000)).toBe('4:12');
    expect(formatCallDuration(3_723_000)).toBe('1:02:03');
    expect(formatCallDuration(-5)).toBe('0:00');
  });
});
