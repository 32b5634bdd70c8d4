/** Period and date labels in the note's language, for the axis, the overview and `<time datetime>`. */
import type { PeriodData } from '../schemas/timeline.ts';
import type { UiStrings } from '../i18n/ui.ts';
import { formatPoint, pointDatetime } from '../timeline/date-format.ts';
import { estimateWidth } from '../poster/measure.ts';

/**
 * A compact period for tight places (the axis, the overview), in the note's
 * language: `1997–2014`, `2025–`, `…–2021`, `490 BC–AD 14`, `公元前475年–公元前221年`,
 * `Jul 1914–Nov 1918`. An undated period (a reversed range) shows as written.
 */
export function shortPeriod(period: PeriodData | null, lang: string, t: UiStrings): string {
  if (!period) return '';
  if (!period.start && !period.end && !period.fromOpen && !period.toOpen) return period.label;
  const from = period.start ? formatPoint(period.start, lang) : period.fromOpen ? '…' : '?';
  if (!period.end) return `${from}–${period.toOpen === 'unknown' ? t.unknownEnd : ''}`;
  const to = formatPoint(period.end, lang);
  return from === to ? from : `${from}–${to}`;
}

/** A machine-readable `datetime` for a period (`<time>`), when it is one exact point; none for BCE. */
export function periodDatetime(period: PeriodData | null): string | undefined {
  return period ? pointDatetime(period.start, period.end) : undefined;
}

/**
 * A frontmatter date as the reader's language writes it. The calendar day is
 * taken as written, so a build machine in another time zone cannot shift it.
 */
export function formatNoteDate(value: string, lang: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/u.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** Widths of a dates-first column, in rem: each is a class `date-column-N` in global.css (the CSP allows no inline style). */
const DATE_COLUMNS = [4, 6, 8, 10, 12, 14];

/**
 * The width of the column that the dates of a list stand in, before their
 * titles: the narrowest that holds the longest (at the dates' 0.85em of a
 * 1.05rem title), or null when there is no date to show.
 */
export function dateColumnFor(labels: readonly string[]): number | null {
  const widest = Math.max(0, ...labels.map((label) => estimateWidth(label, 0.85 * 1.05)));
  if (widest === 0) return null;
  return DATE_COLUMNS.find((w) => w >= widest + 0.75) ?? DATE_COLUMNS[DATE_COLUMNS.length - 1]!;
}
