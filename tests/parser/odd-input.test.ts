/**
 * Odd but valid input: what editors, operating systems and copy-paste do to
 * a note. Each variant must give the same timeline as the plain note.
 */
import { describe, expect, it } from 'vitest';
import type { Entry, Timeline } from '../../src/timeline/index.ts';
import { entries, parse } from './support/helpers.ts';

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
    [
      'headings with trailing #s',
      PLAIN.replace('## 序曲 2022', '## 序曲 2022 ##').replace('### 2017-2021', '### 2017-2021 ###'),
    ],
    // Tabs around the colons.
    ['tabs around colons', PLAIN.replace('ChatGPT：', 'ChatGPT\t：\t').replace('Whisper: ', 'Whisper:\t')],
    // No-break and full-width spaces around colons.
    [
      'NBSP and full-width spaces',
      PLAIN.replace('ChatGPT：', 'ChatGPT\u00a0：\u3000').replace('Whisper: ', 'Whisper:\u00a0'),
    ],
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

/** A slug or id with no doubled or dangling dash. */
const CLEAN = /^(?!-)(?!.*--)(?!.*-$).+$/u;

describe('odd but valid input', () => {
  it('parses a 1 MB line, an entry whose description is 1 MB, whole and in reasonable time', () => {
    // Text in several scripts, colons and all; Markdown marks only at the ends:
    // micromark (not our code) slows down superlinearly with tens of thousands
    // of emphasis marks in one paragraph (200 KB of them: 20 s).
    const unit = 'word 字 🎉 مرحبا: שלום：x ';
    const middle = unit
      .repeat(Math.ceil(1_000_000 / unit.length))
      .slice(0, 1_000_000)
      .trim();
    const description = `**bold** ${middle} \`a: b\``;
    const started = performance.now();
    const t = parse(`## Big 2000\n\nTitle：${description}\n`);
    const elapsed = performance.now() - started;
    const [entry, ...rest] = entries(t);
    expect(rest).toEqual([]);
    expect(description.length).toBeGreaterThan(1_000_000);
    expect(entry).toMatchObject({ title: 'Title', position: { line: 3, column: 1 } });
    // Whole: the rendered text is the description without its Markdown marks.
    expect(entry!.description.text).toBe(description.replace(/\*\*|`/gu, ''));
    // A few seconds on a loaded 2-core machine (micromark does most of it);
    // a quadratic step would take hours.
    expect(elapsed).toBeLessThan(60_000);
  }, 120_000);

  it.each([
    // trimLine used /\s+$/, quadratic on a long run of spaces before the end of the line.
    ['a description', (run: string) => `## A 2000\n\nTitle：a${run}b\n`],
    ['a note', (run: string) => `## A 2000\n\na${run}b\n`],
    // The name before a period was cut with /[\s-…]+$/, quadratic in the same way.
    ['an era heading', (run: string) => `## a${run}b 2000\n\nX: y\n`],
  ])(
    'parses %s with 200,000 spaces in the middle in linear time',
    (_name, note) => {
      const started = performance.now();
      const t = parse(note(' '.repeat(200_000)));
      expect(t.eras).toHaveLength(1);
      // Linear: well under a second alone; quadratic took minutes.
      expect(performance.now() - started).toBeLessThan(20_000);
    },
    60_000,
  );

  it('parses an era heading of 100,000 words in linear time', () => {
    // The period was searched from every word to the end of the heading:
    // 50,000 words took 25 s, now about one.
    const started = performance.now();
    const t = parse(`## ${'ab '.repeat(100_000)}2000\n\nX: y\n`);
    expect(t.eras[0]!.period).toMatchObject({ from: 2000, to: 2000 });
    expect(t.eras[0]!.name).toHaveLength(3 * 100_000 - 1);
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 60_000);

  it('parses 10,000 eras of one entry each, with unique slugs and ids', () => {
    const note = Array.from({ length: 10_000 }, (_, i) => `## Era ${i} 1900\n\nEvent ${i}: x\n`).join('\n');
    const t = parse(note);
    expect(t.eras).toHaveLength(10_000);
    expect(t.warnings).toEqual([]);
    const slugs = t.eras.map((e) => e.slug);
    expect(slugs.slice(0, 3)).toEqual(['era-0', 'era-1', 'era-2']);
    expect(new Set(slugs).size).toBe(10_000);
    const ids = entries(t).map((e) => e.id);
    expect(ids).toHaveLength(10_000);
    expect(new Set([...slugs, ...ids]).size).toBe(20_000);
    for (const id of [...slugs, ...ids]) expect(id).toMatch(CLEAN);
    expect(t.eras.every((e) => e.period?.from === 1900)).toBe(true);
  }, 120_000);

  it('keeps an era whose heading is followed directly by another heading, with a warning', () => {
    const t = parse('## Empty 1999\n## Full 2000\nX: y\n## Last 2001');
    expect(t.eras.map((e) => [e.heading, e.items.length])).toEqual([
      ['Empty 1999', 0],
      ['Full 2000', 1],
      ['Last 2001', 0],
    ]);
    expect(t.warnings.map((w) => [w.line, w.column, w.message])).toEqual([
      [1, 1, expect.stringContaining('Empty 1999')],
      [4, 1, expect.stringContaining('Last 2001')],
    ]);
    expect(t.eras.map((e) => e.slug)).toEqual(['empty', 'full', 'last']);
  });

  it.each([
    // A `#` glued to a word is text, not a closing sequence.
    ['## C# 2000', 'C# 2000', 'C#', 'c'],
    // A long closing sequence, then trailing spaces.
    ['## Era 2000 #####   ', 'Era 2000', 'Era', 'era'],
    // An escaped `#` stays.
    ['## Era \\# 2000 #', 'Era # 2000', 'Era #', 'era'],
    // Only a closing sequence: the heading is empty (and warned about).
    ['## ##', '', '', 'era-1'],
  ])('reads %j as the heading %j', (line, heading, name, slug) => {
    const t = parse(`${line}\n\nX: y\n`);
    expect(t.eras[0]).toMatchObject({ heading, name, slug });
  });

  it('reads `Era 2020` over `---` as an era (a setext `##`), but `---` after a blank line as a rule', () => {
    const t = parse('## A 2000\n\nX: y\n\nEra 2020\n---\n\nZ: w\n\n---\n\nLate: v\n\nSub\n===\n');
    expect(t.eras.map((e) => [e.heading, e.period?.from])).toEqual([
      ['A 2000', 2000],
      ['Era 2020', 2020],
    ]);
    const era = t.eras[1]!;
    expect(era.position).toEqual({ line: 5, column: 1 });
    expect(era.items.map((i) => (i.kind === 'entry' ? i.title : i.kind === 'block' ? i.type : i.kind))).toEqual([
      'Z',
      'thematicBreak',
      'Late',
      // A setext `=` underline is an H1: kept as a block inside the era.
      'heading',
    ]);
  });

  it.each([
    // Only a link: the link text is the title (and the id), the URL the link.
    ['[GPT](https://x.org)：a', 'GPT', null, 'https://x.org', 'gpt'],
    // Only a year: the year is the title and the id.
    ['（1997）：a', '1997', '1997', null, '1997'],
    ['- (1997–1999): a', '1997–1999', '1997–1999', null, '19971999'],
    // Only a wiki link: its alias.
    ['[[Page|Alias]]：a', 'Alias', null, null, 'alias'],
    // A link and a year.
    ['[GPT](https://x.org) (2018): a', 'GPT', '2018', 'https://x.org', 'gpt'],
  ])('reads the title of %j', (line, title, year, link, id) => {
    const [entry, ...rest] = entries(parse(`## Era\n\n${line}\n`));
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ title, yearLabel: year, link, id });
    expect((entry as Entry).description.text).toBe('a');
  });

  it('gives two year-only titles distinct ids', () => {
    expect(entries(parse('## 1997\n\n（1997）：a\n（1997）：b\n')).map((e) => e.id)).toEqual(['1997-2', '1997-3']);
  });

  it.each([
    // Not in the cases above: white space before an ASCII colon, and odd spaces after it.
    ['a tab before the ASCII colon', 'Whisper\t: speech'],
    ['an NBSP before the ASCII colon', 'Whisper\u00a0: speech'],
    ['a full-width space after the ASCII colon', 'Whisper:\u3000speech'],
    ['NBSP and full-width spaces on both sides', 'Whisper\u00a0\u3000:\u00a0\u3000speech'],
    ['full-width spaces on both sides of the full-width colon', 'Whisper\u3000：\u3000speech'],
    ['tabs and NBSP runs around the full-width colon', 'Whisper\t\u00a0\t：\t\u00a0\tspeech'],
    ['a list item with a tab after the colon', '- Whisper:\tspeech'],
  ])('reads an entry with %s', (_name, line) => {
    const [entry, ...rest] = entries(parse(`## Era 2000\n\n${line}\n`));
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ title: 'Whisper', id: 'whisper', description: { text: 'speech', html: 'speech' } });
  });
});
