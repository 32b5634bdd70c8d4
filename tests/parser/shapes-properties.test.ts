/**
 * One history, many shapes (issue #21): the same generated events, written
 * in each shape people keep a timeline in, read the same. Same number of
 * events, same dates in the same order, same titles; where a shape gives an
 * event no title of its own (its title is cut from its text), the event's
 * text holds the title instead.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/timeline/index.ts';
import { entries, parse } from './support/helpers.ts';

type Lang = 'en' | 'zh' | 'ja';

/** Words of short titles: none is a date, a month, an era mark or a range word in any of the three languages. */
const WORDS: Record<Lang, string[]> = {
  en: [
    'Treaty',
    'signed',
    'Harbour',
    'opens',
    'Bridge',
    'completed',
    'King',
    'crowned',
    'Council',
    'meets',
    'University',
    'founded',
    'Cathedral',
    'consecrated',
    'Great',
    'fire',
    'Charter',
    'granted',
    'Railway',
    'Abbey',
  ],
  zh: [
    '条约',
    '签订',
    '港口',
    '开放',
    '大桥',
    '建成',
    '书院',
    '创立',
    '洪水',
    '铁路',
    '通车',
    '王朝',
    '迁都',
    '改革',
    '会议',
    '召开',
    '皇帝',
    '登基',
  ],
  ja: [
    '条約',
    '締結',
    '港',
    '開港',
    '橋',
    '完成',
    '大学',
    '設立',
    '鉄道',
    '開業',
    '城',
    '落成',
    '改革',
    '会議',
    '開催',
    '天皇',
    '即位',
    'パリ',
    'ロンドン',
  ],
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** One generated event: a date (a year, maybe a month, maybe a day, or a span of years), how it is written, a title. */
interface Event {
  year: number;
  /** The last year of a span of years (no month or day then), else null. */
  to: number | null;
  month: number | null;
  day: number | null;
  lang: Lang;
  /** `iso`: 1848-03-13; `local`: 13 March 1848, 1848年3月13日; `other`: March 13, 1848, 1848 年 3 月 13 日. */
  style: 'iso' | 'local' | 'other';
  title: string;
}

const event: fc.Arbitrary<Event> = fc
  .record({
    year: fc.integer({ min: 1000, max: 2099 }),
    month: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
    day: fc.option(fc.integer({ min: 1, max: 28 }), { nil: null }),
    span: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null, freq: 4 }),
    lang: fc.constantFrom<Lang>('en', 'zh', 'ja'),
    style: fc.constantFrom<Event['style']>('iso', 'local', 'other'),
    picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
  })
  .map(({ picks, span, ...e }) => {
    const words = picks.map((n) => WORDS[e.lang][n % WORDS[e.lang].length]!);
    const title = words.join(e.lang === 'en' ? ' ' : '');
    if (span !== null) return { ...e, to: Math.min(e.year + span, 2099), month: null, day: null, title };
    return { ...e, to: null, day: e.month === null ? null : e.day, title };
  });

const pad = (n: number) => String(n).padStart(2, '0');

/** The date as the event's author writes it. */
function label(e: Event): string {
  if (e.to !== null) {
    // 1848–1850, 1848 – 1850; 1848年—1850年, 1848年〜1850年; 1848 年至 1850 年.
    if (e.lang === 'en') return e.style === 'other' ? `${e.year} – ${e.to}` : `${e.year}–${e.to}`;
    if (e.style === 'other') return `${e.year} 年至 ${e.to} 年`;
    return `${e.year}年${e.lang === 'zh' ? '—' : '〜'}${e.to}年`;
  }
  if (e.style === 'iso')
    return [String(e.year), e.month && pad(e.month), e.day && pad(e.day)].filter(Boolean).join('-');
  if (e.lang === 'en') {
    if (e.month === null) return String(e.year);
    const month = MONTHS[e.month - 1]!;
    if (e.day === null) return `${month} ${e.year}`;
    return e.style === 'local' ? `${e.day} ${month} ${e.year}` : `${month} ${e.day}, ${e.year}`;
  }
  const space = e.style === 'other' ? ' ' : '';
  const parts = [`${e.year}${space}年`, e.month && `${e.month}${space}月`, e.day && `${e.day}${space}日`];
  return parts.filter(Boolean).join(space);
}

const cjk = (e: Event) => e.lang !== 'en';

/** The shapes, each writing the whole list of events as one note. */
const SHAPES: Record<string, (events: Event[]) => string> = {
  // `1848-03-13: Title` as list items…
  'colon list': (events) => events.map((e) => `- ${label(e)}${cjk(e) ? '：' : ': '}${e.title}`).join('\n'),
  // …and as the lines of one paragraph.
  'colon lines': (events) => events.map((e) => `${label(e)}${cjk(e) ? '：' : ': '}${e.title}`).join('\n'),
  // `- 1519 Magellan sets sail`: a date-first list, the date set apart by a space.
  'date-space list': (events) => events.map((e) => `- ${label(e)} ${e.title}`).join('\n'),
  // `1603 | Title`, `1603｜Title`.
  pipes: (events) => events.map((e) => `${label(e)}${cjk(e) ? '｜' : ' | '}${e.title}`).join('\n'),
  // `## 1848` with the date's events as plain bullets (one heading for a run of the same date).
  'date headings': (events) => {
    const blocks: string[] = [];
    let last: string | null = null;
    for (const e of events) {
      if (label(e) !== last) blocks.push(`## ${label(e)}\n`);
      blocks.push(`- ${e.title}`);
      last = label(e);
    }
    return blocks.join('\n');
  },
  // A table with a date column and an event column.
  table: (events) =>
    ['| Date | Event |', '| --- | --- |', ...events.map((e) => `| ${label(e)} | ${e.title} |`)].join('\n'),
  // Dated sentences: `1848, Title.`, `1848年，标题。`, one paragraph each.
  'date-comma prose': (events) =>
    events.map((e) => (cjk(e) ? `${label(e)}，${e.title}。` : `${label(e)}, ${e.title}.`)).join('\n\n'),
};

/** A date as compared: the first and last year, month and day. */
function dateOf(entry: Entry): string {
  const { date } = entry;
  if (!date?.start || !date.end) return `undated (${date?.label ?? 'none'})`;
  const point = (p: NonNullable<typeof date.start>) => [p.year, p.month ?? '', p.day ?? ''].join('/');
  return `${point(date.start)} – ${point(date.end)}`;
}

const expectedDate = (e: Event) => {
  const point = `${e.year}/${e.month ?? ''}/${e.day ?? ''}`;
  return `${point} – ${e.to === null ? point : `${e.to}//`}`;
};

/** A title as compared: no closing full stop. */
const bare = (title: string) => title.trim().replace(/[.。]$/u, '');

/**
 * An entry read as `date | title`; an entry whose title was cut from its
 * text (no title of its own) shows the expected title when its text holds it.
 */
function reading(entry: Entry, expected: Event | undefined): string {
  let title = bare(entry.title);
  if (entry.titleExcerpt && expected && `${entry.title} ${entry.description.text}`.includes(expected.title))
    title = expected.title;
  return `${dateOf(entry)} | ${title}`;
}

describe('the same events in every shape', () => {
  it.each(Object.keys(SHAPES))(
    '%s',
    (shape) => {
      fc.assert(
        fc.property(fc.array(event, { minLength: 2, maxLength: 8 }), (events) => {
          const source = `${SHAPES[shape]!(events)}\n`;
          const found = entries(parse(source));
          expect(
            found.map((entry, i) => reading(entry, events[i])),
            source,
          ).toEqual(events.map((e) => `${expectedDate(e)} | ${e.title}`));
        }),
        { numRuns: 60 },
      );
    },
    30_000,
  );

  it('reads one list of events the same in all shapes at once', () => {
    fc.assert(
      fc.property(fc.array(event, { minLength: 2, maxLength: 6 }), (events) => {
        const readings = Object.entries(SHAPES).map(([shape, write]) => {
          const found = entries(parse(`${write(events)}\n`));
          return [shape, found.map((entry, i) => reading(entry, events[i]))];
        });
        const first = readings[0]![1];
        expect(readings).toEqual(readings.map(([shape]) => [shape, first]));
      }),
      { numRuns: 30 },
    );
  }, 30_000);
});
