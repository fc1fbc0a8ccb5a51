/**
 * The search API returns HTML-escaped text with matches wrapped in `<mark>…</mark>`. We never inject it
 * as HTML: it is split into plain text parts (entities decoded) and highlighted parts, which React then
 * renders as text, so a crafted message can never become markup.
 */
export interface SnippetPart {
  text: string;
  highlighted: boolean;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(value: string): string {
  return value.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
    return NAMED[body.toLowerCase()] ?? entity;
  });
}

export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let highlighted = false;
  for (const piece of snippet.split(/(<\/?mark>)/)) {
    if (piece === '<mark>') highlighted = true;
    else if (piece === '</mark>') highlighted = false;
    else if (piece) parts.push({ text: decodeEntities(piece), highlighted });
  }
  return parts;
}
