/**
 * How a note is cut into eras, intros, sub-periods, groups and kept blocks,
 * and how eras and entries are named in URLs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entry, EraItem } from '../../src/timeline/index.ts';
import { entries, parse } from './support/helpers.ts';

/** A short, readable trace of an era's items. */
function trace(items: EraItem[]): string[] {
  return items.map((i) => {
    if (i.kind === 'entry') return `entry ${i.title}`;
    if (i.kind === 'subperiod') return `### ${i.heading}`;
    if (i.kind === 'block') return `block ${i.type}`;
    return `note ${i.content.text}`;
  });
}

describe('preface and title heading', () => {
  it('takes the text between the H1 and the first `##` as the preface', () => {
    const t = parse('# My Timeline\n\nWhy I keep this.\n\n> A quote.\n\n## Era 2000\n\nX: y\n');
    expect(t.titleHeading).toBe('My Timeline');
    expect(t.preface?.html).toBe('<p>Why I keep this.</p>\n<blockquote>\n<p>A quote.</p>\n</blockquote>');
    // The preface's text separates its blocks, for the page description.
    expect(t.preface?.text).toBe('Why I keep this.\nA quote.');
  });

  it('has no preface when the first `##` comes first', () => {
    expect(parse('## Era 2000\n\nX: y\n').preface).toBeNull();
  });

  it('keeps text above the H1 in the preface too', () => {
    const t = parse('Above.\n\n# Title\n\nBelow.\n\n## Era\n\nX: y\n');
    expect(t.preface?.text).toBe('Above.\nBelow.');
  });
});

describe('eras', () => {
  it('starts an era at each `##` and keeps everything up to the next one in it', () => {
    const t = parse(
      '## One 2001\n\nA: a\n\n## Two 2002\n\nB: b\nC: c\n\n#### Small heading\n\n## Three 2003\n\nD: d\n',
    );
    expect(t.eras.map((e) => [e.ordinal, e.name, trace(e.items)])).toEqual([
      [1, 'One', ['entry A']],
      [2, 'Two', ['entry B', 'entry C', 'block heading']],
      [3, 'Three', ['entry D']],
    ]);
    expect(t.eras.map((e) => e.position)).toEqual([
      { line: 1, column: 1 },
      { line: 5, column: 1 },
      { line: 12, column: 1 },
    ]);
  });

  it.each([
    // Italic, the default note's way.
    ['*An intro.*', 'An intro.'],
    ['_An intro._', 'An intro.'],
    // Bold counts as emphasised too.
    ['**An intro.**', 'An intro.'],
    // Inline Markdown inside the emphasis is kept.
    ['*See [the docs](https://d.org).*', 'See <a href="https://d.org" rel="noopener noreferrer">the docs</a>.'],
    // Emphasis over two lines is one intro.
    ['*First line\nsecond line.*', 'First line\nsecond line.'],
  ])('reads %j right under the heading as the intro', (paragraph, html) => {
    const era = parse(`## Era 2000\n\n${paragraph}\n\nX: y\n`).eras[0]!;
    expect(era.intro?.html).toBe(html);
    expect(trace(era.items)).toEqual(['entry X']);
  });

  it.each([
    // Not wholly emphasised.
    ['*Partly* emphasised.', ['note Partly emphasised.']],
    // Not right under the heading: a later italic paragraph is a note.
    ['X: y\n\n*Later.*', ['entry X', 'note Later.']],
    // After a block, it is no longer the first thing.
    ['> quote\n\n*After a quote.*', ['block blockquote', 'note After a quote.']],
  ])('does not read %j as an intro', (body, items) => {
    const era = parse(`## Era 2000\n\n${body}\n`).eras[0]!;
    expect(era.intro).toBeNull();
    expect(trace(era.items)).toEqual(items);
  });

  it('reads a second emphasised paragraph as a note, not a second intro', () => {
    const era = parse('## Era 2000\n\n*One.*\n\n*Two.*\n').eras[0]!;
    expect(era.intro?.text).toBe('One.');
    expect(trace(era.items)).toEqual(['note Two.']);
  });

  it('keeps an empty era, with a warning', () => {
    const t = parse('## Empty 1999\n\n## Full 2000\n\nX: y\n');
    expect(t.eras.map((e) => [e.name, e.items.length])).toEqual([
      ['Empty', 0],
      ['Full', 1],
    ]);
    expect(t.warnings).toEqual([
      expect.objectContaining({ line: 1, column: 1, message: expect.stringContaining('Empty 1999') }),
    ]);
    expect(t.warnings[0]!.hint).toBeTruthy();
  });

  it('warns about an era with notes but no entries', () => {
    const t = parse('## Era 2000\n\nJust a thought.\n');
    expect(t.warnings.map((w) => w.message)).toEqual([expect.stringContaining('has no entries')]);
  });
});

describe('sub-periods and dates', () => {
  const t = parse(
    [
      '## Era 1990 - 1999',
      '',
      'Before: dated by the era.',
      '',
      '### 1990s early 1990-1994',
      '',
      'Inside: dated by the sub-period.',
      'Own (1993): dated by its title.',
      '',
      '### Undated',
      '',
      'Plain: the era again.',
      '',
      '## No year',
      '',
      'Nothing: no date at all.',
    ].join('\n'),
  );
  const byTitle = (title: string) => entries(t).find((e) => e.title === title)!;

  it('reads a `###` heading as a sub-period with its own period', () => {
    const subs = t.eras[0]!.items.filter((i) => i.kind === 'subperiod');
    expect(subs.map((s) => [s.heading, s.name, s.period?.from, s.period?.to])).toEqual([
      ['1990s early 1990-1994', '1990s early', 1990, 1994],
      ['Undated', 'Undated', undefined, undefined],
    ]);
  });

  it.each([
    // An entry before any sub-period takes the era's period.
    ['Before', 'era', 1990, 1999],
    // Inside a dated sub-period: the sub-period's.
    ['Inside', 'subperiod', 1990, 1994],
    // A year in the title wins.
    ['Own', 'title', 1993, 1993],
    // A sub-period with no year falls back to the era.
    ['Plain', 'era', 1990, 1999],
  ])('%s is dated from its %s', (title, source, from, to) => {
    const e = byTitle(title);
    expect(e.dateSource).toBe(source);
    expect(e.date).toMatchObject({ from, to });
  });

  it('leaves an entry undated in an era with no year', () => {
    expect(byTitle('Nothing')).toMatchObject({ date: null, dateSource: 'none' });
  });

  it('does not carry a sub-period into the next era', () => {
    const next = parse('## A 2000\n\n### 2005\n\n## B 2010\n\nX: y\n');
    expect(entries(next)[0]).toMatchObject({ dateSource: 'era', date: { from: 2010 } });
  });

  it('warns about an empty `###` heading and keeps it in place', () => {
    const w = parse('## A 2000\n\n###\n\nX: y\n');
    expect(trace(w.eras[0]!.items)).toEqual(['### ', 'entry X']);
    expect(w.warnings).toEqual([expect.objectContaining({ line: 3, column: 1, message: 'empty level-3 heading' })]);
  });
});

describe('groups', () => {
  it('puts the lines of one paragraph in one group and each blank-line paragraph in the next', () => {
    const era = parse('## A\n\nA: a\nB: b\n\nC: c\nnote\n\n- D: d\n- E: e\n\n> quote\n').eras[0]!;
    const groups = era.items.map((i) => i.group);
    expect(trace(era.items)).toEqual([
      'entry A',
      'entry B',
      'entry C',
      'note note',
      'entry D',
      'entry E',
      'block blockquote',
    ]);
    expect(groups[0]).toBe(groups[1]);
    expect(groups[2]).toBe(groups[3]);
    expect(groups[4]).toBe(groups[5]);
    expect(new Set([groups[0], groups[2], groups[4], groups[6]]).size).toBe(4);
    // Groups grow down the era.
    expect([...groups].sort((a, b) => a - b)).toEqual(groups);
  });
});

describe('other blocks are kept at their place', () => {
  it.each([
    // Quotes and callouts.
    ['> A quote: with a colon.', 'blockquote', 'A quote: with a colon.'],
    // Tables with no date column (one with dates is read as events: see shapes.test.ts).
    ['| Band | Genre |\n| --- | --- |\n| Clash | Punk |', 'table', 'Clash'],
    // Code, whose colons are no separators.
    ['```js\nconst a = "T: d";\n```', 'code', 'const a = "T: d";'],
    // A list whose items are not entries.
    ['- one\n- two', 'list', 'one'],
    // A thematic break.
    ['***', 'thematicBreak', ''],
    // A deeper heading.
    ['#### Aside', 'heading', 'Aside'],
  ])('%j is kept as a %s block', (body, type, text) => {
    const era = parse(`## Era 2000\n\nBefore: x\n\n${body}\n\nAfter: y\n`).eras[0]!;
    expect(trace(era.items)).toEqual(['entry Before', `block ${type}`, 'entry After']);
    const block = era.items[1]!;
    expect(block.kind === 'block' && block.content.text).toContain(text);
    expect(block.position).toEqual({ line: 5, column: 1 });
  });

  it('keeps an image on a line of its own as a note with the image', () => {
    const era = parse('## Era 2000\n\n![A photo](photo.png)\n\nX: y\n').eras[0]!;
    const first = era.items[0]!;
    expect(first.kind).toBe('note');
    expect(first.kind === 'note' && first.content.html).toMatch(/<img src="photo.png" alt="A photo"[^>]*>/u);
  });

  it('shows a footnote where it is defined, with the anchor its reference points at', () => {
    const era = parse('## Era 2000\n\nX: y[^1]\n\n[^1]: The source.\n').eras[0]!;
    const [entry, footnote] = era.items as [Entry, EraItem];
    expect(entry.description.html).toContain('href="/eras/era/#user-content-fn-1"');
    expect(footnote.kind === 'block' && footnote.content.html).toBe(
      '<p><sup id="user-content-fn-1">1</sup> The source.</p>',
    );
  });

  it('drops link definitions, which are syntax, and uses them in the links', () => {
    const era = parse('## Era 2000\n\n[Site][s]: y\n\n[s]: https://s.org\n').eras[0]!;
    expect(trace(era.items)).toEqual(['entry Site']);
    expect((era.items[0] as Entry).link).toBe('https://s.org');
  });
});

describe('slugs and ids', () => {
  it.each([
    // Unicode names are kept, not transliterated.
    [['序曲 2022'], ['序曲']],
    // English names: lower case, dashes.
    [['The Jazz Age (1920–1929)'], ['the-jazz-age']],
    // Two eras with the same heading get distinct slugs.
    [
      ['序曲 2022', '序曲 2022'],
      ['序曲', '序曲-2'],
    ],
    [
      ['A', 'A', 'A'],
      ['a', 'a-2', 'a-3'],
    ],
    // An era literally named like a repeat does not collide.
    [
      ['A', 'A 2', 'A'],
      ['a', 'a-2', 'a-3'],
    ],
    // No doubled or dangling dashes from punctuation.
    [
      ['Rock — and — Roll', '- Edge -', 'Q&A: 1990s'],
      ['rock-and-roll', 'edge', 'qa'],
    ],
    // No name at all: a positional fallback.
    [
      ['2022', '？？？'],
      ['2022', 'era-2'],
    ],
  ])('%j → %j', (headings, slugs) => {
    const t = parse(headings.map((h, i) => `## ${h}\n\nE${i}: x\n`).join('\n'));
    expect(t.eras.map((e) => e.slug)).toEqual(slugs);
  });

  it('gives entries and sub-periods ids unique across the note, never an era slug', () => {
    const t = parse('## GPT 2018\n\n### 2018\n\nGPT: one\nGPT: two\n\n## Other 2019\n\nGPT: three\n');
    const ids = t.eras.flatMap((e) => e.items.map((i) => ('id' in i ? i.id : null))).filter(Boolean);
    expect(t.eras.map((e) => e.slug)).toEqual(['gpt', 'other']);
    expect(ids).toEqual(['2018', 'gpt-2', 'gpt-3', 'gpt-4']);
  });

  it('hands out the same slugs and ids on every build', () => {
    const source = '## A 2000\n\nX: y\nX: z\n\n## A 2000\n\nX: w\n';
    const ids = () => parse(source).eras.map((e) => [e.slug, ...e.items.map((i) => ('id' in i ? i.id : ''))]);
    expect(ids()).toEqual(ids());
    expect(ids()).toEqual([
      ['a', 'x', 'x-2'],
      ['a-2', 'x-3'],
    ]);
  });

  it('gives any set of era headings unique slugs without doubled or dangling dashes', () => {
    const heading = fc.stringMatching(/^[A-Za-z0-9\u4e00-\u4e2f \-–—&:!?.]{1,16}$/u).filter((h) => h.trim() !== '');
    fc.assert(
      fc.property(fc.array(heading, { minLength: 1, maxLength: 6 }), (headings) => {
        const t = parse(headings.map((h, i) => `## ${h}\n\nE${i}: x\n`).join('\n'));
        const slugs = t.eras.map((e) => e.slug);
        expect(new Set(slugs).size).toBe(slugs.length);
        for (const slug of slugs) expect(slug).toMatch(/^(?!-)(?!.*--)(?!.*-$).+$/u);
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it('never produces a slug with doubled or dangling dashes', () => {
    const headings = ['a -- b', '--x--', '—', '!!! ??? !!!', 'x - - - y', '  spaced   out  '];
    const t = parse(headings.map((h) => `## ${h}\n\nE: x\n`).join('\n'));
    for (const era of t.eras) expect(era.slug).toMatch(/^[^-](?:.*[^-])?$/u);
    for (const era of t.eras) expect(era.slug).not.toContain('--');
  });
});
