import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { devError, devRecords } from '../loaders/dev-state.ts';
import type { UiStrings } from '../i18n/ui.ts';
import { posterInput } from '../poster/input.ts';
import type { PosterInput } from '../poster/layout.ts';

export type EraEntry = CollectionEntry<'timelineEras'>;
export type TimelineEntry = CollectionEntry<'timelineEntries'>;
export type NoteEntry = CollectionEntry<'timelineNote'>;

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
  const [noteEntry, eras, entries] =
    devStore() ??
    (await Promise.all([
      getEntry('timelineNote', 'note'),
      getCollection('timelineEras'),
      getCollection('timelineEntries'),
    ]));
  if (!noteEntry)
    throw new Error(
      "obsidian-timeline: the timeline's collections are missing. Add to src/content.config.ts: import { timelineCollections } from 'obsidian-timeline/loader'; export const collections = { ...timelineCollections() };",
    );
  eras.sort((a, b) => a.data.ordinal - b.data.ordinal);
  entries.sort((a, b) => a.data.order - b.data.order);
  const entryById = new Map(entries.map((e) => [e.id, e]));
  const entriesByEra = new Map<string, TimelineEntry[]>(eras.map((era) => [era.id, []]));
  for (const entry of entries) entriesByEra.get(entry.data.era.id)?.push(entry);
  return { note: noteEntry.data, eras, entries, entryById, entriesByEra };
}

/**
 * In dev, what the loader last stored (see loaders/dev-state.ts): never a
 * data-store module that Vite failed to reload. Undefined in builds, and in
 * dev until the loader has stored all three collections in this process.
 */
function devStore(): [NoteEntry | undefined, EraEntry[], TimelineEntry[]] | undefined {
  if (!import.meta.env.DEV) return undefined;
  const [note, eras, entries] = [devRecords('note'), devRecords('eras'), devRecords('entries')];
  if (!note || !eras || !entries) return undefined;
  // Fresh arrays: the pages sort them.
  return [note[0] as NoteEntry | undefined, [...eras] as EraEntry[], [...entries] as TimelineEntry[]];
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
