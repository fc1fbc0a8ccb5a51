import { describe, expect, it } from 'vitest';
import { formatDayLabel, formatListTime, formatMessageTime } from './format';

// Local-time instants, so the expectations hold in any time zone.
const now = new Date(2026, 2, 18, 16, 0, 0).getTime();
const at = (day: number, hour: number, minute: number, second = 0) =>
  new Date(2026, 2, day, hour, minute, second).toISOString();

describe('message time labels (seed 000)', () => {
  it('says "Just now" under a minute and "2m ago" within the hour', () => {
    expect(formatMessageTime(at(18, 15, 59, 30), now)).toBe('Just now');
    expect(formatMessageTime(at(18, 15, 58), now)).toBe('2m ago');
  });

  it('shows the clock later today and "Yesterday 3:45 PM" the day before', () => {
    expect(formatMessageTime(at(18, 9, 5), now)).toBe('9:05 AM');
    expect(formatMessageTime(at(17, 15, 45), now)).toBe('Yesterday 3:45 PM');
  });

  it('names the weekday within a week, then the date', () => {
    expect(formatMessageTime(at(15, 8, 0), now)).toMatch(/^Sun 8:00 AM$/);
    expect(formatMessageTime(at(2, 8, 0), now)).toBe('Mar 2, 8:00 AM');
  });

  it('labels day separators and list times', () => {
    expect(formatDayLabel(at(18, 1, 0), now)).toBe('Today');
    expect(formatDayLabel(at(17, 23, 59), now)).toBe('Yesterday');
    expect(formatListTime(at(17, 23, 59), now)).toBe('Yesterday');
    expect(formatListTime(at(18, 15, 30), now)).toBe('30m');
  });
});
