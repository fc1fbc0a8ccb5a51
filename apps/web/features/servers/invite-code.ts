/** Invite codes are short URL-safe tokens; anything else in the box is not one. */
const CODE = /^[A-Za-z0-9_-]{2,64}$/;

/**
 * What someone pastes into "Join a server": a bare code ("aB3xY9"), our link
 * ("https://guftagu.app/invite/aB3xY9") or a link's path ("/invite/aB3xY9"). Returns the code, or null.
 */
export function parseInviteInput(raw: string): string | null {
  const value = raw.trim();
  if (!value) return null;
  if (CODE.test(value)) return value;
  const match = /(?:^|\/)invite\/([^/?#\s]+)/.exec(value);
  const code = match?.[1] ? decodeURIComponent(match[1]) : null;
  return code && CODE.test(code) ? code : null;
}

/** The shareable link for an invite code, on this site's origin. */
export function inviteLink(code: string, origin: string): string {
  return `${origin.replace(/\/$/, '')}/invite/${encodeURIComponent(code)}`;
}
