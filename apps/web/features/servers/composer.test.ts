import { describe, expect, it } from 'vitest';
import { composerPlaceholder } from './composer';
import { channel } from './test-fixtures';

describe('composer placeholder', () => {
  it('says why the composer is off, naming announcement channels', () => {
    expect(composerPlaceholder(channel('news', { type: 'announcement' }), false, true)).toMatch(
      /announcement/,
    );
    expect(composerPlaceholder(channel('general'), false, true)).toMatch(/permission/);
  });

  it('mentions slow mode and missing attachments when it is on', () => {
    expect(composerPlaceholder(channel('general'), true, true)).toBe('Message #general');
    expect(composerPlaceholder(channel('general', { slowModeSeconds: 10 }), true, true)).toMatch(/slow mode/);
    expect(composerPlaceholder(channel('general'), true, false)).toMatch(/no attachments/);
  });
});
