import { describe, expect, it } from 'vitest';
import { insertMention, MENTION_LIMIT, mentionCandidates, mentionQuery, splitMentions } from './mentions';
import { member, role } from './test-fixtures';

const ANN = '0190a000-0000-7000-8000-000000000001';
const MODS = '0190a000-0000-7000-8000-0000000000aa';

describe('mention syntax', () => {
  it('splits user, role and everyone mentions out of text, as the server parses them', () => {
    expect(splitMentions(`hi <@${ANN}> and <@!${ANN}>, <@&${MODS}>: @everyone look@here`)).toEqual([
      { type: 'text', text: 'hi ' },
      { type: 'user', id: ANN },
      { type: 'text', text: ' and ' },
      { type: 'user', id: ANN },
      { type: 'text', text: ', ' },
      { type: 'role', id: MODS },
      { type: 'text', text: ': ' },
      { type: 'everyone', text: '@everyone' },
      { type: 'text', text: ' look@here' },
    ]);
    expect(splitMentions('plain <@not-a-uuid>')).toEqual([{ type: 'text', text: 'plain <@not-a-uuid>' }]);
  });

  it('finds the @word at the caret only at a word start', () => {
    expect(mentionQuery('hello @an', 9)).toEqual({ start: 6, query: 'an' });
    expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQuery('mail me@an', 10)).toBeNull();
    expect(mentionQuery('@ann done', 9)).toBeNull();
    // The caret inside the word: what is before it counts.
    expect(mentionQuery('hey @annie', 7)).toEqual({ start: 4, query: 'an' });
  });

  it('inserts the mention syntax with one space, replacing the typed query', () => {
    expect(insertMention('hey @an', 4, 7, `<@${ANN}>`)).toEqual({
      text: `hey <@${ANN}> `,
      caret: 4 + ANN.length + 4,
    });
    expect(insertMention('hey @an there', 4, 7, '@here').text).toBe('hey @here there');
  });
});

describe('mention candidates', () => {
  const members = [
    member(ANN, { user: { ...member(ANN).user, username: 'ann', displayName: 'Annie' } }),
    member('bob', { nickname: 'Bobby Ann' }),
    member('me', { user: { ...member('me').user, username: 'anna' } }),
  ];
  const roles = [
    role('everyone', { isDefault: true }),
    role(MODS, { name: 'Annotators', mentionable: true }),
    role('hidden', { name: 'Anon', mentionable: false }),
  ];

  it('ranks prefix matches first, me after others, then mentionable roles; never @everyone without the flag', () => {
    const list = mentionCandidates('ann', { members, roles, canMentionEveryone: false, me: 'me' });
    expect(list.map((item) => item.insert)).toEqual([`<@${ANN}>`, '<@me>', `<@&${MODS}>`, '<@bob>']);
    expect(mentionCandidates('ev', { members, roles, canMentionEveryone: false, me: 'me' })).toEqual([]);
  });

  it('offers @everyone and @here to members allowed to mention everyone', () => {
    const list = mentionCandidates('', { members: [], roles: [], canMentionEveryone: true, me: 'me' });
    expect(list.map((item) => item.insert)).toEqual(['@everyone', '@here']);
  });

  it('caps the list', () => {
    const many = Array.from({ length: 20 }, (_, index) => member(`u${index}`));
    expect(
      mentionCandidates('u', { members: many, roles: [], canMentionEveryone: false, me: 'x' }),
    ).toHaveLength(MENTION_LIMIT);
  });
});
