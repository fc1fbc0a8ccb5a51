import { describe, expect, it } from 'vitest';
import { MENTIONS_MAX, parseMentions } from './mentions.js';

const A = '01a25319-9eda-729b-8c28-70064d06cb23';
const B = '01a25319-9eda-729b-8c28-70064d06cb24';

describe('parseMentions', () => {
  it('finds user, role and everyone mentions, each id once, lower-cased', () => {
    expect(parseMentions(`<@${A}> <@!${A.toUpperCase()}> <@&${B}> hi @here`)).toEqual({
      userIds: [A],
      roleIds: [B],
      everyone: true,
    });
  });

  it('ignores lookalikes: emails, words and malformed ids', () => {
    expect(parseMentions(`mail me@everyone.com or someone@here, <@123> <@&nope> <${A}>`)).toEqual({
      userIds: [],
      roleIds: [],
      everyone: false,
    });
  });

  it('caps the ids it returns', () => {
    const many = Array.from(
      { length: MENTIONS_MAX + 10 },
      (_, i) => `<@${A.slice(0, -4)}${String(i).padStart(4, '0')}>`,
    );
    expect(parseMentions(many.join(' ')).userIds).toHaveLength(MENTIONS_MAX);
  });
});
