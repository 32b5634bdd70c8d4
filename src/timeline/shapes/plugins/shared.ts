/**
 * Helpers the plugin readers share: lines, calendar dates written out for
 * a date grammar, the look of a free-text date, HTML entities. Everything
 * here is linear in its input and never throws.
 */
import type { PluginBlock } from './types.ts';

/** Between the ends of a range. */
export const DASH = ' – ';

/** A new, empty reading of a block. */
export function emptyBlock(plugin: string): PluginBlock {
  return { plugin, events: [], kept: [], hidden: [], problems: [] };
}

/** The lines of a code block's value (`\n`, `\r\n` or `\r` line ends). */
export function splitLines(value: string): string[] {
  return value.split(/\r\n|\r|\n/u);
}

/** Where a line's text starts (1-based), after its indentation. */
export function indentColumn(line: string): number {
  return line.length - line.trimStart().length + 1;
}

/** A calendar date as a plugin gives it: a historical year (1 BC is year 1, BC), with month and day when known. */
export interface CalendarDate {
  year: number;
  bc: boolean;
  month: number | null;
  day: number | null;
}

const MONTH_NAMES = [
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

/** The proleptic Gregorian year on a continuous scale: 1 BC is 0, 2 BC is -1. */
function astronomical(date: CalendarDate): number {
  return date.bc ? 1 - date.year : date.year;
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(date: CalendarDate, month: number): number {
  const y = astronomical(date);
  if (month === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether a month (and day) exist: null when they do, else what is wrong. */
export function calendarProblem(date: CalendarDate): string | null {
  if (date.month !== null && (date.month < 1 || date.month > 12)) return `month ${date.month} is not a calendar month`;
  if (date.month !== null && date.day !== null && (date.day < 1 || date.day > daysInMonth(date, date.month)))
    return `day ${date.day} is not a day of ${MONTH_NAMES[date.month - 1]}`;
  return null;
}

/**
 * A date as a date grammar reads it: `1969-07-20`, `1969-07`, `1969`;
 * `0144-03-05` and `AD 144` for short years; `490 BC`, `March 44 BC`,
 * `15 March 44 BC` before Christ.
 */
export function formatCalendarDate(date: CalendarDate): string {
  const { year, month, day } = date;
  if (date.bc) {
    const prefix =
      month === null ? '' : day === null ? `${MONTH_NAMES[month - 1]} ` : `${day} ${MONTH_NAMES[month - 1]} `;
    return `${prefix}${year} BC`;
  }
  if (month === null) return year < 1000 ? `AD ${year}` : String(year);
  if (year < 100) {
    return day === null ? `${MONTH_NAMES[month - 1]} ${year} AD` : `${day} ${MONTH_NAMES[month - 1]} ${year} AD`;
  }
  const ym = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  return day === null ? ym : `${ym}-${String(day).padStart(2, '0')}`;
}

/** Orders two dates by their first day: negative when `a` starts first. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return astronomical(a) - astronomical(b) || (a.month ?? 1) - (b.month ?? 1) || (a.day ?? 1) - (b.day ?? 1);
}

/** A range written out, or one date when both ends read the same. */
export function formatRange(start: CalendarDate, end: CalendarDate | 'present'): string {
  const from = formatCalendarDate(start);
  if (end === 'present') return `${from}${DASH}present`;
  const to = formatCalendarDate(end);
  return from === to ? from : `${from}${DASH}${to}`;
}

/**
 * Whether free text starts like a date: a digit (Western, full-width or
 * Chinese), an approximation or era word before one, or a month name
 * followed by a number. `Apollo 11` does not; `1969`, `c. 1450`,
 * `July 1969`, `公元前221年`, `十九世纪` do.
 */
export function looksLikeDate(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 80) return false;
  if (
    /^(?:c\.|ca\.|circa|approx\.?|about|around|the|early|mid|late|~|≈|公元前?|西元前?|紀元前|纪元前|前|約|约|AD|BC|BCE|CE)?\s*[-−]?[0-9０-９〇零一二三四五六七八九十]/iu.test(
      t,
    )
  )
    return true;
  return /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?:\d|the\s)/iu.test(t);
}

/** Whether text holds a digit at all (Western, full-width or Chinese). */
export function hasDigit(text: string): boolean {
  return /[0-9０-９〇零一二三四五六七八九十]/u.test(text);
}

/**
 * A free-text date as a date grammar can read it: `<br>` as a space,
 * Markdown emphasis and a time of day (`16:30`) dropped, spaces collapsed.
 * `16:30<br> 29th June 2000` reads `29th June 2000`. Null when nothing is left.
 */
export function cleanFreeDate(text: string): string | null {
  let t = text
    .replace(/<br\s*\/?>/giu, ' ')
    .replace(/\*\*|__|(?<![\p{L}\p{N}])[*_]|[*_](?![\p{L}\p{N}])/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  t = t.replace(/(?:^|\s)\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?(?=\s|,|$),?/giu, ' ').trim();
  return t || null;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
};

/** HTML character references decoded (named ones common in notes, and all numeric ones). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/gu, (whole, dec, hex, name) => {
    if (name !== undefined) return NAMED_ENTITIES[(name as string).toLowerCase()] ?? whole;
    const code = dec !== undefined ? Number.parseInt(dec as string, 10) : Number.parseInt(hex as string, 16);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  });
}

/** Text lines joined as Markdown: trailing spaces and the blank lines around them dropped. */
export function joinText(lines: string[]): string {
  const trimmed = lines.map((l) => l.trimEnd());
  let start = 0;
  let end = trimmed.length;
  while (start < end && !trimmed[start]) start++;
  while (end > start && !trimmed[end - 1]) end--;
  const kept = trimmed.slice(start, end);
  if (kept.length) kept[0] = kept[0]!.trimStart();
  return kept.join('\n');
}
