/**
 * Nothing is lost: every character of the note's body text (Markdown syntax
 * aside) lands in exactly one piece of the model, in document order. The
 * body's text is read independently, straight from remark's mdast.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/timeline/index.ts';
import { bodyText, comparable, DEFAULT_NOTE, fixturePath, modelText, parse } from './support/helpers.ts';

/** Obsidian syntax that plain remark leaves in the text, whether or not the parser shows it: callout markers. */
const obsidianSyntax = (text: string) => text.replace(/\[![\w-]+\][+-]?/gu, '');

/**
 * `headers`: the header rows of tables read as events, as their text runs
 * (`BandYear`): they name the columns that became each event's date and
 * title, and are not repeated in every event.
 */
function expectNothingLost(source: string, file: string, headers: string[] = []) {
  const model = comparable(obsidianSyntax(modelText(parseNote(source, { file }))));
  let body = comparable(obsidianSyntax(bodyText(source)));
  for (const header of headers) {
    expect(body).toContain(header);
    body = body.replace(header, '');
  }
  expect(body.length).toBeGreaterThan(0);
  // Equal strings: nothing dropped, nothing doubled, nothing moved.
  expect(model).toBe(body);
}

describe('nothing is lost', () => {
  it.each([
    // The note the site ships with.
    ['default note', DEFAULT_NOTE, []],
    // Quotes, a table with a date column, code, a callout, lists and link titles.
    ['english fixture', fixturePath('english'), ['BandYear']],
    // Mixed scripts, odd spaces around colons.
    ['mixed fixture', fixturePath('mixed'), []],
  ] as Array<[string, string, string[]]>)('%s', (_name, path, headers) => {
    expectNothingLost(readFileSync(path, 'utf8'), path, headers);
  });

  it.each([
    // A title that is only a year: the year is counted once.
    ['year-only title', '## A 2000\n\n（1997）：alone\n'],
    // A footnote and a reference link.
    ['footnotes and references', '## A\n\nX: y[^1] [ref][r]\n\n[^1]: Note text.\n\n[r]: https://r.org\n'],
    // A list mixing entries, plain items and nested blocks.
    ['mixed list', '## A\n\n- X: y\n  - nested\n- plain\n- Z: w\n\n  more\n'],
    // Notes, intro and sub-periods with no year.
    ['notes and intro', '# T\n\npre\n\n## A\n\n*intro*\n\nnote one\nX: y\nnote two\n\n### Sub\n\nZ: w\n'],
  ])('%s', (_name, source) => {
    expectNothingLost(source, 'n.md');
  });

  it('holds for generated notes of entry and note lines', () => {
    const word = fc.stringMatching(/^[A-Za-z\u4e00-\u4e5f][A-Za-z0-9\u4e00-\u4e5f ]{0,11}$/u);
    const line = fc.oneof(
      fc.tuple(word, word).map(([t, d]) => `${t}：${d}`),
      fc.tuple(word, fc.integer({ min: 1000, max: 2099 }), word).map(([t, y, d]) => `${t} (${y}): ${d}`),
      fc.tuple(word, word).map(([t, d]) => `**${t}**: *${d}*`),
      word,
    );
    const era = fc.tuple(word, fc.array(fc.array(line, { minLength: 1, maxLength: 4 }), { maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(era, { minLength: 1, maxLength: 4 }), (eras) => {
        const source = eras
          .map(([name, paragraphs]) => `## ${name} 2000\n\n${paragraphs.map((p) => p.join('\n')).join('\n\n')}\n`)
          .join('\n');
        const model = comparable(modelText(parse(source)));
        return model === comparable(bodyText(source));
      }),
      { numRuns: 40 },
    );
  }, 30_000);
});
