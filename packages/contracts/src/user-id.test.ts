import { describe, expect, it } from 'vitest';
import { formatUserId, isValidUserId } from './user-id.js';

describe('7-digit user ids', () => {
  it('accepts exactly seven digits from 1000000 to 9999999', () => {
    expect(isValidUserId('1000000')).toBe(true);
    expect(isValidUserId('9999999')).toBe(true);
    expect(isValidUserId('0999999')).toBe(false);
    expect(isValidUserId('123456')).toBe(false);
    expect(isValidUserId('12345678')).toBe(false);
    expect(isValidUserId('12a4567')).toBe(false);
    expect(isValidUserId(1234567)).toBe(false);
  });

  it('formats as 123-4567 and leaves invalid input untouched', () => {
    expect(formatUserId('1234567')).toBe('123-4567');
    expect(formatUserId('abc')).toBe('abc');
  });
});
