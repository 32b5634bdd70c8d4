/**
 * Date forms real histories use beyond the first grammar: `--` as a range
 * dash, an open start written with a dash or wave before the year, seasons
 * and parts of a year, compound parts of decades and centuries (and the
 * Chinese and Japanese ones), and a Western date glossed with its
 * calendar-era year. Each is read through `readDate` and `parsePeriod`;
 * the never-misread cases stay what they were.
 */
import { describe, expect, it } from 'vitest';
import { readDate, type DateReading } from '../../src/timeline/dates.ts';
import { parsePeriod } from '../../src/timeline/period.ts';
import type { DatePoint, Precision } from '../../src/timeline/types.ts';

/** A point: astronomical year (1 BC is 0), month, day, precision, approximate. */
const p = (
  year: number,
  month: number | null = null,
  day: number | null = null,
  precision?: Precision,
  approximate = false,
): DatePoint => ({
  year,
  month,
  day,
  precision: precision ?? (day !== null ? 'day' : month !== null ? 'month' : 'year'),
  approximate,
});
/** A month, approximate or not. */
const m = (year: number, month: number, approximate = false) => p(year, month, null, 'month', approximate);
/** `n BC` as an astronomical year. */
const bc = (n: number) => 1 - n;
const c = (point: DatePoint): DatePoint => ({ ...point, approximate: true });
const decade = (year: number) => c(p(year, null, null, 'decade'));
const century = (year: number) => c(p(year, null, null, 'century'));

/** The whole reading of a span: start and end points, the years covered, nothing open. */
const span = (start: DatePoint, end: DatePoint, from: number, to: number): DateReading => ({
  start,
  end,
  from,
  to,
  fromOpen: false,
  toOpen: false,
  reversed: false,
});
/** A point that is its own start and end. */
const point = (pt: DatePoint, from = pt.year, to = from): DateReading => span(pt, pt, from, to);
/** An open start: nothing before, the point as its end. */
const until = (pt: DatePoint, to = pt.year): DateReading => ({
  start: null,
  end: pt,
  from: null,
  to,
  fromOpen: true,
  toOpen: false,
  reversed: false,
});

const expectReadings = (cases: Array<[string, DateReading]>) => {
  it.each(cases)('%s', (input, expected) => {
    expect(readDate(input)).toEqual(expected);
    // parsePeriod keeps the label as written, around the same reading.
    const { reversed, ...dates } = expected;
    expect(reversed).toBe(false);
    expect(parsePeriod(input)).toEqual({ ...dates, label: input.trim() });
  });
};

describe('`--` and `---` as range dashes', () => {
  expectReadings([
    ['1603--1868', span(p(1603), p(1868), 1603, 1868)],
    ['1914 -- 1918', span(p(1914), p(1918), 1914, 1918)],
    ['1603---1868', span(p(1603), p(1868), 1603, 1868)],
    ['490 BC -- 479 BC', span(p(bc(490)), p(bc(479)), bc(490), bc(479))],
    // Strongest separator first: the ISO dates keep their hyphens.
    ['2022-06-07--2023-01-01', span(p(2022, 6, 7), p(2023, 1, 1), 2022, 2023)],
  ]);
});

describe('an open start: a dash or wave dash before the date', () => {
  expectReadings([
    ['–1895', until(p(1895))],
    ['—1895', until(p(1895))],
    ['〜1912年', until(p(1912))],
    // Full-width tilde, as a Japanese IME writes it.
    ['～1912年', until(p(1912))],
    ['～1895', until(p(1895))],
    ['–490 BC', until(p(bc(490)))],
    ['—c. 1450', until(c(p(1450)))],
  ]);

  it('an ASCII tilde still means about: ~1895 is c. 1895', () => {
    expect(readDate('~1895')).toEqual(point(c(p(1895))));
    expect(readDate('~1450')).toEqual(point(c(p(1450))));
  });

  it.each([
    // A hyphen before digits is a negative year in EDTF and astronomical notation: not read, as before.
    '-1895',
    '-500',
    '-6',
    '-0002',
    '-9999',
    '--1895',
    // The mark must touch the date: a spaced dash sets a name apart (`Swing – 1935`).
    '– 1895',
    '〜 1912年',
    // A short year still needs a mark.
    '–95',
    '—1895–1900',
  ])('%s is no date', (input) => {
    expect(readDate(input)).toBeNull();
  });
});

describe('seasons: three months, at month precision', () => {
  expectReadings([
    ['Spring 1776', span(m(1776, 3), m(1776, 5), 1776, 1776)],
    ['Summer 1969', span(m(1969, 6), m(1969, 8), 1969, 1969)],
    ['Autumn 1989', span(m(1989, 9), m(1989, 11), 1989, 1989)],
    ['Fall 1989', span(m(1989, 9), m(1989, 11), 1989, 1989)],
    ['the summer of 1969', span(m(1969, 6), m(1969, 8), 1969, 1969)],
    ['spring of 1776', span(m(1776, 3), m(1776, 5), 1776, 1776)],
    // Winter runs from December into February of the next year.
    ['Winter 1941–42', span(m(1941, 12), m(1942, 2), 1941, 1942)],
    ['Winter 1941/42', span(m(1941, 12), m(1942, 2), 1941, 1942)],
    ['Winter 1941-1942', span(m(1941, 12), m(1942, 2), 1941, 1942)],
    ['winter of 1941', span(m(1941, 12), m(1942, 2), 1941, 1942)],
    ['Winter 1999–00', span(m(1999, 12), m(2000, 2), 1999, 2000)],
    // BC and marked short years.
    ['Summer 480 BC', span(m(bc(480), 6), m(bc(480), 8), bc(480), bc(480))],
    ['winter 44 BC', span(m(bc(44), 12), m(bc(43), 2), bc(44), bc(43))],
    ['Summer 69 AD', span(m(69, 6), m(69, 8), 69, 69)],
    // Chinese and Japanese: 春 March–May, 夏 June–August, 秋 September–November, 冬 December–February.
    ['1776年春', span(m(1776, 3), m(1776, 5), 1776, 1776)],
    ['1776年夏', span(m(1776, 6), m(1776, 8), 1776, 1776)],
    ['1776年秋', span(m(1776, 9), m(1776, 11), 1776, 1776)],
    ['1941年冬', span(m(1941, 12), m(1942, 2), 1941, 1942)],
    ['1776年春季', span(m(1776, 3), m(1776, 5), 1776, 1776)],
    ['1941年冬天', span(m(1941, 12), m(1942, 2), 1941, 1942)],
    ['1776年の春', span(m(1776, 3), m(1776, 5), 1776, 1776)],
    ['前221年春', span(m(bc(221), 3), m(bc(221), 5), bc(221), bc(221))],
    // In ranges, a season's first month starts it and its last month ends it.
    ['Spring 1776 – Autumn 1777', span(m(1776, 3), m(1777, 11), 1776, 1777)],
    ['Winter 1941 – Spring 1942', span(m(1941, 12), m(1942, 5), 1941, 1942)],
    ['1941年冬至1942年春', span(m(1941, 12), m(1942, 5), 1941, 1942)],
  ]);

  it.each([
    // A short year needs a mark, season or not (`Summer of 69` is a song).
    'Summer of 69',
    'Summer 69',
    '26年春',
    // A season alone has no year.
    'Spring',
    'Fall',
    'fall 12',
    // A winter across years that do not follow each other, with a short second year.
    'Winter 1941–43',
    // `春 1776` is a name and a year, as before.
    '春 1776',
  ])('%s is no date', (input) => {
    expect(readDate(input)).toBeNull();
  });
});

describe('parts of a year: months', () => {
  expectReadings([
    // Early, mid and late are the thirds of a year, approximate.
    ['early 1776', span(m(1776, 1, true), m(1776, 4, true), 1776, 1776)],
    ['mid-1776', span(m(1776, 5, true), m(1776, 8, true), 1776, 1776)],
    ['late 1776', span(m(1776, 9, true), m(1776, 12, true), 1776, 1776)],
    ['mid-to-late 1776', span(m(1776, 5, true), m(1776, 12, true), 1776, 1776)],
    ['early 80 AD', span(m(80, 1, true), m(80, 4, true), 80, 80)],
    ['1776年初', span(m(1776, 1, true), m(1776, 4, true), 1776, 1776)],
    ['2020年底', span(m(2020, 9, true), m(2020, 12, true), 2020, 2020)],
    ['2020年末', span(m(2020, 9, true), m(2020, 12, true), 2020, 2020)],
    // A half is exact.
    ['1993年上半年', span(m(1993, 1), m(1993, 6), 1993, 1993)],
    ['1993年下半年', span(m(1993, 7), m(1993, 12), 1993, 1993)],
    ['2020年前半', span(m(2020, 1), m(2020, 6), 2020, 2020)],
    ['2020年後半', span(m(2020, 7), m(2020, 12), 2020, 2020)],
    ['1776年初至1777年末', span(m(1776, 1, true), m(1777, 12, true), 1776, 1777)],
  ]);

  it.each(['early 80', 'late 2', 'late', 'early-to-late 1776'])('%s is no date', (input) => {
    expect(readDate(input)).toBeNull();
  });
});

describe('parts of decades and centuries', () => {
  expectReadings([
    // Decades: early is the first three years, late the last three, mid what lies between.
    ['early 1990s', point(decade(1990), 1990, 1992)],
    ['the late 1960s', point(decade(1960), 1967, 1969)],
    ['mid-1970s', point(decade(1970), 1973, 1976)],
    ['Mid-to-late 1640s', point(decade(1640), 1643, 1649)],
    ['mid- to late 1640s', point(decade(1640), 1643, 1649)],
    ['mid to late 1640s', point(decade(1640), 1643, 1649)],
    ['mid–late 1640s', point(decade(1640), 1643, 1649)],
    ['mid-late 1640s', point(decade(1640), 1643, 1649)],
    ['early-to-mid 1990s', point(decade(1990), 1990, 1996)],
    // A round hundred with a part is the century readers mean, before 2000; the 2000s stay a decade.
    ['mid-1800s', point(century(1800), 1820, 1879)],
    ['late 1900s', point(century(1900), 1980, 1999)],
    ['early 2000s', point(decade(2000), 2000, 2002)],
    // Centuries: early and late are a fifth each.
    ['late 19th century', point(century(1800), 1880, 1899)],
    ['mid-to-late 19th century', point(century(1800), 1820, 1899)],
    ['early-to-mid 20th century', point(century(1900), 1900, 1979)],
    ['the first half of the 19th century', point(century(1800), 1800, 1849)],
    ['second half of the 20th century', point(century(1900), 1950, 1999)],
    ['late 19th–early 20th century', span(century(1800), century(1900), 1880, 1919)],
    ['late 19th to early 20th century', span(century(1800), century(1900), 1880, 1919)],
    ['late 1980s to early 1990s', span(decade(1980), decade(1990), 1987, 1992)],
    ['early 2nd millennium BC', point(c(p(bc(2000), null, null, 'millennium')), bc(2000), bc(1801))],
    // Chinese and Japanese: 前半 and 後半 are halves, 半ば and 中叶 the middle, 初頭 the start.
    ['19世紀後半', point(century(1800), 1850, 1899)],
    ['19世紀前半', point(century(1800), 1800, 1849)],
    ['20世纪初', point(century(1900), 1900, 1919)],
    ['19世紀初頭', point(century(1800), 1800, 1819)],
    ['19世紀半ば', point(century(1800), 1820, 1879)],
    ['19世纪中叶', point(century(1800), 1820, 1879)],
    ['19世纪中后期', point(century(1800), 1820, 1899)],
    ['20世纪上半叶', point(century(1900), 1900, 1949)],
    ['20世纪下半叶', point(century(1900), 1950, 1999)],
    ['1960年代後半', point(decade(1960), 1965, 1969)],
    ['1960年代前半', point(decade(1960), 1960, 1964)],
    ['1960年代半ば', point(decade(1960), 1963, 1966)],
    ['1960年代末', point(decade(1960), 1967, 1969)],
    ['20世纪80年代中后期', point(decade(1980), 1983, 1989)],
  ]);

  it('1800s alone stays the decade 1800–1809, as the site writes it', () => {
    expect(readDate('1800s')).toEqual(point(p(1800, null, null, 'decade'), 1800, 1809));
  });

  it.each(['late-to-early 1990s', 'early-to-late 1990s', 'late to mid 1990s', 'late 19th – 1920'])(
    '%s is no date',
    (input) => {
      expect(readDate(input)).toBeNull();
    },
  );
});

describe('a Western date glossed with its calendar-era year', () => {
  expectReadings([
    // The gloss names the same year: the Western date, a point, not a range.
    ['2019年 - 令和元年', point(p(2019))],
    ['1868年（明治元年）', point(p(1868))],
    ['1989 (Heisei 1)', point(p(1989))],
    ['2019年（令和元年）', point(p(2019))],
    ['令和元年（2019年）', point(p(2019))],
    ['1912年（民国元年）', point(p(1912))],
    ['1926 (Shōwa 1)', point(p(1926))],
    ['2019 / Reiwa 1', point(p(2019))],
    // The Western date keeps its precision; the gloss may give less.
    ['2019年5月1日（令和元年5月1日）', point(p(2019, 5, 1))],
    ['1989年1月8日（平成元年）', point(p(1989, 1, 8))],
    ['2019-05-01 - 令和元年5月1日', point(p(2019, 5, 1))],
    ['c. 1868 (明治元年)', point(c(p(1868)))],
    // Glossed ends of a range.
    ['1868年（明治元年）〜1912年（明治45年）', span(p(1868), p(1912), 1868, 1912)],
    ['1868年（明治元年）から1912年', span(p(1868), p(1912), 1868, 1912)],
    // The era in Latin letters, alone.
    ['Heisei 1', point(p(1989))],
    ['Shōwa 20', point(p(1945))],
    ['Meiji 45', point(p(1912))],
  ]);

  it('2019年 - 令和元年 is one point, start and end the same year', () => {
    const reading = readDate('2019年 - 令和元年')!;
    expect([reading.start, reading.end, reading.from, reading.to]).toEqual([p(2019), p(2019), 2019, 2019]);
  });

  it.each([
    // A gloss that names another year is no date, never a range between the two.
    '2019年 - 平成元年',
    '1989年 - 令和元年',
    '1912年 - 昭和元年',
    '明治元年 - 1912年',
    '1989 (Heisei 2)',
    '2019年5月1日（令和元年6月1日）',
    '1868年（明治2年）',
    // Only a year, month or day is glossed, and only in the Common Era.
    '1980s (昭和55年)',
    '490 BC (Heisei 1)',
    // Out of the era, nested, or not closing the text.
    'Reiwa 100',
    '1868年((明治元年))',
    '(明治元年)1868年',
  ])('%s is no date', (input) => {
    expect(readDate(input)).toBeNull();
  });
});

describe('never misread', () => {
  it.each([
    '100 soldiers',
    'Llama 2',
    'GPT-3.5',
    'GPT-4',
    '2.5',
    'Qwen2.5',
    'v2.0',
    'Room 101',
    '75',
    '19',
    'X (1997)',
    '(1997)',
    '1997 (1998)',
    'the Fall',
    'early',
    'Spring forward 2',
  ])('%j is no date', (input) => {
    expect(readDate(input)).toBeNull();
    expect(parsePeriod(input)).toBeNull();
  });

  it('a bare three- or four-digit number stays a year, as before', () => {
    expect(readDate('100')).toEqual(point(p(100)));
    expect(readDate('1895')).toEqual(point(p(1895)));
  });
});
