/**
 * One entry point for every kind of timeline file: a Markdown note, or a
 * Markwhen file (`.mw`), told apart by the file's extension.
 */
import { isMarkwhen, parseMarkwhen } from './markwhen.ts';
import { parseNote, type ParseOptions } from './parse.ts';
import type { Timeline } from './types.ts';

/** Parses a note (`.md`) or a Markwhen file (`.mw`) into a timeline; see {@link parseNote}. */
export function parseTimeline(source: string, options: ParseOptions): Timeline {
  return isMarkwhen(options.file) ? parseMarkwhen(source, options) : parseNote(source, options);
}
