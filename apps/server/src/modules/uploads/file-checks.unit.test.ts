import { describe, expect, it } from 'vitest';
import { contentDisposition, sanitizeFileName, storageSlug } from './file-names.js';
import { fileTypeFor, isPlainText } from './file-types.js';

describe('sanitizeFileName', () => {
  it.each([
    ['C:\\Users\\me\\cv.pdf', 'cv.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['a\u0000b\u001bc\u007f.txt', 'abc.txt'],
    ['line\r\nbreak.txt', 'linebreak.txt'],
    ['photo\u202egnp.exe', 'photognp.exe'],
    ['  spaced   out  .txt  ', 'spaced out .txt'],
    ['.hidden', 'hidden'],
    ['', 'file'],
    [undefined, 'file'],
    ['e\u0301te\u0301.txt', 'été.txt'],
  ])('turns %j into %j', (raw, expected) => {
    expect(sanitizeFileName(raw)).toBe(expected);
  });

  it('shortens a very long name but keeps its extension', () => {
    const name = sanitizeFileName(`${'ü'.repeat(500)}.pdf`);
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('storageSlug', () => {
  it('is lowercase ASCII that the storage key pattern accepts', () => {
    expect(storageSlug('Résumé 2026 (final).PDF')).toBe('resume-2026-final.pdf');
    expect(storageSlug('日本語.txt')).toBe('file.txt');
    expect(storageSlug('x'.repeat(100))).toHaveLength(60);
  });
});

describe('contentDisposition', () => {
  it('quotes an ASCII fallback and carries the exact UTF-8 name', () => {
    expect(contentDisposition('attachment', 'naïve "quote";.txt')).toBe(
      `attachment; filename="na_ve _quote__.txt"; filename*=UTF-8''na%C3%AFve%20%22quote%22%3B.txt`,
    );
  });

  it('can never contain a line break', () => {
    expect(contentDisposition('inline', 'a\r\nSet-Cookie: x=1')).not.toMatch(/[\r\n]/);
  });
});

describe('file types', () => {
  it('accepts UTF-8 text and refuses binaries and markup', () => {
    expect(isPlainText(Buffer.from('héllo, wörld'))).toBe(true);
    expect(isPlainText(Buffer.from('\uFEFF  <!doctype html><p>'))).toBe(false);
    expect(isPlainText(Buffer.from('<svg onload=alert(1)>'))).toBe(false);
    expect(isPlainText(Buffer.from([0x4d, 0x5a, 0x90, 0x00]))).toBe(false);
    expect(isPlainText(Buffer.from([0xc3, 0x28]))).toBe(false);
  });

  it('tolerates a multi-byte character cut at the end of the sampled head', () => {
    const text = Buffer.from('ok ✓');
    expect(isPlainText(text.subarray(0, text.length - 1))).toBe(true);
  });

  it('knows only allowlisted extensions, never inherited object keys', () => {
    expect(fileTypeFor('pdf')?.mime).toBe('application/pdf');
    expect(fileTypeFor('html')).toBeUndefined();
    expect(fileTypeFor('constructor')).toBeUndefined();
    expect(fileTypeFor('__proto__')).toBeUndefined();
  });
});
