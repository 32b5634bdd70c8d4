/**
 * Tick labels in the note's language, short and of one form along the axis:
 * `500 BC`, `AD 14`, `1950`; `公元前500年`, `14年`, `1950年`; `紀元前500年`,
 * `1950年`; months as the reader's locale writes them (`Jan 2024`, `2024年1月`).
 */
import { isTraditionalChinese } from '../i18n/ui.ts';
import type { TickUnit } from './ticks.ts';

/** A formatter for the ticks of one note. */
export function tickFormatter(lang: string): (year: number, unit: TickUnit, month: number) => string {
  const months = new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' });
  const monthYears = new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const language = lang.toLowerCase().split('-')[0];
  const bcWord = language === 'zh' ? (isTraditionalChinese(lang) ? '西元前' : '公元前') : '紀元前';
  const yearLabel = (year: number): string => {
    // Astronomical years: 0 is 1 BC.
    const bc = year <= 0;
    const n = bc ? 1 - year : year;
    if (language === 'zh' || language === 'ja') return `${bc ? bcWord : ''}${n}年`;
    return bc ? `${n} BC` : n < 1000 ? `AD ${n}` : String(n);
  };
  return (year, unit, month) => {
    if (unit === 'year' || year < 1) return yearLabel(year);
    const date = new Date(Date.UTC(2000, month - 1, 1));
    date.setUTCFullYear(year);
    return (unit === 'month-year' ? monthYears : months).format(date);
  };
}
