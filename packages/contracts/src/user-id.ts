import { z } from 'zod';

/** The permanent public id: exactly seven digits, 1000000–9999999 (seed 000 "7-Digit Unique User ID"). */
export const USER_ID_MIN = 1_000_000;
export const USER_ID_MAX = 9_999_999;

const USER_ID_PATTERN = /^[1-9]\d{6}$/;

export function isValidUserId(value: unknown): value is string {
  return typeof value === 'string' && USER_ID_PATTERN.test(value);
}

/** "1234567" → "123-4567"; anything that is not a valid id is returned unchanged. */
export function formatUserId(value: string): string {
  if (!isValidUserId(value)) return value;
  return `${value.slice(0, 3)}-${value.slice(3)}`;
}

export const ZUserId7 = z.string().regex(USER_ID_PATTERN, 'Must be a 7-digit user ID');
