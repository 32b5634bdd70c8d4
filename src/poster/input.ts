/**
 * What the poster is drawn from: the eras and entries, as the collections
 * (or the parser) hold them, turned into the strings and dates that
 * {@link layoutPoster} places.
 */
import type { UiStrings } from '../i18n/ui.ts';
import type { PeriodData } from '../schemas/timeline.ts';
import { tickFormatter } from '../axis/format.ts';
import type { Entry, Timeline } from '../timeline/index.ts';
import { shortPeriod } from '../utils/period-labels.ts';
import { posterTitle, type PosterInput } from './layout.ts';

/** An era as the `eras` collection holds it. */
export interface PosterSourceEra {
  id: string;
  name: string;
  heading: string;
  period: PeriodData | null;
  /** Its content in order: sub-period headings and entry ids are what the poster reads. */
  items: ReadonlyArray<{ kind: string; id?: string }>;
}

/** An entry as the `entries` collection holds it. */
export interface PosterSourceEntry {
  id: string;
  /** Its era's id. */
  era: string;
  title: string;
  yearLabel: string | null;
  dateSource: 'title' | 'heading' | 'subperiod' | 'era' | 'none';
  date: PeriodData | null;
}

/**
 * The poster's input: each era labelled with its period and entry count,
 * each entry with its title (cut when very long), its date as written (or
 * its sub-period's or era's, shortened) and its sub-period.
 */
export function posterInput(
  eras: readonly PosterSourceEra[],
  entries: readonly PosterSourceEntry[],
  lang: string,
  t: UiStrings,
): PosterInput {
  const eraIndex = new Map(eras.map((era, i) => [era.id, i]));
  const subperiodOf = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const era of eras) {
    let current: string | null = null;
    for (const item of era.items) {
      if (item.kind === 'subperiod') current = item.id ?? null;
      else if (item.kind === 'entry' && item.id && current) subperiodOf.set(item.id, current);
    }
  }
  for (const entry of entries) counts.set(entry.era, (counts.get(entry.era) ?? 0) + 1);
  return {
    eras: eras.map((era) => ({
      id: era.id,
      label: [era.name || era.heading, shortPeriod(era.period, lang, t), `· ${t.entryCount(counts.get(era.id) ?? 0)}`]
        .filter(Boolean)
        .join(' '),
      namePeriod: [era.name || era.heading, shortPeriod(era.period, lang, t)].filter(Boolean).join(' '),
      name: era.name || era.heading,
      period: era.period,
    })),
    entries: entries.map((entry) => {
      const own = entry.dateSource === 'title' || entry.dateSource === 'heading';
      const dateLabel = own && entry.yearLabel ? entry.yearLabel : shortPeriod(entry.date, lang, t);
      return {
        id: entry.id,
        era: eraIndex.get(entry.era) ?? 0,
        subperiod: subperiodOf.get(entry.id) ?? null,
        title: posterTitle(entry.title, dateLabel),
        fullTitle: entry.title,
        dateLabel,
        period: entry.date,
        ownDate: own,
      };
    }),
    formatTick: tickFormatter(lang),
  };
}

/** The poster's input straight from the parser's timeline (for tests and the bench, which have no collections). */
export function posterInputOfNote(note: Timeline, t: UiStrings): PosterInput {
  const entries = note.eras.flatMap((era) =>
    era.items.filter((item): item is Entry => item.kind === 'entry').map((entry) => ({ ...entry, era: era.slug })),
  );
  return posterInput(
    note.eras.map((era) => ({ ...era, id: era.slug })),
    entries,
    note.meta.lang,
    t,
  );
}
