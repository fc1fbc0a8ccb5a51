import { describe, expect, it } from 'vitest';
import { callLine, formatDuration } from './calls.dto.js';

describe('call lines', () => {
  it('say what happened, with the duration of an answered call', () => {
    expect(callLine('voice', 'completed', 252)).toBe('Voice call · 4:12');
    expect(callLine('video', 'completed', 3723)).toBe('Video call · 1:02:03');
    expect(callLine('video', 'missed', 0)).toBe('Missed video call');
    expect(callLine('voice', 'cancelled', 0)).toBe('Missed voice call');
    expect(callLine('voice', 'declined', 0)).toBe('Declined voice call');
  });

  it('never show a negative or fractional duration', () => {
    expect(formatDuration(-3)).toBe('0:00');
    expect(formatDuration(59.9)).toBe('0:59');
  });
});
