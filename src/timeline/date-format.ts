/**
 * Dates as the site shows them where the author's own words do not fit (the
 * axis, the overview's compact periods) or are not what a machine reads
 * (`<time datetime>`, TimelineJS). Each label reads back through the grammar
 * of `dates.ts` to the same point.
 */
import { lastYear, type DatePoint } from './dates.ts';

/** The three languages whose calendar words the site writes; any other language gets English ones. */
type DateLanguage = 'en' | 'zh' | 'ja';

function dateLanguage(lang: string): DateLanguage {
  const l = lang.toLowerCase();
  return l.startsWith('zh') ? 'zh' : l.startsWith('ja') ? 'ja' : 'en';
}

const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 1 BC is 0 inside; historians count 1 BC, AD 1 with no year 0. */
export function historicalYear(year: number): number {
  return year <= 0 ? year - 1 : year;
}

/** How long a CE year needs its era to be read as a year: below 1000 (`AD 80`, `公元80年`). */
const SHORT_YEAR = 1000;

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** A year alone: `490 BC`, `AD 80`, `1997`; `公元前490年`, `公元80年`, `1997`; `紀元前490年`, `西暦80年`, `1997`. */
export function formatYear(year: number, lang: string): string {
  const l = dateLanguage(lang);
  if (l === 'zh' && isTraditional(lang)) return traditionalWords(formatYear(year, 'zh'));
  const bc = year <= 0;
  const n = bc ? 1 - year : year;
  if (l === 'en') return bc ? `${n} BC` : n < SHORT_YEAR ? `AD ${n}` : String(n);
  if (l === 'zh') return bc ? `公元前${n}年` : n < SHORT_YEAR ? `公元${n}年` : String(n);
  return bc ? `紀元前${n}年` : n < SHORT_YEAR ? `西暦${n}年` : String(n);
}

/** A point at its precision, in the note's language: `20 Jul 1969`, `1969年7月20日`, `15th century`, `c. 1450`. */
export function formatPoint(point: DatePoint, lang: string): string {
  const l = dateLanguage(lang);
  const exact = formatExact(point, l);
  const text = !point.approximate ? exact : l === 'en' ? `c. ${exact}` : l === 'zh' ? `约${exact}` : `約${exact}`;
  return l === 'zh' && isTraditional(lang) ? traditionalWords(text) : text;
}

/** Traditional Chinese writes 西元, 世紀, 約. */
function traditionalWords(text: string): string {
  return text.replace(/公元/gu, '西元').replace(/世纪/gu, '世紀').replace(/千纪/gu, '千紀').replace(/约/gu, '約');
}

const isTraditional = (lang: string): boolean => /^zh-(hant|tw|hk|mo)\b/iu.test(lang);

function formatExact(point: DatePoint, l: DateLanguage): string {
  const { year, month, day, precision } = point;
  const bc = year <= 0;
  const n = bc ? 1 - year : year;
  switch (precision) {
    case 'millennium':
    case 'century': {
      const size = precision === 'century' ? 100 : 1000;
      const count = bc ? Math.round((1 - year) / size) : year < size ? 1 : Math.floor(year / size) + 1;
      if (l === 'en') return `${ordinal(count)} ${precision}${bc ? ' BC' : ''}`;
      const unit = precision === 'century' ? (l === 'zh' ? '世纪' : '世紀') : l === 'zh' ? '千纪' : '千年紀';
      return `${bc ? (l === 'zh' ? '公元前' : '紀元前') : ''}${count}${unit}`;
    }
    case 'decade': {
      // A decade BC is named by its last year's tens: 499–490 BC is the 490s BC.
      const tens = bc ? 1 - lastYear(point) : n;
      if (l === 'en') return bc ? `${tens}s BC` : n < SHORT_YEAR ? `AD ${tens}s` : `${tens}s`;
      const era = bc ? (l === 'zh' ? '公元前' : '紀元前') : n < SHORT_YEAR ? (l === 'zh' ? '公元' : '西暦') : '';
      return `${era}${tens}年代`;
    }
    case 'year':
      return formatYear(year, l);
    default: {
      if (l === 'en') {
        const y = bc ? `${n} BC` : n < SHORT_YEAR ? `${n} AD` : String(n);
        const m = MONTH_ABBR[month! - 1]!;
        return precision === 'day' ? `${day} ${m} ${y}` : `${m} ${y}`;
      }
      const era = bc ? (l === 'zh' ? '公元前' : '紀元前') : n < SHORT_YEAR ? (l === 'zh' ? '公元' : '西暦') : '';
      return `${era}${n}年${month}月${precision === 'day' ? `${day}日` : ''}`;
    }
  }
}

/**
 * A machine-readable `datetime` (HTML's valid date, month or year string)
 * for a period that is one exact point: `2021-06-29`, `2021-06`, `1405`.
 * Nothing for BCE years (HTML has none), spans, approximate dates, decades
 * and centuries, which `datetime` cannot state.
 */
export function pointDatetime(start: DatePoint | null, end: DatePoint | null): string | undefined {
  if (!start || !end) return undefined;
  const same =
    start.year === end.year && start.month === end.month && start.day === end.day && start.precision === end.precision;
  if (!same || start.approximate || start.year < 1 || start.year > 9999) return undefined;
  const y = String(start.year).padStart(4, '0');
  const pad = (n: number) => String(n).padStart(2, '0');
  if (start.precision === 'day') return `${y}-${pad(start.month!)}-${pad(start.day!)}`;
  if (start.precision === 'month') return `${y}-${pad(start.month!)}`;
  if (start.precision === 'year') return y;
  return undefined;
}
