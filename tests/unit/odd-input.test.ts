/**
 * Odd but valid input: what editors, operating systems and copy-paste do to
 * a note. Each variant must give the same timeline as the plain note.
 */
import { describe, expect, it } from 'vitest';
import type { Timeline } from '../../src/timeline/index.ts';
import { parse } from './helpers.ts';

const PLAIN = [
  '---',
  'title: Odd',
  '---',
  '',
  '## 序曲 2022',
  '',
  '*Intro.*',
  '',
  'ChatGPT：a chat model.',
  'Whisper: speech.',
  '',
  '### 2017-2021',
  '',
  'Transformer（2017）：attention.',
  'A plain note.',
  '',
].join('\n');

/** What a reader sees: eras, their intros, items with titles, years and descriptions, and positions. */
function shape(t: Timeline) {
  return {
    title: t.meta.title,
    eras: t.eras.map((e) => ({
      slug: e.slug,
      heading: e.heading,
      period: e.period,
      intro: e.intro?.html ?? null,
      position: e.position,
      items: e.items.map((i) =>
        i.kind === 'entry'
          ? [i.title, i.yearLabel, i.description.html, i.position.line]
          : i.kind === 'subperiod'
            ? [i.heading, i.period?.label, i.position.line]
            : [i.kind, i.kind === 'note' || i.kind === 'block' ? i.content.html : '', i.position.line],
      ),
    })),
  };
}

const expected = shape(parse(PLAIN));

describe('the same timeline from an oddly written note', () => {
  it('parses the plain note as expected', () => {
    expect(expected.eras[0]!.items).toEqual([
      ['ChatGPT', null, 'a chat model.', 9],
      ['Whisper', null, 'speech.', 10],
      ['2017-2021', '2017-2021', 12],
      ['Transformer', '2017', 'attention.', 14],
      ['note', 'A plain note.', 15],
    ]);
  });

  it.each([
    // Windows line endings.
    ['CRLF line endings', PLAIN.replace(/\n/gu, '\r\n')],
    // Classic Mac line endings.
    ['CR line endings', PLAIN.replace(/\n/gu, '\r')],
    // A byte order mark before the frontmatter.
    ['a UTF-8 BOM', `\uFEFF${PLAIN}`],
    // Trailing spaces and tabs on every line (but not two spaces, which is a hard break).
    ['trailing whitespace', PLAIN.replace(/\n/gu, ' \t\n')],
    // Closing `#`s on headings.
    ['headings with trailing #s', PLAIN.replace('## 序曲 2022', '## 序曲 2022 ##').replace('### 2017-2021', '### 2017-2021 ###')],
    // Tabs around the colons.
    ['tabs around colons', PLAIN.replace('ChatGPT：', 'ChatGPT\t：\t').replace('Whisper: ', 'Whisper:\t')],
    // No-break and full-width spaces around colons.
    ['NBSP and full-width spaces', PLAIN.replace('ChatGPT：', 'ChatGPT\u00a0：\u3000').replace('Whisper: ', 'Whisper:\u00a0')],
    // Spaces before a full-width colon.
    ['spaces before the colon', PLAIN.replace('ChatGPT：', 'ChatGPT  ：  ')],
    // Extra blank lines between blocks.
    ['extra blank lines at the end', `${PLAIN}\n\n\n`],
  ])('%s', (_name, source) => {
    expect(shape(parse(source))).toEqual(expected);
  });

  it('reads setext headings as eras and sub-periods', () => {
    const setext = PLAIN.replace('## 序曲 2022', '序曲 2022\n---').replace('\n### 2017-2021\n', '\n#### x\n');
    const t = parse(setext);
    expect(t.eras.map((e) => [e.heading, e.period?.from])).toEqual([['序曲 2022', 2022]]);
    const h1 = parse('My Title\n========\n\nEra 2000\n--------\n\nX: y\n');
    expect(h1.meta.title).toBe('My Title');
    expect(h1.eras[0]!.name).toBe('Era');
  });

  it('keeps a leading tab off a continuation line of a paragraph', () => {
    const t = parse('## A 2000\n\nX: y\n\tZ: w\n');
    expect(t.eras[0]!.items.map((i) => i.kind === 'entry' && i.title)).toEqual(['X', 'Z']);
  });

  it('reads an era heading with emphasis or code in it as its text', () => {
    const t = parse('## *Swing* `era` 1935-1945\n\nX: y\n');
    expect(t.eras[0]).toMatchObject({ heading: 'Swing era 1935-1945', name: 'Swing era', slug: 'swing-era' });
  });

  it('parses a note with no frontmatter, no H1 and no preface', () => {
    const t = parse('## Only 2000\n\nX: y\n', 'Only.md');
    expect(t.meta).toMatchObject({ title: 'Only', tags: [], publish: null });
    expect(t.eras).toHaveLength(1);
  });

  it('parses a long note quickly and without losing entries', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `Entry ${i} (${1000 + (i % 1000)})：description ${i}`);
    const started = performance.now();
    const t = parse(`## Big 1000 - 1999\n\n${lines.join('\n')}\n`);
    expect(t.eras[0]!.items).toHaveLength(2000);
    expect(new Set(t.eras[0]!.items.map((i) => ('id' in i ? i.id : ''))).size).toBe(2000);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
