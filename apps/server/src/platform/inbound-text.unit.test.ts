import { describe, expect, it } from 'vitest';
import { findNulByte } from './inbound-text.js';

describe('findNulByte', () => {
  it('names the path of the first string holding U+0000', () => {
    expect(findNulByte({ a: 'fine', b: [{ c: 'x\u0000y' }] })).toBe('b.0.c');
    expect(findNulByte('\u0000')).toBe('(value)');
  });

  it('finds NUL bytes in object keys too', () => {
    expect(findNulByte({ 'k\u0000': 1 })).toBe('k\\0');
  });

  it('accepts every other character, including other control characters and emoji', () => {
    expect(findNulByte({ text: 'line\r\n\u0007 👋🏽 ٹیسٹ', n: 1, ok: true, none: null })).toBeUndefined();
  });

  it('stops descending past a depth no contract uses instead of overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let level = 0; level < 100_000; level += 1) deep = { a: deep };
    expect(findNulByte(deep)).toBeUndefined();
  });
});
