import type { PeriodData } from '../schemas/timeline.ts';
import type { UiStrings } from '../i18n/ui.ts';

/** A compact period for tight places (the axis, the overview): `1997–2014`, `2025–`, `…–2021`. */
export function shortPeriod(period: PeriodData | null, t: UiStrings): string {
  if (!period) return '';
  const from = period.from === null ? (period.fromOpen ? '…' : '?') : String(period.from);
  if (period.to === null) return `${from}–${period.toOpen === 'unknown' ? t.unknownEnd : ''}`;
  if (period.from === period.to) return from;
  return `${from}–${period.to}`;
}

/** The first year a period covers, if it has one. */
export function firstYear(period: PeriodData | null): number | null {
  return period?.from ?? period?.to ?? null;
}

/** A machine-readable `datetime` for a period (`<time>`), when it has a single meaning. */
export function periodDatetime(period: PeriodData | null): string | undefined {
  if (!period) return undefined;
  if (period.from !== null && period.from === period.to) return String(period.from).padStart(4, '0');
  return undefined;
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
