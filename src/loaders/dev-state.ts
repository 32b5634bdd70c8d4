/**
 * What `astro dev` pages read straight from the loader. The loader and the
 * pages are separate module instances: they meet on globals, as in
 * src/integrations/media.ts.
 *
 * - The note's error: when a save breaks the note, the loader keeps the last
 *   good timeline in the store and records the error here; pages
 *   (src/utils/timeline.ts) throw it in dev, so Astro's error overlay shows
 *   it with its line and hint. The next good save clears it.
 * - The records the loader last stored, per collection. Astro hands them to
 *   pages through a data-store file that Vite reloads when its file watcher
 *   sees the file change; on a busy machine that event can be missed, and
 *   pages then keep the previous note until the next save (seen once in
 *   tests/e2e/dev.spec.ts: the page kept an older title for a minute after
 *   "reloaded"). Pages in dev read these instead; builds read the store.
 */
const ERROR = Symbol.for('obsidian-timeline.dev-error');
const RECORDS = Symbol.for('obsidian-timeline.dev-records');

/** One stored record, as `getCollection` gives it to pages. */
export interface DevRecord {
  id: string;
  collection: string;
  data: Record<string, unknown>;
}

type Holder = Record<symbol, unknown>;
const holder = globalThis as unknown as Holder;

export function setDevError(error: unknown): void {
  holder[ERROR] = error ?? undefined;
}

export function devError(): unknown {
  return holder[ERROR];
}

/** Records what the loader just stored for a collection (dev only). */
export function setDevRecords(collection: string, records: DevRecord[]): void {
  const all = (holder[RECORDS] ??= new Map()) as Map<string, DevRecord[]>;
  all.set(collection, records);
}

/** What the loader last stored for a collection, or undefined before its first load in this process. */
export function devRecords(collection: string): DevRecord[] | undefined {
  return (holder[RECORDS] as Map<string, DevRecord[]> | undefined)?.get(collection);
}
