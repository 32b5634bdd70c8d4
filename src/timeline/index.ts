/**
 * The note parser: one Obsidian-flavoured Markdown note becomes a timeline.
 * Plain TypeScript with no Astro import, so it can be tested and benchmarked alone.
 */
export { parseNote, type ParseOptions } from './parse.ts';
export { isMarkwhen, parseMarkwhen } from './markwhen.ts';
export { parseTimeline } from './formats.ts';
export type { LinkOptions } from './links.ts';
export { readNote } from './read.ts';
export { TimelineError, formatDiagnostic } from './errors.ts';
export { parsePeriod, readPeriod, splitHeadingPeriod, splitTitleYear } from './period.ts';
export { readDate, lastYear, startTime, endTime, MAX_DATE_LENGTH } from './dates.ts';
export { formatPoint, formatYear, historicalYear, pointDatetime } from './date-format.ts';
export { detectLanguage } from './lang.ts';
export { safeUrl } from './url.ts';
export type * from './types.ts';
