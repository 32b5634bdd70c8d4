/** Period and date labels in the note's language, for the axis, the overview and `<time datetime>`. */
import type { PeriodData } from '../schemas/timeline.ts';
import type { UiStrings } from '../i18n/ui.ts';
import { formatPoint, pointDatetime } from '../timeline/date-format.ts';

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
