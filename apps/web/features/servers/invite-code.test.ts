import { describe, expect, it } from 'vitest';
import { inviteLink, parseInviteInput } from './invite-code';

describe('parseInviteInput', () => {
  it.each([
    ['aB3xY9', 'aB3xY9'],
    ['  aB3xY9 \n', 'aB3xY9'],
    ['https://guftagu.app/invite/aB3xY9', 'aB3xY9'],
    ['http://localhost:3000/invite/aB3xY9?ref=x', 'aB3xY9'],
    ['/invite/aB3xY9', 'aB3xY9'],
    ['guftagu.app/invite/aB3xY9#top', 'aB3xY9'],
  ])('reads %j as %j', (input, code) => {
    expect(parseInviteInput(input)).toBe(code);
  });

  it.each(['', '   ', 'hello world', 'https://example.com/', '/invite/', 'a', '<script>'])(
    'rejects %j',
    (input) => {
      expect(parseInviteInput(input)).toBeNull();
    },
  );
});

describe('inviteLink', () => {
  it('builds a link on the given origin', () => {
    expect(inviteLink('aB3', 'https://guftagu.app/')).toBe('https://guftagu.app/invite/aB3');
  });
});
