/**
 * The timeline as a Markwhen document (https://markwhen.com), for
 * `/timeline.mw`: a reader can open the history in Markwhen's editor or its
 * Obsidian and VS Code extensions. Eras are `#` sections, sub-periods `##`
 * sections, entries events; `@markwhen/parser` reads it back to the same
 * entries, dates and eras (tested by a round trip), and so does this
 * project's own reader of `.mw` notes.
 *
 * A pure conversion, like `timelinejs.ts`: no Astro import.
 */
import type { EntryData, EraData, NoteData, PeriodData } from '../schemas/timeline.ts';
import type { DatePoint } from '../timeline/dates.ts';

/** What the conversion reads, as `loadTimeline()` gives it (eras and entries in the note's order). */
export interface MarkwhenSource {
  note: Pick<NoteData, 'title'>;
  eras: ReadonlyArray<{ id: string; data: Pick<EraData, 'heading' | 'name' | 'ordinal' | 'items'> }>;
  entries: ReadonlyArray<{
    id: string;
    data: Pick<EntryData, 'title' | 'date' | 'description'> & { era: { id: string } };
  }>;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A point as Markwhen writes it: ISO for the common era (`1997`, `2021-06`,
 * `2021-06-29`, `80 AD` for a short year, which ISO `0080` would hide from
 * readers), `490 BC` before it (Markwhen reads BC years, not BC days).
 */
function point(p: DatePoint, year: number): string {
  if (year <= 0) return `${1 - year} BC`;
  if (p.year !== year || p.month === null) return year < 1000 ? `${year} AD` : String(year);
  if (year < 1000) return `${year} AD`;
  return p.day !== null ? `${pad(year, 4)}-${pad(p.month)}-${pad(p.day)}` : `${pad(year, 4)}-${pad(p.month)}`;
}

/**
 * An entry's date in Markwhen's syntax, or null when it has none: a point,
 * `A / B` for a range of ISO dates, `A - B` for one with an end written
 * with its era (`431 BC - 404 BC`, `527 AD - 565 AD`: the forms Markwhen
 * reads there), `A / now` for an ongoing end. An open
 * start keeps only its end; an unknown end only its start.
 */
export function markwhenDate(period: PeriodData | null): string | null {
  if (!period || (period.from === null && period.to === null)) return null;
  const { start, end, from, to } = period;
  if (!start || from === null) return end && to !== null ? point(end, to) : null;
  const first = point(start, from);
  if (period.toOpen === 'ongoing') return `${first} / now`;
  if (!end || to === null) return first;
  const last = point(end, to);
  if (first === last) return first;
  // Markwhen reads `A / B` between ISO dates and `A - B` where an end is written with its era.
  return /\b(?:AD|BC)$/u.test(first) || /\b(?:AD|BC)$/u.test(last) ? `${first} - ${last}` : `${first} / ${last}`;
}

/** Text on one line, with nothing that Markwhen would read as syntax at its start. */
function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * Converts the timeline to a Markwhen document. Each dated entry is one
 * line, `DATE: Title — description` (the description as plain text, on the
 * event's line so that it can never be read as an event of its own); an
 * entry with no date at all is kept as a comment, so nothing is left out
 * unsaid.
 */
export function toMarkwhen(source: MarkwhenSource): string {
  const out: string[] = ['---', `title: ${JSON.stringify(source.note.title)}`, '---', ''];
  const byEra = new Map<string, Array<MarkwhenSource['entries'][number]>>();
  for (const entry of source.entries) {
    const list = byEra.get(entry.data.era.id) ?? [];
    list.push(entry);
    byEra.set(entry.data.era.id, list);
  }
  for (const era of source.eras) {
    out.push(`# ${oneLine(era.data.heading) || `Chapter ${era.data.ordinal}`}`, '');
    const entries = new Map((byEra.get(era.id) ?? []).map((e) => [e.id, e]));
    for (const item of era.data.items) {
      if (item.kind === 'subperiod') {
        out.push('', `## ${oneLine(item.heading) || '…'}`, '');
        continue;
      }
      if (item.kind !== 'entry') continue;
      const entry = entries.get(item.id);
      if (!entry) continue;
      const title = oneLine(entry.data.title) || '…';
      const description = oneLine(entry.data.description.text);
      const date = markwhenDate(entry.data.date);
      const text = description ? `${title} — ${description}` : title;
      out.push(date ? `${date}: ${text}` : `// undated: ${text}`);
    }
    out.push('');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trimEnd()}\n`;
}
