/** Discord's mention syntax, parsed from message text. Ids are UUIDs here. */
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const USER_MENTION = new RegExp(`<@!?(${UUID})>`, 'g');
const ROLE_MENTION = new RegExp(`<@&(${UUID})>`, 'g');
const EVERYONE = /(^|[^\w])@(everyone|here)\b/;

/** At most this many distinct users and roles count as mentioned in one message (spam guard). */
export const MENTIONS_MAX = 50;

export interface ParsedMentions {
  userIds: string[];
  roleIds: string[];
  /** `@everyone` or `@here` appears; whether it counts is the sender's MENTION_EVERYONE. */
  everyone: boolean;
}

export function parseMentions(content: string): ParsedMentions {
  const unique = (pattern: RegExp) =>
    [...new Set([...content.matchAll(pattern)].map((match) => (match[1] ?? '').toLowerCase()))].slice(
      0,
      MENTIONS_MAX,
    );
  return { userIds: unique(USER_MENTION), roleIds: unique(ROLE_MENTION), everyone: EVERYONE.test(content) };
}
