/**
 * The reader for a timeline file, loading only what its format needs. The
 * loader uses it so that a Markdown note's build never imports
 * @markwhen/parser (about 50 ms of module loading), and a Markwhen file's
 * loads it only then. `parseTimeline` (formats.ts) is the same choice made
 * synchronously, with both readers loaded.
 */
import type { ParseOptions } from './parse.ts';
import type { Timeline } from './types.ts';

/** A reader of one format: Markdown notes, or Markwhen files. */
export type TimelineReader = (source: string, options: ParseOptions) => Timeline;

/** The reader for `file`, by its extension (`.mw` is Markwhen). */
export async function readerFor(file: string): Promise<TimelineReader> {
  if (/\.mw$/iu.test(file)) return (await import('./markwhen.ts')).parseMarkwhen;
  return (await import('./parse.ts')).parseNote;
}
