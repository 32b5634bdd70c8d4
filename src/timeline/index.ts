/**
 * The note parser: one Obsidian-flavoured Markdown note becomes a timeline.
 * Plain TypeScript with no Astro import, so it can be tested and benchmarked alone.
 */
export { parseNote, type ParseOptions } from './parse.ts';
export type { LinkOptions } from './links.ts';
export { readNote } from './read.ts';
export { TimelineError, formatDiagnostic } from './errors.ts';
export { parsePeriod, splitHeadingPeriod, splitTitleYear } from './period.ts';
export { detectLanguage } from './lang.ts';
export { safeUrl } from './url.ts';
export type * from './types.ts';
