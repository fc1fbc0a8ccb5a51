import { type SQL, sql } from 'drizzle-orm';

/**
 * PostgreSQL full-text search helpers shared by direct and channel messages: a prefix query from
 * free text, and `ts_headline` snippets turned into escaped HTML whose only markup is `<mark>`.
 */

/** Turns free text into a prefix query of its words, so "hel wor" finds "hello world". */
export function prefixQuery(text: string): string | null {
  // A single Latin letter or digit as a prefix matches nearly everything and finds nothing useful.
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter(
    (word) => !/^[a-z0-9]$/.test(word),
  );
  if (words.length === 0) return null;
  return words
    .slice(0, 10)
    .map((word) => `${word}:*`)
    .join(' & ');
}

const SNIPPET_CODES: Record<string, string> = {
  '\u0001': '<mark>',
  '\u0002': '</mark>',
  '\u0003': '&#60;',
  '\u0004': '&#62;',
  '\u0005': '&#38;',
  '"': '&#34;',
  "'": '&#39;',
};

/** The escaped HTML of a `headlineSql` result. */
export function toSnippetHtml(headline: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the markers are control characters on purpose (see headlineSql).
  return headline.replace(/[\u0001-\u0005"']/g, (char) => SNIPPET_CODES[char] ?? '');
}

/**
 * `ts_headline` treats `<…>` as markup and drops it, and its own markers must survive escaping: so
 * the text goes in with < > & swapped for control characters 3–5, matches come back between 1 and 2,
 * and `toSnippetHtml` turns everything into escaped HTML.
 */
export function headlineSql(content: SQL, query: SQL): SQL {
  return sql`ts_headline('simple',
    translate(${content}, '<>&' || chr(1) || chr(2) || chr(3) || chr(4) || chr(5), chr(3) || chr(4) || chr(5)),
    ${query},
    'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=35, MinWords=15')`;
}
