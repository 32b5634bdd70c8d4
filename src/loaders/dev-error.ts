/**
 * The note's error while `astro dev` runs. When a save breaks the note, the
 * loader keeps the last good timeline in the store and records the error
 * here; pages (src/utils/timeline.ts) throw it in dev, so Astro's error
 * overlay shows it with its line and hint. The next good save clears it.
 * The loader and the pages are separate module instances: they meet on a
 * global, as in src/integrations/media.ts.
 */
const KEY = Symbol.for('obsidian-timeline.dev-error');

type Holder = Record<symbol, unknown>;

export function setDevError(error: unknown): void {
  (globalThis as unknown as Holder)[KEY] = error ?? undefined;
}

export function devError(): unknown {
  return (globalThis as unknown as Holder)[KEY];
}
