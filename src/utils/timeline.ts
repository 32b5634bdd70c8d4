import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { periodTime, type AxisEra } from './axis.ts';
import { devError } from '../loaders/dev-error.ts';
import type { UiStrings } from '../i18n/ui.ts';
import { posterInput } from '../poster/input.ts';
import type { PosterInput } from '../poster/layout.ts';

export type EraEntry = CollectionEntry<'eras'>;
export type TimelineEntry = CollectionEntry<'entries'>;
export type NoteEntry = CollectionEntry<'note'>;

/** Everything a page needs, indexed once. */
export interface SiteTimeline {
  note: NoteEntry['data'];
  /** Eras in the note's order. */
  eras: EraEntry[];
  /** Entries in the note's order. */
  entries: TimelineEntry[];
  /** Entries by id. */
  entryById: Map<string, TimelineEntry>;
  /** Entries of each era, by era id, in the note's order. */
  entriesByEra: Map<string, TimelineEntry[]>;
}

let cached: Promise<SiteTimeline> | undefined;

/**
 * Loads the collections and indexes them in one linear pass. The build
 * renders every page in one process, so this runs once per build; in dev the
 * note can change under us, so it runs per request.
 */
export function loadTimeline(): Promise<SiteTimeline> {
  if (import.meta.env.DEV) {
    // The last save broke the note: show its error (Astro's overlay), not stale pages.
    const error = devError();
    if (error) return Promise.reject(error);
    return build();
  }
  cached ??= build();
  return cached;
}

async function build(): Promise<SiteTimeline> {
  const [noteEntry, eras, entries] = await Promise.all([
    getEntry('note', 'note'),
    getCollection('eras'),
    getCollection('entries'),
  ]);
  if (!noteEntry) throw new Error('The note collection is empty: the timeline loader did not run.');
  eras.sort((a, b) => a.data.ordinal - b.data.ordinal);
  entries.sort((a, b) => a.data.order - b.data.order);
  const entryById = new Map(entries.map((e) => [e.id, e]));
  const entriesByEra = new Map<string, TimelineEntry[]>(eras.map((era) => [era.id, []]));
  for (const entry of entries) entriesByEra.get(entry.data.era.id)?.push(entry);
  return { note: noteEntry.data, eras, entries, entryById, entriesByEra };
}

/** The axis's view of the timeline: each era with its entries' own years. */
export function axisEras(timeline: SiteTimeline): AxisEra[] {
  // Every era page draws the axis: compute it once per build, not once per page.
  let eras = axisCache.get(timeline);
  if (!eras) axisCache.set(timeline, (eras = computeAxisEras(timeline)));
  return eras;
}

const axisCache = new WeakMap<SiteTimeline, AxisEra[]>();

function computeAxisEras(timeline: SiteTimeline): AxisEra[] {
  return timeline.eras.map((era) => ({
    slug: era.id,
    ordinal: era.data.ordinal,
    name: era.data.name || era.data.heading,
    period: era.data.period,
    entryYears: (timeline.entriesByEra.get(era.id) ?? []).map(({ data }) =>
      data.dateSource === 'title' || data.dateSource === 'subperiod' ? periodTime(data.date) : null,
    ),
  }));
}

/**
 * The chapters around one, for the small axis on an era page: a page must
 * not carry a copy of the whole timeline, however many chapters it has.
 */
export function axisWindow(eras: AxisEra[], current: string, size = 9): AxisEra[] {
  if (eras.length <= size) return eras;
  const at = eras.findIndex((era) => era.slug === current);
  const start = Math.min(Math.max(0, at - Math.floor(size / 2)), eras.length - size);
  return eras.slice(start, start + size);
}

/** A page description from rich text: the first sentence-sized run of plain text. */
export function describe(text: string | undefined, fallback: string): string {
  const clean = (text ?? '').replace(/\s+/gu, ' ').trim();
  if (!clean) return fallback;
  return clean.length > 150 ? `${clean.slice(0, 149)}…` : clean;
}

/** The poster's view of the timeline (see `poster/input.ts`). */
export function posterInputOf(timeline: SiteTimeline, t: UiStrings): PosterInput {
  return posterInput(
    timeline.eras.map((era) => ({ id: era.id, ...era.data })),
    timeline.entries.map(({ id, data }) => ({ id, ...data, era: data.era.id })),
    timeline.note.lang,
    t,
  );
}
