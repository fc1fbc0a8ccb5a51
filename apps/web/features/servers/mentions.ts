import type { TMember, TRole } from '@guftagu/contracts';

/**
 * Discord's mention syntax as the server parses it (modules/channel-messages/mentions.ts): `<@userId>`,
 * `<@&roleId>`, and `@everyone` / `@here` as plain words. The composer inserts the syntax; messages
 * render it back as names.
 */
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const TOKEN = new RegExp(`<@!?(${UUID})>|<@&(${UUID})>|(^|[^\\w])@(everyone|here)\\b`, 'g');

export type MentionSegment =
  | { type: 'text'; text: string }
  | { type: 'user'; id: string }
  | { type: 'role'; id: string }
  | { type: 'everyone'; text: '@everyone' | '@here' };

export function splitMentions(content: string): MentionSegment[] {
  const segments: MentionSegment[] = [];
  let from = 0;
  const text = (value: string) => {
    if (!value) return;
    const last = segments.at(-1);
    if (last?.type === 'text') last.text += value;
    else segments.push({ type: 'text', text: value });
  };
  for (const match of content.matchAll(TOKEN)) {
    const index = match.index ?? 0;
    const [whole, userId, roleId, before, word] = match;
    text(content.slice(from, index));
    if (userId) segments.push({ type: 'user', id: userId.toLowerCase() });
    else if (roleId) segments.push({ type: 'role', id: roleId.toLowerCase() });
    else {
      text(before ?? '');
      segments.push({ type: 'everyone', text: word === 'here' ? '@here' : '@everyone' });
    }
    from = index + whole.length;
  }
  text(content.slice(from));
  return segments;
}

/** The `@word` being typed at the caret, if any: where it starts and what follows the `@`. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([^\s@<>]{0,32})$/.exec(before);
  if (!match) return null;
  const query = match[2] ?? '';
  return { start: caret - query.length - 1, query };
}

export interface MentionCandidate {
  key: string;
  kind: 'user' | 'role' | 'everyone';
  label: string;
  detail: string;
  color: string | null;
  /** What goes into the text (followed by a space). */
  insert: string;
  avatar?: string | null;
}

export const MENTION_LIMIT = 8;

/** Candidates for a query: members by nickname, display or user name; mentionable roles; @everyone/@here. */
export function mentionCandidates(
  query: string,
  source: { members: readonly TMember[]; roles: readonly TRole[]; canMentionEveryone: boolean; me: string },
): MentionCandidate[] {
  const q = query.toLowerCase();
  const rank = (...names: (string | null | undefined)[]) => {
    let best = Number.POSITIVE_INFINITY;
    for (const name of names) {
      const value = name?.toLowerCase();
      if (!value) continue;
      if (value.startsWith(q)) best = Math.min(best, 0);
      else if (value.includes(q)) best = Math.min(best, 1);
    }
    return best;
  };
  const ranked: { rank: number; candidate: MentionCandidate }[] = [];
  if (source.canMentionEveryone) {
    for (const word of ['everyone', 'here'] as const) {
      const r = rank(word);
      if (r < Number.POSITIVE_INFINITY)
        ranked.push({
          rank: r,
          candidate: {
            key: `@${word}`,
            kind: 'everyone',
            label: `@${word}`,
            detail: word === 'everyone' ? 'Notify everyone in this channel' : 'Notify everyone online',
            color: null,
            insert: `@${word}`,
          },
        });
    }
  }
  for (const member of source.members) {
    const { user } = member;
    const r = rank(member.nickname, user.displayName, user.username);
    if (r === Number.POSITIVE_INFINITY) continue;
    ranked.push({
      rank: r + (member.userId === source.me ? 0.5 : 0),
      candidate: {
        key: `user:${member.userId}`,
        kind: 'user',
        label: member.nickname || user.displayName || user.username,
        detail: `@${user.username}`,
        color: null,
        insert: `<@${member.userId}>`,
        avatar: user.profilePicture,
      },
    });
  }
  for (const role of source.roles) {
    // The server resolves only mentionable roles (resolveMentionTargets), whoever sends.
    if (role.isDefault || !role.mentionable) continue;
    const r = rank(role.name);
    if (r === Number.POSITIVE_INFINITY) continue;
    ranked.push({
      rank: r + 0.75,
      candidate: {
        key: `role:${role.id}`,
        kind: 'role',
        label: `@${role.name}`,
        detail: 'Role',
        color: role.color,
        insert: `<@&${role.id}>`,
      },
    });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || a.candidate.label.localeCompare(b.candidate.label))
    .slice(0, MENTION_LIMIT)
    .map((entry) => entry.candidate);
}

/** Replaces the `@query` at `start…caret` with the mention and a space; returns the text and caret. */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  insert: string,
): { text: string; caret: number } {
  const after = text.slice(caret);
  const spacer = after.startsWith(' ') ? '' : ' ';
  const next = `${text.slice(0, start)}${insert}${spacer}${after}`;
  return { text: next, caret: start + insert.length + 1 };
}
