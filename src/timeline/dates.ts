/**
 * The date model and its grammar: the dates real histories are written
 * with, in English, Chinese and Japanese.
 *
 * Hand-written on purpose. chrono-node reads dates out of running text: it
 * finds `2.5` or `Llama 2` in a model name, guesses a year for `Aug 10`, has
 * no precision (decade, century) and reads `15世紀` not at all; edtf and
 * @markwhen/parser read one notation each. A note's period is a short,
 * whole string (`公元前475年—前221年`, `c. 1450`, `3rd–6th century`,
 * `Winter 1941–42`, `mid-to-late 1640s`, `1868年（明治元年）`), so the
 * grammar here reads only strings that are wholly a date, and leaves
 * everything else alone (model names, imperial-era years it cannot place).
 *
 * Years are astronomical inside (1 BC is 0, 2 BC is -1) so that spans and
 * the axis are plain arithmetic; no year 0 is ever shown (see
 * `date-format.ts`).
 */

export type { DatePoint } from './types.ts';
import type { DatePoint, Precision } from './types.ts';

/** A point or a span as read from text, before it becomes a `Period`. */
export interface DateReading {
  /** First point, or null when the start is open or unknown. */
  start: DatePoint | null;
  /** Last point, or null when the end is open. A decade or century names its whole unit. */
  end: DatePoint | null;
  /**
   * First and last astronomical year covered: the units' first and last
   * years (`1970s` → 1970–1979), narrowed for a part of one (`early 20th
   * century` → 1900–1919, `19世纪末` → 1880–1899). A season or a part of a
   * year is a span of months instead (`Winter 1941` → Dec 1941–Feb 1942,
   * from 1941 to 1942).
   */
  from: number | null;
  to: number | null;
  /** The start is open: `2021 及之前`, `before 1900`, `–1895`, `〜1912年`. */
  fromOpen: boolean;
  /** The end is ongoing (`未来`, `present`) or unknown (`？？？？`). */
  toOpen: 'ongoing' | 'unknown' | false;
  /** The end comes before the start (`1990–1980`): kept as written, but undated. */
  reversed: boolean;
}

/** The longest text read as a date: no period a person writes is longer, and it keeps headings linear. */
export const MAX_DATE_LENGTH = 80;

/* ------------------------------------------------------------------ */
/* Units                                                               */
/* ------------------------------------------------------------------ */

/** The last astronomical year a point covers: `1970s` → 1979, `15世紀` → 1499. */
export function lastYear(point: DatePoint): number {
  const { year } = point;
  switch (point.precision) {
    case 'decade':
      return year + 9;
    case 'century':
      return year >= 1 ? (Math.floor(year / 100) + 1) * 100 - 1 : year + 99;
    case 'millennium':
      return year >= 1 ? (Math.floor(year / 1000) + 1) * 1000 - 1 : year + 999;
    default:
      return year;
  }
}

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** Where a point starts on a continuous scale of years: 1969-07-20 → 1969.55. */
export function startTime(point: DatePoint): number {
  if (point.month === null) return point.year;
  return point.year + (DAYS_BEFORE_MONTH[point.month - 1]! + (point.day ?? 1) - 1) / 365;
}

/** Where a point ends on the same scale: the start of the next unit. */
export function endTime(point: DatePoint): number {
  if (point.day !== null && point.month !== null) return startTime(point) + 1 / 365;
  if (point.month !== null)
    return point.month === 12 ? point.year + 1 : startTime({ ...point, month: point.month + 1, day: null });
  return lastYear(point) + 1;
}

/** Days in a month of the proleptic Gregorian calendar (astronomical year). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/* ------------------------------------------------------------------ */
/* Words                                                               */
/* ------------------------------------------------------------------ */

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const MONTH = String.raw`(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?`;
const WEEKDAY = String.raw`(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|urday|rsday)?\.?,?\s)`;
const ORDINAL = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;

/** Chinese and Japanese numerals, for `十九世纪`, `二零一六年`, `九月三号`. */
const CJK_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CJK_NUMBER = '[〇零一二两兩三四五六七八九十百千]+';

/** `十九` → 19, `二零一六` → 2016, `二千` → 2000, `31` → 31; null when it is no number. */
function number(text: string): number | null {
  if (/^\d+$/u.test(text)) return Number(text);
  if (!/^[〇零一二两兩三四五六七八九十百千]+$/u.test(text)) return null;
  // Digit by digit (二零一六, 二〇〇六) when no unit sign is used.
  if (!/[十百千]/u.test(text)) return Number([...text].map((ch) => CJK_DIGITS[ch]).join(''));
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in CJK_DIGITS) digit = CJK_DIGITS[ch]!;
    else {
      const unit = ch === '十' ? 10 : ch === '百' ? 100 : 1000;
      total += (digit || 1) * unit;
      digit = 0;
    }
  }
  return total + digit;
}

/** Japanese imperial eras and the Republic of China calendar: first (Gregorian) year and last era year. */
const CALENDAR_ERAS: Record<string, { first: number; last: number }> = {
  明治: { first: 1868, last: 45 },
  大正: { first: 1912, last: 15 },
  昭和: { first: 1926, last: 64 },
  平成: { first: 1989, last: 31 },
  令和: { first: 2019, last: 99 },
  民国: { first: 1912, last: 38 },
  民國: { first: 1912, last: 200 },
};

/** The Japanese eras in Latin letters (`Heisei 1`, `Shōwa 20`, `Taisho 3`), by their first letter. */
const ROMAN_ERAS: Record<string, string> = { m: '明治', t: '大正', s: '昭和', h: '平成', r: '令和' };

/** A season's first month: a season is that month and the next two, and winter runs into the next year. */
const SEASONS: Record<string, number> = {
  spring: 3,
  summer: 6,
  autumn: 9,
  fall: 9,
  winter: 12,
  春: 3,
  夏: 6,
  秋: 9,
  冬: 12,
};

/**
 * A part of a year, decade, century or millennium: its first, middle or
 * last stretch, two of them in a row (`mid-to-late`, `中后期`), or a half
 * (`19世紀後半`, `上半年`). See partRange for the years or months each covers.
 */
type Part = 'early' | 'mid' | 'late' | 'early-mid' | 'mid-late' | 'first-half' | 'second-half';

const PART_WORDS: Record<string, Part> = {
  early: 'early',
  初: 'early',
  初期: 'early',
  初叶: 'early',
  初葉: 'early',
  初頭: 'early',
  初め: 'early',
  前期: 'early',
  mid: 'mid',
  middle: 'mid',
  中期: 'mid',
  中叶: 'mid',
  中葉: 'mid',
  半ば: 'mid',
  中頃: 'mid',
  中ごろ: 'mid',
  late: 'late',
  末: 'late',
  末期: 'late',
  末叶: 'late',
  末葉: 'late',
  后期: 'late',
  後期: 'late',
  底: 'late',
  中后期: 'mid-late',
  中後期: 'mid-late',
  first: 'first-half',
  '1st': 'first-half',
  前半: 'first-half',
  上半叶: 'first-half',
  上半葉: 'first-half',
  上半年: 'first-half',
  second: 'second-half',
  '2nd': 'second-half',
  後半: 'second-half',
  后半: 'second-half',
  下半叶: 'second-half',
  下半葉: 'second-half',
  下半年: 'second-half',
};
/** Parts of a decade or century in Chinese and Japanese: `19世纪末`, `1960年代後半`, `20世纪上半叶`, `19世紀半ば`. */
const CJK_PART =
  '初期|初叶|初葉|初頭|初め|初|前期|前半|中后期|中後期|中期|中叶|中葉|半ば|中頃|中ごろ|末期|末叶|末葉|末|后期|後期|后半|後半|上半叶|上半葉|下半叶|下半葉';
/** `early`, `mid`, `late`, or two in a row: `mid-to-late`, `mid- to late`, `early to mid`, `mid–late`, `mid-late`. */
const PART_EN = String.raw`(early|mid|middle|late)(?:(?:-to-|-? to[- ]|[-–/])(mid|middle|late))?`;

/* ------------------------------------------------------------------ */
/* Normalising                                                         */
/* ------------------------------------------------------------------ */

/**
 * Full-width ASCII (`２０１４`, `～`, `－`) as ASCII, one space for each run
 * of white space, the ends trimmed. Length may change: only ever applied to
 * a copy that is read, never to the label shown.
 */
function normalise(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/gu, ' ')
    .trim();
}

/* ------------------------------------------------------------------ */
/* Points                                                              */
/* ------------------------------------------------------------------ */

/** What was said about the era of a year: BC, AD, or nothing. */
type EraMark = 'bc' | 'ad' | null;

/** A side of a range as written: a whole point, or a fragment completed from the other side. */
interface Side {
  /** The year as written (historical, no sign), or null for a fragment that lacks it. */
  year: number | null;
  month: number | null;
  day: number | null;
  precision: Precision;
  approximate: boolean;
  era: EraMark;
  /** A year of one or two digits, which reads as a year only when marked. */
  short: boolean;
  /** A bare number or ordinal (`10`, `3rd`) that takes its unit from the other side. */
  bare: boolean;
  /**
   * Part of a decade or century (`early 20th century`, `19世纪末`): narrows
   * the years. Part of a year (`early 1776`, `1993年上半年`): a span of months.
   */
  part: Part | null;
  /** Months the side covers after its first: 2 for a season (`Summer 1969` is June to August). */
  through: number;
  /** Read from a calendar era (`令和元年`, `Heisei 1`): beside a Western date it is a gloss, not a range's end. */
  calendar: boolean;
}

const APPROX_PREFIX =
  /^(?:c\.|ca\.|c(?=\s)|ca(?=\s)|circa|approx\.|approximately|around|about|~|大约|大約|约|約|概ね)\s?/iu;
/** EDTF's `2016~` is approximate; `1868年～` is open-ended (see readRange). */
const APPROX_SUFFIX = /\s?(?:\?|%|左右|前后|前後|頃|ごろ|ころ|ほど)$|(?<=\d)~$/iu;
const BC_SUFFIX = /\s?(?:b\.?\s?c\.?\s?e\.?|b\.?\s?c\.?)$/iu;
const AD_SUFFIX = /\s?(?:a\.?\s?d\.?|c\.?\s?e\.?)$/iu;
const AD_PREFIX = /^(?:a\.?\s?d\.?)\s?/iu;
const BC_PREFIX_CJK = /^(?:公元前|西元前|紀元前|纪元前|前)/u;
const AD_PREFIX_CJK = /^(?:公元|西元|西暦|紀元後|纪元后|紀元|纪元)/u;

const side = (fields: Partial<Side> & Pick<Side, 'precision'>): Side => ({
  year: null,
  month: null,
  day: null,
  approximate: false,
  era: null,
  short: false,
  bare: false,
  part: null,
  through: 0,
  calendar: false,
  ...fields,
});

/** The forms of a point once approximation and era words are off it. Each regex is anchored at both ends. */
const BODY_FORMS: Array<{ re: RegExp; read: (m: RegExpExecArray) => Side | null }> = [
  // 2021-06-29, 2021.6.29, 2012/3/31
  { re: /^(\d{4})([-./])(\d{1,2})\2(\d{1,2})$/u, read: (m) => ymd(m[1]!, m[3]!, m[4]!) },
  // 2021-06 (ISO: a month, never 2021–2006), 1999.08
  { re: /^(\d{4})[-.](\d{2})$/u, read: (m) => ymd(m[1]!, m[2]!, null) },
  // 04/2010, 7/2010
  { re: /^(\d{1,2})\/(\d{4})$/u, read: (m) => ymd(m[2]!, m[1]!, null) },
  // 1867年11月9日, 2008 年 8 月 8 日, 2016年9月3号, 1901年の9月10日, 2019年4月12 (a day range's start)
  {
    re: new RegExp(
      `^(\\d{1,4}|${CJK_NUMBER}) ?年 ?の? ?(\\d{1,2}|${CJK_NUMBER}) ?月 ?(\\d{1,2}|${CJK_NUMBER}) ?(?:日|号|號)?$`,
      'u',
    ),
    read: (m) => ymd(m[1]!, m[2]!, m[3]!),
  },
  // 1911年10月, 2017年五月
  {
    re: new RegExp(`^(\\d{1,4}|${CJK_NUMBER}) ?年 ?の? ?(\\d{1,2}|${CJK_NUMBER}) ?月$`, 'u'),
    read: (m) => ymd(m[1]!, m[2]!, null),
  },
  // 20世纪80年代, 十九世纪七十年代, 20世纪60年代前期, 20世纪80年代中后期
  {
    re: new RegExp(`^(\\d{1,2}|${CJK_NUMBER}) ?世[纪紀] ?(\\d0|${CJK_NUMBER}) ?年代 ?(${CJK_PART})?$`, 'u'),
    read: (m) => {
      const century = number(m[1]!);
      const decade = number(m[2]!);
      if (century === null || decade === null || century < 1 || decade % 10 !== 0 || decade > 90) return null;
      return side({ year: (century - 1) * 100 + decade, precision: 'decade', part: partOf(m[3]) });
    },
  },
  // 1970s, 1970's, the 1920s, 1970年代, 490s (BC); a part of one: early 1990s, the late 1960s,
  // mid-1970s, mid-to-late 1640s, early-to-mid 1990s, 1960年代後半, 1960年代半ば, 1970年代末.
  // With a part, a round hundred before 2000 is a century, as readers mean it: mid-1800s is
  // the middle of 1800–1899 (`1800s` alone stays the decade 1800–1809, as the site writes it).
  {
    re: new RegExp(`^(?:the )?(?:${PART_EN}[- ])?(\\d{1,3}0)(?:'?s|年代)(?: ?(${CJK_PART}))?$`, 'iu'),
    read: (m) => {
      const part = m[4] ? (m[1] ? undefined : partOf(m[4])) : partsOf(m[1], m[2]);
      if (part === undefined) return null;
      const year = Number(m[3]);
      if (part && m[1] && year % 100 === 0 && year >= 100 && year < 2000)
        return century(year / 100 + 1, 'century', part);
      // `70s` alone is no decade (which century?); `AD 70s` is.
      return side({ year, precision: 'decade', part, short: m[3]!.length < 3 });
    },
  },
  // early 20th century, the 5th century, mid-19th century, 3rd c., late 19th century,
  // mid-to-late 19th century, early-to-mid 20th century
  {
    re: new RegExp(`^(?:the )?(?:${PART_EN}[- ])?(\\d{1,2})(?:st|nd|rd|th)[- ](?:century|c\\.)$`, 'iu'),
    read: (m) => {
      const part = partsOf(m[1], m[2]);
      return part === undefined ? null : century(Number(m[3]), 'century', part);
    },
  },
  // the first half of the 19th century, second half of the 20th century
  {
    re: /^(?:the )?(first|second|1st|2nd) half of the (\d{1,2})(?:st|nd|rd|th) century$/iu,
    read: (m) => century(Number(m[2]), 'century', partOf(m[1])),
  },
  // 9世纪, 十九世纪, 16世紀, 19世纪末, 20世纪初, 19世紀後半 (the second half), 20世纪上半叶,
  // 19世紀半ば, 19世紀初頭, 19世纪中后期
  {
    re: new RegExp(`^(\\d{1,2}|${CJK_NUMBER}) ?世[纪紀] ?(${CJK_PART})?$`, 'u'),
    read: (m) => {
      const n = number(m[1]!);
      return n === null ? null : century(n, 'century', partOf(m[2]));
    },
  },
  // 2nd millennium, 2千纪, 2千年紀; early 2nd millennium BC, mid-to-late 3rd millennium BC
  {
    re: new RegExp(`^(?:the )?(?:${PART_EN}[- ])?(\\d{1,2})(?:st|nd|rd|th) millennium$`, 'iu'),
    read: (m) => {
      const part = partsOf(m[1], m[2]);
      return part === undefined ? null : century(Number(m[3]), 'millennium', part);
    },
  },
  {
    re: new RegExp(`^(\\d{1,2}|${CJK_NUMBER}) ?千(?:年)?[纪紀]$`, 'u'),
    read: (m) => century(number(m[1]!) ?? 0, 'millennium', null),
  },
  // 201X (the 2010s), 20XX (the 21st century, as 2000–2099)
  { re: /^(\d{3})X$/u, read: (m) => side({ year: Number(m[1]) * 10, precision: 'decade' }) },
  { re: /^(\d{2})XX$/u, read: (m) => century(Number(m[1]) + 1, 'century', null) },
  // March 3, 2021 / Wed, Sep 6, 2017 / March 3rd 2021
  {
    re: new RegExp(`^${WEEKDAY}?${MONTH} ${ORDINAL},? (\\d{1,4})$`, 'iu'),
    read: (m) => ymd(m[3]!, MONTHS[m[1]!.toLowerCase()]!, m[2]!),
  },
  // 3 March 2021 / 31st March, 2016 / 09-JAN-2017
  {
    re: new RegExp(`^${WEEKDAY}?${ORDINAL}(?: |-)${MONTH},?(?: |-)(\\d{1,4})$`, 'iu'),
    read: (m) => ymd(m[3]!, MONTHS[m[2]!.toLowerCase()]!, m[1]!),
  },
  // October 2021, Oct 2021, Dec. 2021, August, 2012
  { re: new RegExp(`^${MONTH},? (\\d{1,4})$`, 'iu'), read: (m) => ymd(m[2]!, MONTHS[m[1]!.toLowerCase()]!, null) },
  // Seasons, three months each: Spring 1776 (March–May), Summer 1969, Autumn 1989, Fall 1989,
  // the summer of 1969, winter of 1941 (December 1941 – February 1942)
  {
    re: /^(?:the )?(spring|summer|autumn|fall|winter),?(?: of)? (\d{1,4})$/iu,
    read: (m) => season(m[2]!, m[1]!),
  },
  // Winter 1941–42, winter of 1941/42, Winter 1941-1942: the winter across the turn of a year
  {
    re: /^(?:the )?winter (?:of )?(\d{1,4}) ?[-–—/] ?(\d{2}|\d{4})$/iu,
    read: (m) => {
      const first = Number(m[1]);
      const next = Number(m[2]);
      return (m[2]!.length === 2 ? next === (first + 1) % 100 : next === first + 1) ? season(m[1]!, 'winter') : null;
    },
  },
  // 1776年春, 1776年夏, 1776年秋, 1941年冬 (December 1941 – February 1942), 1776年春季, 1776年の春
  {
    re: /^(\d{1,4}|[〇零一二三四五六七八九]{4}) ?年 ?の? ?(春|夏|秋|冬)(?:季|天)?$/u,
    read: (m) => season(m[1]!, m[2]!),
  },
  // A part of a year, as months: early 1776 (January–April), mid-1776 (May–August), late 1776
  // (September–December), mid-to-late 1776; 1776年初, 2020年底, 2020年末, 1993年上半年 (January–June),
  // 1993年下半年, 2020年前半, 2020年後半. Early, mid and late are approximate; a half is not.
  {
    re: new RegExp(`^${PART_EN}[- ](\\d{1,4})$`, 'iu'),
    read: (m) => {
      const part = partsOf(m[1], m[2]);
      const year = ymd(m[3]!, null, null);
      return part === undefined || !year ? null : { ...year, part };
    },
  },
  {
    re: /^(\d{1,4}|[〇零一二三四五六七八九]{4}) ?年 ?の? ?(初め|初|底|末|上半年|下半年|前半|後半|后半)$/u,
    read: (m) => {
      const year = ymd(m[1]!, null, null);
      return year && { ...year, part: partOf(m[2]) };
    },
  },
  // 1450, 1450年, 80 (short: it needs a mark, such as AD or c.)
  { re: /^(\d{1,4}) ?年?$/u, read: (m) => ymd(m[1]!, null, null) },
  // 二零一六年, 二〇〇六年, 二千年 (元年 is left to the calendar eras)
  { re: /^([〇零一二三四五六七八九]{4}|[一二三四五六七八九]千) ?年$/u, read: (m) => ymd(m[1]!, null, null) },
];

/** A month and day, a month or a day without a year: `10 August`, `8月22日`, `11月`, `22日`. */
const MONTH_DAY_FORMS: Array<{ re: RegExp; read: (m: RegExpExecArray) => Side | null }> = [
  { re: new RegExp(`^${MONTH} ${ORDINAL}$`, 'iu'), read: (m) => fragment(MONTHS[m[1]!.toLowerCase()]!, Number(m[2])) },
  { re: new RegExp(`^${ORDINAL} ${MONTH}$`, 'iu'), read: (m) => fragment(MONTHS[m[2]!.toLowerCase()]!, Number(m[1])) },
  {
    re: new RegExp(`^(\\d{1,2}|${CJK_NUMBER}) ?月 ?(\\d{1,2}|${CJK_NUMBER}) ?(?:日|号|號)$`, 'u'),
    read: (m) => fragment(number(m[1]!), number(m[2]!)),
  },
  { re: new RegExp(`^(\\d{1,2}|${CJK_NUMBER}) ?月$`, 'u'), read: (m) => fragment(number(m[1]!), null) },
  { re: new RegExp(`^(\\d{1,2}|${CJK_NUMBER}) ?(?:日|号|號)$`, 'u'), read: (m) => fragment(null, number(m[1]!)) },
];

/**
 * Fragments a range completes from its other side: the forms above, a bare
 * `10` or `3rd`, and a part of a century (`late 19th` in `late 19th – early
 * 20th century`).
 */
const FRAGMENT_FORMS: Array<{ re: RegExp; read: (m: RegExpExecArray) => Side | null }> = [
  ...MONTH_DAY_FORMS,
  { re: /^(\d{1,2})(st|nd|rd|th)?$/iu, read: (m) => side({ year: Number(m[1]), precision: 'year', bare: true }) },
  {
    re: new RegExp(`^${PART_EN}[- ](\\d{1,2})(?:st|nd|rd|th)$`, 'iu'),
    read: (m) => {
      const part = partsOf(m[1], m[2]);
      return part ? side({ year: Number(m[3]), precision: 'year', bare: true, part }) : null;
    },
  },
];

function fragment(month: number | null, day: number | null): Side | null {
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  return side({ month, day, precision: day !== null ? 'day' : 'month' });
}

function partOf(word: string | undefined): Part | null {
  return word ? (PART_WORDS[word.toLowerCase()] ?? null) : null;
}

/** `early`, or two parts in a row (`mid-to-late`, `early-to-mid`); undefined for any other pair (`late-to-early`). */
function partsOf(first: string | undefined, second: string | undefined): Part | null | undefined {
  const a = partOf(first);
  if (!second) return a;
  const b = partOf(second);
  if (a === 'early' && b === 'mid') return 'early-mid';
  if (a === 'mid' && b === 'late') return 'mid-late';
  return undefined;
}

/** A season of a year as written (`spring`, `冬`): its first month and the two after. */
function season(yearText: string, word: string): Side | null {
  const year = ymd(yearText, null, null);
  const month = SEASONS[word.toLowerCase()];
  return year && month ? { ...year, month, precision: 'month', through: 2 } : null;
}

/** The Nth century or millennium, as its first year (historical, CE; BC is applied later). */
function century(n: number, precision: 'century' | 'millennium', part: Part | null): Side | null {
  if (!Number.isInteger(n) || n < 1 || n > 99) return null;
  return side({ year: n, precision, part });
}

/** A year with an optional month and day, all as written; null when out of range. */
function ymd(yearText: string, monthValue: string | number | null, dayText: string | null): Side | null {
  const year = number(yearText);
  if (year === null || year === 0) return null; // there is no year 0
  const month = typeof monthValue === 'string' ? number(monthValue) : monthValue;
  const day = dayText === null ? null : number(dayText);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  const digits = /^\d+$/u.test(yearText) ? yearText.replace(/^0+(?=\d)/u, '').length : 4;
  return side({
    year,
    month,
    day,
    precision: day !== null ? 'day' : month !== null ? 'month' : 'year',
    short: digits < 3,
  });
}

/** A calendar-era date: `平成26年12月29日`, `令和元年5月1日`, `明治13年`. */
const CALENDAR_ERA_FORM = new RegExp(
  `^(${Object.keys(CALENDAR_ERAS).join('|')}) ?(元|\\d{1,3}|${CJK_NUMBER}) ?年(?: ?(\\d{1,2}|${CJK_NUMBER}) ?月(?: ?(\\d{1,2}|${CJK_NUMBER}) ?日)?)?$`,
  'u',
);

/** The same in Latin letters, a year only: `Heisei 1`, `Shōwa 20`, `Meiji 45`, `Taishou 3`. */
const ROMAN_ERA_FORM = /^(meiji|taish[oō]u?|sh[oō]u?wa|heisei|reiwa) (\d{1,2})$/iu;

function calendarEra(text: string): Side | null {
  const m = CALENDAR_ERA_FORM.exec(text);
  const roman = m ? null : ROMAN_ERA_FORM.exec(text);
  const name = m ? m[1]! : roman && ROMAN_ERAS[roman[1]!.charAt(0).toLowerCase()];
  if (!name) return null;
  const era = CALENDAR_ERAS[name]!;
  const written = m ? m[2]! : roman![2]!;
  const n = written === '元' ? 1 : number(written);
  if (n === null || n < 1 || n > era.last) return null;
  const point = ymd(String(era.first + n - 1), m?.[3] ?? null, m?.[4] ?? null);
  return point && { ...point, era: 'ad', calendar: true };
}

/**
 * Reads one side: approximation and era words around a body form. With
 * `fragments`, also what only a range can complete.
 */
function readSide(raw: string, fragments: boolean): Side | null {
  let text = raw.trim();
  if (!text || text.length > MAX_DATE_LENGTH) return null;
  // `1868年（明治元年）`: a date glossed with its calendar-era year (normalise has made the parentheses ASCII).
  if (text.endsWith(')')) return parenthesisedGloss(text);
  let approximate = false;
  let era: EraMark = null;
  let marked = false;

  for (let changed = true; changed;) {
    changed = false;
    const approxBefore = APPROX_PREFIX.exec(text);
    if (approxBefore && approxBefore[0].length < text.length) {
      text = text.slice(approxBefore[0].length).trim();
      approximate = changed = marked = true;
    }
    // A trailing `?` or `~` marks a year approximate, but not a short one as a year: `19~` is no date.
    const approxAfter = APPROX_SUFFIX.exec(text);
    if (approxAfter && approxAfter.index > 0) {
      text = text.slice(0, approxAfter.index).trim();
      approximate = changed = true;
    }
    if (era === null) {
      const bc = BC_SUFFIX.exec(text) ?? BC_PREFIX_CJK.exec(text);
      const ad = bc ? null : (AD_SUFFIX.exec(text) ?? AD_PREFIX.exec(text) ?? AD_PREFIX_CJK.exec(text));
      const found = bc ?? ad;
      // A prefix must leave the digits that follow it; `前` alone is no era.
      if (found && found[0].length < text.length) {
        text = found.index === 0 ? text.slice(found[0].length).trim() : text.slice(0, found.index).trim();
        era = bc ? 'bc' : 'ad';
        changed = marked = true;
      }
    }
  }

  const calendar = era === null ? calendarEra(text) : null;
  if (calendar) return { ...calendar, approximate };
  for (const form of BODY_FORMS) {
    const m = form.re.exec(text);
    if (!m) continue;
    const read = form.read(m);
    if (!read) return null;
    if (read.precision === 'century' || read.precision === 'millennium') marked = true;
    // EDTF's `197~` is a decade, `1450?` a year: a mark after a three-digit number is too ambiguous to read.
    if (approximate && !marked && read.precision === 'year' && /^\d{3}$/u.test(text)) return null;
    // In a range, a bare `10` or `44` may be a day or a year: the other side tells (see complete).
    if (fragments && read.short && !marked && /^\d{1,2}$/u.test(text)) return { ...read, approximate, bare: true };
    return { ...read, approximate, era, short: read.short && !marked };
  }
  if (!fragments || era !== null) return null;
  for (const form of FRAGMENT_FORMS) {
    const m = form.re.exec(text);
    if (m) {
      const read = form.read(m);
      return read && { ...read, approximate };
    }
  }
  return null;
}

/** A finished side as a point: BC applied, the unit's first year, the day checked. */
function toPoint(s: Side): DatePoint | null {
  if (s.year === null) return null;
  let year: number;
  if (s.precision === 'century' || s.precision === 'millennium') {
    const size = s.precision === 'century' ? 100 : 1000;
    // 15世紀 is 1400–1499 (how readers and peers count); 5th century BC is 500–401 BC.
    year = s.era === 'bc' ? 1 - s.year * size : Math.max(1, (s.year - 1) * size);
  } else if (s.precision === 'decade' && s.era === 'bc') {
    year = 1 - (s.year + 9); // 490s BC: 499–490 BC
  } else {
    year = s.era === 'bc' ? 1 - s.year : s.year;
  }
  if (s.day !== null && s.month !== null && s.day > daysInMonth(year, s.month)) return null;
  return { year, month: s.month, day: s.day, precision: s.precision, approximate: s.approximate };
}

/** A point as the span of years it covers; a part of a decade or century (`early`, `末`) covers less. */
interface Span {
  start: DatePoint;
  end: DatePoint;
  from: number;
  to: number;
}

/**
 * The first and last offset a part covers in a unit of `size` (years, or
 * the 12 months of a year) whose early and late stretches are `edge` long:
 * the middle is what lies between, two parts in a row run from the first's
 * start to the second's end, and a half is a half.
 */
function partRange(part: Part, size: number, edge: number): [number, number] {
  switch (part) {
    case 'early':
      return [0, edge - 1];
    case 'mid':
      return [edge, size - edge - 1];
    case 'late':
      return [size - edge, size - 1];
    case 'early-mid':
      return [0, size - edge - 1];
    case 'mid-late':
      return [edge, size - 1];
    case 'first-half':
      return [0, size / 2 - 1];
    case 'second-half':
      return [size / 2, size - 1];
  }
}

/**
 * Early and late are the first and last fifth of a century (JioNLP's
 * reading: `11世纪初` is 1000–1019) or the first and last three years of a
 * decade; the middle is what lies between (`mid-to-late 1640s` is
 * 1643–1649, `19世紀後半` 1850–1899). The point keeps its precision (a
 * century) and is marked approximate.
 */
function spanOf(point: DatePoint, part: Part | null): Span {
  const first = point.year;
  const last = lastYear(point);
  if (!part) return { start: point, end: point, from: first, to: last };
  const size = last - first + 1;
  const [lo, hi] = partRange(part, size, point.precision === 'decade' ? 3 : Math.round(size / 5));
  const approx = { ...point, approximate: true };
  return { start: approx, end: approx, from: first + lo, to: first + hi };
}

/**
 * A side as the span it covers. A season is a span of months (`Winter
 * 1941` is December 1941 to February 1942), and so is a part of a year:
 * early, mid and late are its thirds (`early 1776` is January to April,
 * approximate), a half is six months.
 */
function spanOfSide(s: Side): Span | null {
  const point = toPoint(s);
  if (!point) return null;
  if (s.part && point.precision === 'year') {
    const [lo, hi] = partRange(s.part, 12, 4);
    return monthSpan(point, lo + 1, hi - lo, point.approximate || !s.part.endsWith('half'));
  }
  if (s.through > 0 && point.month !== null) return monthSpan(point, point.month, s.through, point.approximate);
  return spanOf(point, s.part);
}

/** From `month` of the point's year to `through` months later, both ends at month precision. */
function monthSpan(point: DatePoint, month: number, through: number, approximate: boolean): Span {
  const start: DatePoint = { ...point, month, day: null, precision: 'month', approximate };
  const last = month - 1 + through;
  const end: DatePoint = { ...start, year: point.year + Math.floor(last / 12), month: (last % 12) + 1 };
  return { start, end, from: start.year, to: end.year };
}

/* ------------------------------------------------------------------ */
/* Periods                                                             */
/* ------------------------------------------------------------------ */

const OPEN_END =
  /^(?:未来|未來|至今|迄今|现今|現今|如今|现在|現在|今天|今日|今|現代|present|now|today|ongoing|future|the present|date)$/iu;
const UNKNOWN = /^[?？]+$/u;
const BEFORE_SUFFIX =
  /\s?(?:及之前|及以前|之前|以前|以前まで|まで|or earlier|and earlier|or before|and before|before|earlier)$/iu;
const BEFORE_PREFIX = /^(?:before|until|up to|pre-|早于|早於)\s?/iu;
const SINCE_PREFIX = /^(?:since|from)\s/iu;
const SINCE_SUFFIX = /\s?(?:以来|以來|以降|onwards|onward|and after|and later|起)$/iu;
/** Whole-range words: `从…`, `from … to`, `between … and`, `…まで`, `…の間`, `…期间`. */
const RANGE_PREFIX = /^(?:从|從|自|from |between )/iu;
const RANGE_SUFFIX = /(?:まで|の間|の間に|期间|期間|间|間)$/u;
/** Range separators, as they may split a range in two; `--` and `---` are TeX's and Markdown's en and em dash (`1603--1868`). */
const SEPARATOR = /\s?(?:——|—|–|---|--|-|−|~|〜|～|ー|\/|至|到|から)\s?|\s(?:to|till|until|through|and)\s/giu;
/** Separators that set a calendar-era gloss beside a Western date (`2019年 - 令和元年`) rather than start a range. */
const GLOSS_SEPARATOR = /^(?:——|—|–|---|--|-|−|\/)$/u;
/**
 * An en or em dash, or a wave dash, written before a date with no space is
 * an open start: `–1895`, `—1895`, `〜1912年`, `～1912年`. Not a hyphen
 * (`-1895`, `-0002` are negative years in EDTF and astronomical notation,
 * read as nothing), nor an ASCII tilde (`~1895` is about 1895).
 */
const OPEN_START_MARKS = ['–', '—', '〜', '～'];

const EMPTY: DateReading = {
  start: null,
  end: null,
  from: null,
  to: null,
  fromOpen: false,
  toOpen: false,
  reversed: false,
};

/**
 * Reads a date or period that makes up the whole of `text`, or returns
 * null. Linear in the text: longer text than {@link MAX_DATE_LENGTH} is no
 * date, and each separator is tried once.
 */
export function readDate(text: string): DateReading | null {
  if (text.length > MAX_DATE_LENGTH * 2) return null;
  let t = normalise(text);
  if (!t || t.length > MAX_DATE_LENGTH || !/[\d〇零一二三四五六七八九十]/u.test(t)) return null;

  // Open start: `2021 及之前`, `before 1900`.
  const before = BEFORE_SUFFIX.exec(t) ?? BEFORE_PREFIX.exec(t);
  if (before) {
    const rest = before.index === 0 ? t.slice(before[0].length) : t.slice(0, before.index);
    const point = single(rest);
    if (point) return { ...EMPTY, end: point.end, to: point.to, fromOpen: true };
  }
  // Open start: `–1895`, `〜1912年` (see OPEN_START_MARKS; normalising has made `～` a `~`).
  if (OPEN_START_MARKS.includes(text.trimStart().charAt(0)) && t.length > 1 && t[1] !== ' ') {
    const point = single(t.slice(1));
    if (point) return { ...EMPTY, end: point.end, to: point.to, fromOpen: true };
  }
  // Open end: `1990 以来`, `since 1990`.
  const since = SINCE_SUFFIX.exec(t) ?? SINCE_PREFIX.exec(t);
  if (since) {
    const rest = since.index === 0 ? t.slice(since[0].length) : t.slice(0, since.index);
    const point = single(rest);
    if (point) return { ...EMPTY, start: point.start, from: point.from, toOpen: 'ongoing' };
  }

  const whole = single(t);
  if (whole) return { ...EMPTY, ...whole };

  t = t.replace(RANGE_PREFIX, '').replace(RANGE_SUFFIX, '').trim();
  for (const m of separators(t)) {
    const left = t.slice(0, m.index).trim();
    const right = t.slice(m.index + m[0].length).trim();
    if (!left) continue;
    // `？？？？-2021`: an unknown start.
    if (UNKNOWN.test(left)) {
      const point = single(right);
      if (point) return { ...EMPTY, end: point.end, to: point.to, fromOpen: true };
      continue;
    }
    const range = readRange(left, right, m[0]);
    if (range) return range;
  }
  return null;
}

/**
 * Where a range may split, strongest first: words and spaced or wide
 * dashes, then `/` (ISO intervals), then a bare `-`, which also joins the
 * parts of an ISO date (`2022-06-07/2023` splits at `/`, not inside a date).
 */
function separators(text: string): RegExpExecArray[] {
  const rank = (m: RegExpExecArray) => (m[0].trim() === '-' && m[0] === '-' ? 2 : m[0].trim() === '/' ? 1 : 0);
  return [...text.matchAll(SEPARATOR)]
    .map((m, i) => ({ m, i }))
    .sort((a, b) => rank(a.m) - rank(b.m) || a.i - b.i)
    .map(({ m }) => m);
}

/** A single point as a span: its start and end (the same point, or the narrowed part). */
function single(text: string): Span | null {
  const s = readSide(text, false);
  if (!s || s.short || s.bare) return null;
  return spanOfSide(s);
}

/** Both sides of a range, completed from each other. */
function readRange(leftText: string, rightText: string, separator: string): DateReading | null {
  const left = readSide(leftText, true);
  if (!left) return null;
  // `2023-？？？？`, `2025 - 未来`, `1990–`, `1868年〜`: an end that is no date.
  // EDTF's `2016~` (a digit, then `~`) is approximate, not open-ended.
  if (
    (!rightText && !(separator.trim() === '~' && /\d$/u.test(leftText))) ||
    OPEN_END.test(rightText) ||
    UNKNOWN.test(rightText)
  ) {
    if (left.short || left.bare || left.year === null) return null;
    const start = finish(left);
    if (!start) return null;
    return { ...EMPTY, start: start.start, from: start.from, toOpen: UNKNOWN.test(rightText) ? 'unknown' : 'ongoing' };
  }
  const right = readSide(rightText, true);
  if (!right) return null;
  // `2019年 - 令和元年`, `2019 / Reiwa 1`: a calendar-era year beside a Western one is a gloss of it.
  if (left.calendar !== right.calendar && GLOSS_SEPARATOR.test(separator.trim())) {
    const western = gloss(left, right);
    const span = western && finish(western);
    return span && { ...EMPTY, start: span.start, end: span.end, from: span.from, to: span.to };
  }

  // An era written once covers both ends when the other has none: `100–44 BC`, `前475年—221年` stays CE.
  if (left.era === null && right.era === 'bc') left.era = 'bc';
  const eraMarked = left.era !== null || right.era !== null;
  complete(left, right);
  complete(right, left);
  // Short years count when the range carries an era (`44–30 BC`, `586 BC – 70 AD`), or
  // when both ends are years in 年 and one has three digits or more (`25年—220年`, the
  // Eastern Han): `25年—30年` may be a length of time.
  const yearsInNian = /年/u.test(leftText) && /年/u.test(rightText) && !(left.short && right.short);
  if ((left.short || right.short) && !eraMarked && !yearsInNian) return null;
  if (left.bare || right.bare) return null;
  const start = finish(left);
  const end = finish(right);
  if (!start || !end) return null;
  if (startTime(start.start) >= endTime(end.end) || start.from > end.to) return { ...EMPTY, reversed: true };
  return { ...EMPTY, start: start.start, end: end.end, from: start.from, to: end.to };
}

/**
 * A Western date with its calendar-era gloss, either way round, in
 * parentheses (`1868年（明治元年）`, `1989 (Heisei 1)`, `令和元年（2019年）`)
 * or after a dash or slash (`2019年 - 令和元年`, `2019 / Reiwa 1`): the
 * Western side, when the gloss names the same year (and month and day,
 * where both give them); otherwise null, no date at all and never a range
 * between the two.
 */
function gloss(a: Side, b: Side): Side | null {
  if (a.calendar === b.calendar) return null;
  const [western, era] = a.calendar ? [b, a] : [a, b];
  if (western.short || western.bare || western.year === null) return null;
  if (!['year', 'month', 'day'].includes(western.precision)) return null;
  const point = toPoint(western);
  const other = toPoint(era);
  if (!point || !other) return null;
  const agrees =
    point.year === other.year &&
    (point.month === null || other.month === null || point.month === other.month) &&
    (point.day === null || other.day === null || point.day === other.day);
  return agrees ? western : null;
}

/** `1868年 (明治元年)`, `明治元年（2019年）`: one side and its gloss in parentheses (see gloss). */
function parenthesisedGloss(text: string): Side | null {
  const open = text.indexOf('(');
  // One pair of parentheses, closing the text, after something: nothing nests, so this recurses once.
  if (open <= 0 || text.indexOf(')') !== text.length - 1 || text.lastIndexOf('(') !== open) return null;
  const outer = readSide(text.slice(0, open), false);
  const inner = readSide(text.slice(open + 1, -1), false);
  return outer && inner && gloss(outer, inner);
}

/** Fills what a fragment lacks from the other side: `10 August – 12 September 2013`, `8月11日至22日`. */
function complete(s: Side, other: Side): void {
  if (s.bare && s.year !== null) {
    const n = s.year;
    // `3rd–6th century`, `3—6世纪`: the unit of the other side.
    if (other.precision === 'century' || other.precision === 'millennium') {
      Object.assign(s, { precision: other.precision, bare: false, short: false, era: s.era ?? other.era });
    } else if (s.part) {
      // `late 19th – 1920`: a part of a century needs a century on the other side.
      return;
    } else if (other.precision === 'day' && other.month !== null && n >= 1 && n <= 31) {
      // `10 – 22 August 2012`, `2019年4月12-19日`: a day of the other side's month.
      Object.assign(s, {
        year: other.year,
        month: other.month,
        day: n,
        precision: 'day',
        bare: false,
        short: false,
        era: other.era,
      });
    } else if (other.precision === 'year' && other.era !== null && !s.approximate) {
      // `44–30 BC`: a short year, given its era by the other side.
      Object.assign(s, { bare: false, short: true, era: s.era ?? other.era });
    }
    return;
  }
  if (s.year === null && other.year !== null) {
    s.year = other.year;
    s.era ??= other.era;
    if (s.month === null) s.month = other.month;
  }
}

function finish(s: Side): Span | null {
  if (s.year === null || s.bare) return null;
  return spanOfSide(s);
}

/* ------------------------------------------------------------------ */
/* Dates relative to a one-year heading                                */
/* ------------------------------------------------------------------ */

/** A month and day, or a month, with no year: `12.04`, `12/04`, `Dec 4`, `4 December`, `2月3日`, `08`, `12月`. */
const RELATIVE_FORMS: Array<{ re: RegExp; read: (m: RegExpExecArray) => Side | null }> = [
  { re: /^(\d{1,2})[./-](\d{1,2})$/u, read: (m) => fragment(Number(m[1]), Number(m[2])) },
  // A month alone in digits must be written with two (`08`, `12`), so that `3` stays a number.
  { re: /^(0[1-9]|1[0-2])$/u, read: (m) => fragment(Number(m[1]), null) },
  { re: new RegExp(`^${MONTH}$`, 'iu'), read: (m) => fragment(MONTHS[m[1]!.toLowerCase()]!, null) },
  ...MONTH_DAY_FORMS,
];

/**
 * Reads a month and day, or a month, in the given (astronomical) year:
 * under a heading whose period is that one year, `12.04` is 4 December.
 * Elsewhere such a fragment is no date.
 */
export function readRelativeDate(text: string, year: number): DateReading | null {
  const t = normalise(text);
  if (!t || t.length > 24) return null;
  // A season alone (`春`, `Summer`) under a one-year heading is that season of the year.
  const season = /^(?:the )?(spring|summer|autumn|fall|winter|春|夏|秋|冬)(?:季|天)?$/iu.exec(t);
  if (season) {
    const word = season[1]!;
    const cjk = /[春夏秋冬]/u.test(word);
    const written =
      year >= 1
        ? cjk
          ? `${year}年${word}`
          : `${word} ${year}`
        : cjk
          ? `前${1 - year}年${word}`
          : `${word} ${1 - year} BC`;
    return readDate(written);
  }
  let approximate = false;
  let body = t;
  const before = APPROX_PREFIX.exec(body);
  if (before && before[0].length < body.length) {
    body = body.slice(before[0].length).trim();
    approximate = true;
  }
  for (const form of RELATIVE_FORMS) {
    const m = form.re.exec(body);
    if (!m) continue;
    const s = form.read(m);
    if (!s || s.month === null) return null;
    // The year is astronomical already: no era to apply.
    const point = toPoint({ ...s, year, approximate, era: null });
    if (!point) return null;
    return { ...EMPTY, start: point, end: point, from: year, to: year };
  }
  return null;
}
