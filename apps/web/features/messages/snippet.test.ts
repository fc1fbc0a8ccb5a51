import { describe, expect, it } from 'vitest';
import { parseSnippet } from './snippet';

describe('search snippets', () => {
  it('splits highlights and decodes entities without ever producing markup', () => {
    expect(
      parseSnippet('The <mark>pineapple</mark> pizza was &#60;b&#62;great&#60;/b&#62; &amp; more'),
    ).toEqual([
      { text: 'The ', highlighted: false },
      { text: 'pineapple', highlighted: true },
      { text: ' pizza was <b>great</b> & more', highlighted: false },
    ]);
  });
});
