/**
 * Whole notes other than the default one: an English note in the formats
 * English speakers use, and a mixed Chinese/English note.
 */
import { describe, expect, it } from 'vitest';
import type { Entry, EraItem } from '../../src/timeline/index.ts';
import { entries, parseFixture } from './support/helpers.ts';

const entryIn = (items: EraItem[], title: string) =>
  items.find((i): i is Entry => i.kind === 'entry' && i.title === title)!;

describe('english fixture', () => {
  const t = parseFixture('english');
  const [jazz, punk, epilogue] = t.eras;

  it('reads the frontmatter, H1 and preface', () => {
    expect(t.meta).toMatchObject({
      title: 'A Century of Popular Music',
      tags: ['music', 'history'],
      created: '2024-01-05',
      updated: '2024-03-01T10:00:00Z',
      permalink: '/music/century/',
      lang: 'en',
      langDetected: true,
    });
    expect(t.meta.frontmatter['cssclasses']).toBe('wide');
    expect(t.titleHeading).toBe('Popular music, decade by decade');
    // The H1 says more than the frontmatter's title: it opens the preface, one level down.
    expect(t.preface?.html).toBe(
      '<h2>Popular music, decade by decade</h2>\n<p>A short history kept as one note. Sources are <a href="https://example.com/sources" rel="noopener noreferrer">listed here</a>.</p>',
    );
    // Nothing is wrong with the note; at most the wiki link to another
    // note (line 23) may warn that it shows as plain text.
    expect(t.warnings.filter((w) => w.line !== 23)).toEqual([]);
  });

  it('has three eras: a parenthesised range, a decade and no year', () => {
    expect(t.eras.map((e) => [e.slug, e.name, e.period?.from ?? null, e.period?.to ?? null])).toEqual([
      ['the-jazz-age', 'The Jazz Age', 1920, 1929],
      ['punk', 'Punk', 1970, 1979],
      ['epilogue', 'Epilogue', null, null],
    ]);
    expect(jazz!.intro?.text).toBe('Swing, speakeasies and the radio.');
  });

  it.each([
    // Plain title, ASCII colon, year in parentheses.
    {
      title: 'Louis Armstrong',
      year: '1925',
      link: null,
      html: 'Forms the <strong>Hot Five</strong> and records <del>forgotten</del> classics.',
    },
    // Bold title, no year: the era's period.
    {
      title: 'Bessie Smith',
      year: null,
      link: null,
      html: 'Empress of the blues, signed by <a href="https://example.com/columbia" rel="noopener noreferrer">Columbia</a>.',
    },
    // Link title with a year after it.
    { title: 'Duke Ellington', year: '1927', link: 'https://example.com/duke', html: 'Starts at the Cotton Club.' },
    // Wiki link with an alias.
    { title: 'Cab', year: '1931', link: null, html: 'Records <em>Minnie the Moocher</em>.' },
    // List entries.
    { title: 'Radio', year: '1920', link: null, html: 'The first commercial broadcast.' },
    { title: 'Records', year: null, link: null, html: 'The 78 rpm disc, played at <code>78</code> turns a minute.' },
  ])('The Jazz Age: $title', ({ title, year, link, html }) => {
    const e = entryIn(jazz!.items, title);
    expect(e).toMatchObject({ yearLabel: year, link });
    expect(e.description.html).toBe(html);
  });

  it('keeps the Jazz Age items in order: two groups of entries, the rest of the list, a quote', () => {
    expect(jazz!.items.map((i) => (i.kind === 'entry' ? i.title : i.kind === 'block' ? i.type : i.kind))).toEqual([
      'Louis Armstrong',
      'Bessie Smith',
      'Duke Ellington',
      'Cab',
      'Radio',
      'Records',
      'list',
      'blockquote',
    ]);
    const list = jazz!.items[6]!;
    expect(list.kind === 'block' && list.content.html).toBe(
      '<ul>\n<li>a plain item that is not an entry</li>\n<li>another plain item</li>\n</ul>',
    );
    expect(list.position.line).toBe(27);
  });

  it('keeps Punk’s note, code and callout at their places, and reads its table’s row as an event', () => {
    const kinds = punk!.items.map((i) =>
      i.kind === 'entry' ? `entry ${i.title}` : i.kind === 'block' ? 'block' : i.kind,
    );
    expect(kinds).toEqual([
      'entry The Ramones',
      'note',
      'entry Sex Pistols',
      // `| Band | Year |` has a date column: its row is an event.
      'entry The Clash',
      'block',
      'block',
      'subperiod',
      'entry Television',
    ]);
    const [row, code, callout] = punk!.items.slice(3, 6);
    expect(row).toMatchObject({
      kind: 'entry',
      title: 'The Clash',
      yearLabel: '1977',
      shape: 'row',
      dateSource: 'title',
    });
    expect(row?.kind === 'entry' && row.date?.from).toBe(1977);
    expect(code?.kind === 'block' && code.content.html).toContain('const notAnEntry = "Title: description";');
    expect(callout?.kind === 'block' && callout.content.text).toContain('Three chords and the truth.');
    // The line with `12:30` is a note, not an entry.
    const note = punk!.items[1]!;
    expect(note.kind === 'note' && note.content.text).toBe('Shows started at 12:30 at night, which is not an entry.');
  });

  it('dates Television from its `1977 to 1979` sub-period and Sex Pistols from its own range', () => {
    expect(entryIn(punk!.items, 'Television')).toMatchObject({
      dateSource: 'subperiod',
      date: { from: 1977, to: 1979 },
    });
    expect(entryIn(punk!.items, 'Sex Pistols')).toMatchObject({ dateSource: 'title', yearLabel: '1977–1978' });
  });

  it('leaves the entry of the yearless Epilogue undated', () => {
    expect(epilogue!.items).toHaveLength(1);
    expect(entryIn(epilogue!.items, 'Everything after')).toMatchObject({ date: null, dateSource: 'none' });
  });

  it('gives every entry a readable, unique id', () => {
    expect(entries(t).map((e) => e.id)).toEqual([
      'louis-armstrong',
      'bessie-smith',
      'duke-ellington',
      'cab',
      'radio',
      'records',
      'the-ramones',
      'sex-pistols',
      'the-clash',
      'television',
      'everything-after',
    ]);
  });
});

describe('mixed Chinese/English fixture', () => {
  const t = parseFixture('mixed');
  const [first, second, third] = t.eras;

  it('detects Chinese when `lang` is empty and falls back to the file name for the title', () => {
    expect(t.meta).toMatchObject({ lang: 'zh-CN', langDetected: true, title: 'input', tags: ['音乐', '历史'] });
    expect(t.preface?.text).toBe('中英混排的一份小时间线，用来检查 mixed text。');
  });

  it('reads 至, ~ and — 至今 ranges', () => {
    expect(t.eras.map((e) => [e.slug, e.period?.from, e.period?.to, e.period?.toOpen])).toEqual([
      ['萌芽', 1990, 1999, false],
      ['新声', 2000, 2009, false],
      ['流媒体时代', 2010, null, 'ongoing'],
    ]);
  });

  it.each([
    // 年 inside full-width parentheses.
    ['张国荣', '1995年', '发行 <em>宝丽金</em> 时期的最后一张专辑。'],
    // An English title, ASCII parentheses, a full-width colon.
    ['Beyond', '1991–1993', '在日本发展。'],
    // No year: the description's 1992 is not the entry's date.
    ['四大天王', null, '这个称呼出现于 1992 年。'],
  ])('萌芽: %s', (title, year, html) => {
    const e = entryIn(first!.items, title);
    expect(e.yearLabel).toBe(year);
    expect(e.description.html).toBe(html);
  });

  it('reads the English entry among Chinese ones, and keeps the line without a colon as a note', () => {
    expect(second!.intro?.text).toBe('新世纪的华语乐坛。');
    expect(second!.items.map((i) => (i.kind === 'entry' ? i.title : i.kind))).toEqual(['周杰伦', 'Jay Chou', 'note']);
    expect(entryIn(second!.items, 'Jay Chou').description.html).toBe('<em>Fantasy</em>, second album.');
  });

  it('reads full-width and no-break spaces around the colon, and dates by the open sub-period', () => {
    const qq = entryIn(third!.items, 'QQ 音乐');
    expect(qq.description.text).toBe('版权之争开始。');
    expect(qq).toMatchObject({ dateSource: 'subperiod', date: { from: 2015, to: null, toOpen: 'unknown' } });
    // A year in the description, not the title, does not date the entry.
    expect(entryIn(third!.items, 'Spotify')).toMatchObject({ yearLabel: null, dateSource: 'subperiod' });
  });
});
