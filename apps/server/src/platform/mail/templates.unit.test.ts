import { describe, expect, it } from 'vitest';
import { otpMail } from './templates.js';

const HAIR_SPACE = '&#8202;';

/** The characters the HTML part shows for the code: one piece per character, separated by hair spaces. */
function codePieces(html: string): string[] {
  const spaced = />([^<>]*&#8202;[^<>]*)</.exec(html)?.[1] ?? '';
  return spaced.split(HAIR_SPACE);
}

describe('the sign-in code email', () => {
  it('carries the code in the subject, the text part and the HTML part', () => {
    const mail = otpMail('reader@example.com', '042917', 10);
    expect(mail.to).toBe('reader@example.com');
    expect(mail.subject).toBe('042917 is your Guftagu sign-in code');
    expect(mail.text).toContain('Your Guftagu sign-in code is 042917');
    expect(codePieces(mail.html)).toEqual(['0', '4', '2', '9', '1', '7']);
  });

  it('states how long the code is valid in both parts', () => {
    const mail = otpMail('reader@example.com', '123456', 7);
    expect(mail.text).toContain('expires in 7 minutes');
    expect(mail.html).toContain('expires in 7 minutes');
  });

  it('escapes the code in the HTML part, one whole entity per character', () => {
    const mail = otpMail('reader@example.com', `<b>&"'`, 10);
    expect(mail.html).not.toContain('<b>');
    expect(codePieces(mail.html)).toEqual(['&#60;', 'b', '&#62;', '&#38;', '&#34;', '&#39;']);
  });

  it('is a complete HTML document with a plain-text alternative that has no markup', () => {
    const mail = otpMail('reader@example.com', '123456', 10);
    expect(mail.html).toMatch(/^<!doctype html>/i);
    expect(mail.html).toMatch(/<\/html>$/);
    expect(mail.text).not.toMatch(/[<>]/);
  });
});
