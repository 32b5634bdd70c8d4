import { endTime, MAX_DATE_LENGTH, readDate, readRelativeDate, startTime } from './dates.ts';
import type { Period } from './types.ts';

/** Reads a period that makes up the whole of `text`, e.g. `2025 - 未来`, `490 BC`, `1911年10月10日`. */
export function parsePeriod(text: string): Period | null {
  return readPeriod(text)?.period ?? null;
}

/** A period read from text; `reversed` when its end comes before its start. */
export interface PeriodReading {
  /** The period; a reversed one is kept with its label but no dates. */
  period: Period;
  /** The end comes before the start (`1990–1980`): the caller warns. */
  reversed: boolean;
}

/**
 * Like {@link parsePeriod}, and says whether the range was written
 * backwards. With `year` (the one year of the heading above), a month and
 * day or a month alone (`12.04`, `Dec 4`, `2月3日`) is read in that year.
 */
export function readPeriod(text: string, year: number | null = null): PeriodReading | null {
  const trimmed = text.trim();
  const reading = readDate(trimmed) ?? (year === null ? null : readRelativeDate(trimmed, year));
  if (!reading) return null;
  const { reversed, ...dates } = reading;
  return { period: { ...dates, label: trimmed }, reversed };
}

const PARENTHESISED = /[（(]([^（()）]*)[)）]\s*$/u;

/** A word a date may open with that also ends names: a season, or early/mid/late. */
const QUALIFIER = /^(?:the\s+)?(?:spring|summer|autumn|fall|winter|early|mid|late)\b/iu;

/**
 * Splits a heading into its name and the period that ends it:
 * `序曲 2022`, `前奏 2021 及之前`, `The Jazz Age (1920–1929)`, `1980s`.
 */
export function splitHeadingPeriod(heading: string): { name: string; period: Period | null; reversed?: true } {
  const text = heading.trim();
  // Wholly a date, a calendar-era gloss included: `1951年（昭和26年）` is no name `1951年` over `昭和26年`.
  if (text.length <= MAX_DATE_LENGTH && /[（(]/u.test(text)) {
    const whole = readPeriod(text);
    if (whole) return withReversed({ name: '', period: whole.period }, whole.reversed);
  }
  const paren = PARENTHESISED.exec(text);
  if (paren) {
    const read = readPeriod(paren[1]!);
    if (read) return withReversed({ name: nameBefore(text, paren.index), period: read.period }, read.reversed);
  }
  // Try each word boundary from the left, so that the longest period wins.
  // Only the last MAX_DATE_LENGTH characters can hold one: linear in the heading.
  // A season or part word opens a period only when nothing after it reads: in
  // a heading it is most often a name (`Autumn 2024`, `Prague Spring 1968`).
  let qualified: { start: number; read: PeriodReading } | null = null;
  for (const start of boundaries(text)) {
    if (text.length - start > MAX_DATE_LENGTH) continue;
    const read = readPeriod(text.slice(start));
    if (!read) continue;
    if (QUALIFIER.test(text.slice(start))) {
      qualified ??= { start, read };
      continue;
    }
    return withReversed({ name: nameBefore(text, start), period: read.period }, read.reversed);
  }
  // A period written first: `1914–1918: The Great War`, `1950s – Bebop`, `1603 Edo`.
  const lead = leadingPeriod(text);
  if (lead) return lead;
  if (qualified)
    return withReversed(
      { name: nameBefore(text, qualified.start), period: qualified.read.period },
      qualified.read.reversed,
    );
  return { name: text, period: null };
}

/**
 * A heading that opens with its period: the longest date before a
 * separator (a colon, a dash, a bar, a space), with a name after it.
 */
function leadingPeriod(text: string): { name: string; period: Period; reversed?: true } | null {
  let best: { name: string; period: Period; reversed?: true } | null = null;
  for (const m of text.slice(0, MAX_DATE_LENGTH + 1).matchAll(/\s*[:：|｜]\s*|\s+[-–—]+\s+|\s+/gu)) {
    const date = text.slice(0, m.index);
    const name = text.slice(m.index + m[0].length).trim();
    // A bare number opens a name too often (`300 Spartans`): a year of three or four digits
    // before a colon, dash or bar, of four before a space alone.
    const year = m[0].trim() ? /^[1-9]\d{2,3}$/u : /^[12]\d{3}$/u;
    if (!name || !/\d/u.test(date) || (/^\d+$/u.test(date) && !year.test(date))) continue;
    const read = readPeriod(date);
    if (read) best = withReversed({ name, period: read.period }, read.reversed);
  }
  return best;
}

function withReversed<T extends object>(value: T, reversed: boolean): T & { reversed?: true } {
  return reversed ? { ...value, reversed: true } : value;
}

/**
 * The name before a period, without the dash or colon that set the period
 * apart: `Swing – 1935–1945` is named `Swing`, not `Swing –`.
 */
function nameBefore(text: string, end: number): string {
  // A loop, not `/[…]+$/`: that regex retries from every character of a long
  // run of spaces or dashes inside the name, in quadratic time.
  let cut = end;
  while (cut > 0 && NAME_END.test(text[cut - 1]!)) cut--;
  return text.slice(0, cut).trim();
}

/** What may stand between a name and its period. */
const NAME_END = /[\s\-–—~～:：,，|·]/u;

/** Offsets where a period may begin: the start, and after each space. */
function boundaries(text: string): number[] {
  const offsets = [0];
  for (let i = 0; i < text.length; i++) {
    if (/\s/u.test(text[i]!) && i + 1 < text.length && !/\s/u.test(text[i + 1]!)) offsets.push(i + 1);
  }
  // A period glued to a CJK name (`序曲2022`) still counts.
  // Only the last MAX_DATE_LENGTH characters are looked at: the caller skips the rest.
  const window = Math.max(0, text.length - MAX_DATE_LENGTH - 1);
  const glued =
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}](?=\d{3,4}|\d{1,2}世[纪紀]|公元|前\d|紀元|西暦|约|約)/gu;
  glued.lastIndex = window;
  for (let m = glued.exec(text); m; m = glued.exec(text)) offsets.push(m.index + m[0].length);
  return offsets.sort((a, b) => a - b);
}

/**
 * Splits the year off the end of an entry title: `LSTM（1997）` gives
 * `LSTM` and 1997. A parenthesis that holds no year stays in the title.
 */
export function splitTitleYear(
  title: string,
  year: number | null = null,
): { title: string; period: Period | null; reversed?: true } {
  const paren = PARENTHESISED.exec(title);
  if (paren) {
    const read = readPeriod(paren[1]!, year);
    if (read) return withReversed({ title: title.slice(0, paren.index).trimEnd(), period: read.period }, read.reversed);
  }
  return { title, period: null };
}

/**
 * The span a period covers on one continuous scale of years, BCE and CE
 * alike (astronomical years, months and days as fractions): from the start
 * of its first unit to the end of its last. An open or unknown end is null.
 */
export function periodBounds(period: Period | null): { lo: number | null; hi: number | null } {
  if (!period) return { lo: null, hi: null };
  const { start, end, from, to } = period;
  // `from`/`to` narrow a part of a unit (`early 20th century`); months and days are finer than years.
  const lo = start ? (from !== null && from !== start.year ? from : startTime(start)) : null;
  const fine = end?.precision === 'day' || end?.precision === 'month';
  const hi = end ? (to !== null && !fine ? to + 1 : endTime(end)) : null;
  return { lo, hi };
}

/** The one year a period names (`### 1995`, `## 2024`, `### 2019年10月`), for dates written relative to it; else null. */
export function singleYear(period: Period | null): number | null {
  if (!period?.start || !period.end || period.from === null || period.from !== period.to) return null;
  // A month of one year (`### 10月` under `## 2019`) gives its year too: `10.15` below is 2019-10-15.
  const coarse = (p: string) => p === 'year' || p === 'month';
  return coarse(period.start.precision) && coarse(period.end.precision) ? period.from : null;
}
