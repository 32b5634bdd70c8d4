/**
 * Real histories built for real: a classical history in BC and AD, a year
 * of launches dated to the day, a Japanese and a Traditional Chinese note.
 * Checked where a reader and a tool see the dates: the axis, the era pages,
 * the overview, `timeline.json`, the page language and interface words. The
 * warnings (a reversed range, an entry outside its era) are checked at
 * their lines on the parser.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineJs, TimelineJsSlide } from '../../src/utils/timelinejs.ts';
import { buildSite } from './support/build-site.ts';
import { parseNote } from '../../src/timeline/index.ts';
import { parseFixture } from '../parser/support/helpers.ts';

const BUILD_TIMEOUT = 180_000;
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const json = (dir: string) => JSON.parse(read(dir, 'timeline.json')) as TimelineJs;
const headline = (slide: TimelineJsSlide) => (slide.text?.headline ?? '').replace(/<[^>]+>/gu, '');
const event = (tl: TimelineJs, title: string) => tl.events.find((e) => headline(e) === title)!;
/** `<time datetime="…">label</time>` pairs of a page, in order (scoped-style attributes aside). */
const times = (html: string) =>
  [
    ...html.matchAll(
      /<time class="(?:entry__year|overview-entry__year)"(?: datetime="([^"]*)")?[^>]*>([^<]*)<\/time>/gu,
    ),
  ].map((m) => [m[2], m[1] ?? null]);
/** The x of each entry mark of one era's band in the wide axis of the home page. */
const ticks = (html: string, eraSlug: string): number[] => {
  const wide = /<svg class="axis__svg axis__svg--wide".*?<\/svg>/su.exec(html)![0];
  const segment = new RegExp(`<a href="/eras/${eraSlug}/"[^>]*>(.*?)</a>`, 'su').exec(wide)![1]!;
  const d = /class="axis__mark" d="([^"]*)"/u.exec(segment)?.[1] ?? '';
  return [...d.matchAll(/M([\d.]+) /gu)].map((m) => Number(m[1]));
};
/** Each era's name and period as the wide axis shows them on hover (its links' titles), in note order. */
const eraTitles = (html: string) => {
  const wide = /<svg class="axis__svg axis__svg--wide".*?<\/svg>/su.exec(html)![0];
  return [...wide.matchAll(/<a href="[^"]*" aria-label="[^"]*"[^>]*><title>([^<]*)<\/title>/gu)].map((m) => m[1]!);
};
/** The year (or month) labels of the wide axis's scale, left to right. */
const labels = (html: string) => {
  const wide = /<svg class="axis__svg axis__svg--wide".*?<\/svg>/su.exec(html)![0];
  return [...wide.matchAll(/<text class="axis__year"[^>]*>([^<]*)<\/text>/gu)].map((m) => m[1]!);
};

describe('a classical history in BC and AD', () => {
  let dir = '';
  beforeAll(() => {
    dir = buildSite({ TIMELINE_NOTE: 'tests/fixtures/classical/input.md' }, BUILD_TIMEOUT);
  }, BUILD_TIMEOUT);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('labels the axis with BC and AD on one scale, in order', () => {
    const html = read(dir, 'index.html');
    // Round values, BC counting down, then AD, left to right.
    const scale = labels(html);
    const bc = scale.filter((label) => label.endsWith(' BC'));
    expect(scale[0]).toBe('800 BC');
    expect(bc.map((label) => Number.parseInt(label, 10))).toEqual([800, 600, 400, 200]);
    expect(scale.slice(bc.length, bc.length + 3)).toEqual(['AD 1', 'AD 200', 'AD 400']);
    // Marathon (490 BC) lies right of the first Olympiad (776 BC) in Archaic Greece (800–480 BC).
    const archaic = ticks(html, 'archaic-greece');
    expect(archaic).toHaveLength(3);
    expect(archaic).toEqual([...archaic].sort((a, b) => a - b));
    expect(archaic[2]! - archaic[0]!).toBeGreaterThan(50);
  });

  it('shows each date as written on the era page, with no datetime for BC', () => {
    expect(times(read(dir, 'eras/the-roman-republic/index.html'))).toEqual([
      ['100–44 BC', null],
      ['15 March 44 BC', null],
      ['69–30 BC', null],
      ['2 September 31 BC', null],
      ['202–210 BC', null],
    ]);
    expect(times(read(dir, 'eras/the-roman-empire/index.html'))).toContainEqual(['AD 80', '0080']);
    expect(times(read(dir, 'eras/byzantium/index.html'))).toEqual([
      ['527–565', null],
      ['May 29, 1453', '1453-05-29'],
    ]);
  });

  it('lists every entry with its date as written on the overview', () => {
    const overview = times(read(dir, 'overview/index.html'));
    expect(overview).toHaveLength(20);
    expect(overview).toContainEqual(['776 BC', null]);
    expect(overview).toContainEqual(['c. 750 BC', null]);
    expect(overview).toContainEqual(['May 29, 1453', '1453-05-29']);
  });

  it('exports negative years, months and days to timeline.json, and BCE eras', () => {
    const tl = json(dir);
    expect(event(tl, 'First Olympiad')).toMatchObject({ start_date: { year: -776 }, display_date: '776 BC' });
    expect(event(tl, 'First Olympiad').end_date).toBeUndefined();
    expect(event(tl, 'Ides of March').start_date).toEqual({ year: -44, month: 3, day: 15 });
    expect(event(tl, 'Augustus')).toMatchObject({ start_date: { year: -27 }, end_date: { year: 14 } });
    expect(event(tl, 'Homer').display_date).toBe('c. 750 BC');
    // A reversed range places nothing (the era's start) but reads as written.
    expect(event(tl, 'Battle of Zama')).toMatchObject({ start_date: { year: -509 }, display_date: '202–210 BC' });
    expect(tl.eras!.map((e) => [e.text?.headline, e.start_date.year, e.end_date.year])).toEqual([
      ['Archaic Greece', -800, -480],
      ['Classical Greece', -500, -401],
      ['The Roman Republic', -509, -27],
      ['The Roman Empire', -27, 476],
      ['Byzantium', 200, 1499],
    ]);
  });
});

describe('a year of launches dated to the day', () => {
  let dir = '';
  beforeAll(() => {
    dir = buildSite({ TIMELINE_NOTE: 'tests/fixtures/launches/input.md' }, BUILD_TIMEOUT);
  }, BUILD_TIMEOUT);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('spreads one year on the axis by month and day', () => {
    const html = read(dir, 'index.html');
    expect(labels(html)).toEqual([
      'Jan 2024',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
      'Jan 2025',
    ]);
    const winter = ticks(html, 'winter');
    // 17 Jan, 31 Jan, 29 Feb, 3 Mar: four places, in order, the last two close together.
    expect(winter).toHaveLength(4);
    expect(winter).toEqual([...winter].sort((a, b) => a - b));
    expect(winter[3]! - winter[2]!).toBeLessThan(winter[1]! - winter[0]!);
  });

  it('gives exact dates a datetime on the era pages, approximate ones none', () => {
    expect(times(read(dir, 'eras/winter/index.html'))).toEqual([
      ['2024-01-17', '2024-01-17'],
      ['January 31, 2024', '2024-01-31'],
      ['2024-02-29', '2024-02-29'],
      ['3 March 2024', '2024-03-03'],
    ]);
    expect(times(read(dir, 'eras/spring/index.html'))).toEqual([
      ['2024-04', '2024-04'],
      ['May 14, 2024', '2024-05-14'],
      ['2024-06-10 to 2024-06-12', null],
    ]);
    expect(times(read(dir, 'eras/autumn/index.html'))).toContainEqual(['c. November 2024', null]);
  });

  it('exports months and days to timeline.json', () => {
    const tl = json(dir);
    expect(event(tl, 'Watch Pro').start_date).toEqual({ year: 2024, month: 2, day: 29 });
    expect(event(tl, 'Earbuds').start_date).toEqual({ year: 2024, month: 4 });
    expect(event(tl, 'Console')).toMatchObject({
      start_date: { year: 2024, month: 6, day: 10 },
      end_date: { year: 2024, month: 6, day: 12 },
      display_date: '2024-06-10 to 2024-06-12',
    });
    expect(tl.eras![0]).toMatchObject({
      start_date: { year: 2024, month: 1, day: 1 },
      end_date: { year: 2024, month: 3, day: 31 },
    });
  });
});

describe('notes in Japanese and Traditional Chinese', () => {
  let ja = '';
  let hant = '';
  beforeAll(() => {
    ja = buildSite({ TIMELINE_NOTE: 'tests/fixtures/japanese/input.md' }, BUILD_TIMEOUT);
    hant = buildSite({ TIMELINE_NOTE: 'tests/fixtures/traditional/input.md' }, BUILD_TIMEOUT);
  }, BUILD_TIMEOUT * 2);
  afterAll(() => {
    rmSync(ja, { recursive: true, force: true });
    rmSync(hant, { recursive: true, force: true });
  });

  it('a Japanese note is `ja`, with Japanese interface words and BC dates', () => {
    const html = read(ja, 'index.html');
    expect(html).toMatch(/<html lang="ja"/u);
    for (const word of ['年表', '一覧', '項目を検索']) expect(html).toContain(word);
    expect(eraTitles(html)[0]).toBe('古代 · 紀元前660年–西暦794年');
    expect(labels(html)[0]).toBe('紀元前660年');
    expect(event(json(ja), '大政奉還').start_date).toEqual({ year: 1867, month: 11, day: 9 });
    expect(event(json(ja), '神武天皇即位').start_date).toEqual({ year: -660 });
  });

  it('a note in Traditional characters is `zh-Hant`, with Traditional interface words', () => {
    const html = read(hant, 'index.html');
    expect(html).toMatch(/<html lang="zh-Hant"/u);
    for (const word of ['時間線', '總覽', '搜尋條目']) expect(html).toContain(word);
    expect(html).not.toContain('时间线');
  });
});

describe('warnings at their lines', () => {
  it('a reversed range and an entry outside its era, in the classical history', () => {
    const { warnings } = parseFixture('classical');
    expect(warnings.map((w) => [w.line, w.column, w.message])).toEqual([
      [31, 17, 'the period “202–210 BC” ends before it starts; it is shown as written but not placed in time'],
      [40, 1, '“Moon landing” (1969) lies outside its era “The Roman Empire 27 BC – AD 476”'],
      [47, 23, 'the period “1453–1204” ends before it starts; it is shown as written but not placed in time'],
    ]);
    for (const w of warnings) expect(w.hint).toBeTruthy();
  });

  it('an entry dated outside its era in the Chinese history', () => {
    const { warnings } = parseFixture('dynasties');
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [33, '“北京奥运会” (2008 年 8 月 8 日) lies outside its era “清末 1840年—1912年”'],
    ]);
  });

  it('the day-precision history has nothing to warn about', () => {
    expect(parseFixture('launches').warnings).toEqual([]);
  });

  it('an entry outside its sub-period names the sub-period; open ends bound nothing', () => {
    const note = [
      '## Era 1990 - present',
      '',
      '### 1997-2014',
      '',
      'Inside (2001): ok.',
      'Outside (2016): a typo.',
      '',
      '### Later',
      '',
      'Far (2040): fine, the era is open.',
    ].join('\n');
    const { warnings } = parseNote(note, { file: 'n.md' });
    expect(warnings.map((w) => [w.line, w.column, w.message])).toEqual([
      [6, 1, '“Outside” (2016) lies outside its sub-period “1997-2014”'],
    ]);
    expect(warnings[0]!.hint).toContain('`###` heading');
  });
});

describe('histories written date first', () => {
  let greece = '';
  let changelog = '';
  beforeAll(() => {
    greece = buildSite({ TIMELINE_NOTE: 'tests/fixtures/greece-date-first/input.md' }, BUILD_TIMEOUT);
    changelog = buildSite({ TIMELINE_NOTE: 'tests/fixtures/changelog/input.md' }, BUILD_TIMEOUT);
  }, BUILD_TIMEOUT * 2);
  afterAll(() => {
    rmSync(greece, { recursive: true, force: true });
    rmSync(changelog, { recursive: true, force: true });
  });

  it('a BCE history written date first has its titles, dates and descriptions', () => {
    const page = read(greece, 'eras/archaic-period/index.html');
    expect(
      [...page.matchAll(/<h2 class="entry__title" id="[^"]+"[^>]*><span[^>]*>([^<]*)<\/span>/gu)].map((m) => m[1]),
    ).toEqual(['First Olympic Games', 'Homer', "Solon's reforms", 'Cleisthenes']);
    expect(times(page).map(([label]) => label)).toEqual(['776 BC', 'c. 750 BC', '594 BC', '508 BC']);
    expect(page).toContain('held at Olympia in honour of Zeus.');
    const tl = json(greece);
    expect(event(tl, 'Battle of Marathon').start_date).toEqual({ year: -490 });
    expect(event(tl, 'Peloponnesian War')).toMatchObject({ start_date: { year: -431 }, end_date: { year: -404 } });
    expect(tl.events).toHaveLength(11);
    expect(eraTitles(read(greece, 'index.html'))[1]).toMatch(/ · 5th century BC–4th century BC$/u);
  });

  it('a changelog of month.day entries under year headings reads each in its year', () => {
    const tl = json(changelog);
    expect(event(tl, '网景与 Sun 宣布 JavaScript').start_date).toEqual({ year: 1995, month: 12, day: 4 });
    expect(event(tl, '微软发布 JScript').start_date).toEqual({ year: 1996, month: 8 });
    expect(event(tl, 'ECMAScript 1 发布').start_date).toEqual({ year: 1997, month: 6 });
    // Under a heading of many years, `12.04` is a title, not a date.
    expect(event(tl, '12.04')).toMatchObject({ start_date: { year: 1998 }, display_date: '1998–2009' });
    const page = read(changelog, 'eras/诞生/index.html');
    expect(times(page).slice(0, 2)).toEqual([
      ['05.23', '1995-05-23'],
      ['12.04', '1995-12-04'],
    ]);
    // Three entries of 1995 and three of 1996 on the axis, in order.
    const axis = ticks(read(changelog, 'index.html'), '诞生');
    expect(axis.length).toBeGreaterThanOrEqual(4);
    expect(axis).toEqual([...axis].sort((a, b) => a - b));
  });
});
