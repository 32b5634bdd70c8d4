/**
 * The timeline model: what one note becomes. Plain data (JSON-serialisable),
 * so that the Content Layer can store it and tests can compare it. The
 * types are inferred from the schemas in `src/schemas/timeline.ts`, where
 * each field is documented once.
 */
import type { z } from 'zod/v4';
import type {
  blockSchema,
  datePointSchema,
  diagnosticSchema,
  entrySchema,
  eraSchema,
  noteItemSchema,
  noteMetaSchema,
  periodSchema,
  positionSchema,
  precisionSchema,
  richSchema,
  subPeriodSchema,
  timelineSchema,
} from '../schemas/timeline.ts';

/** How finely a point is known. */
export type Precision = z.infer<typeof precisionSchema>;
/** A point in time as a note writes it. */
export type DatePoint = z.infer<typeof datePointSchema>;
/** A date or span read from a heading or an entry title. */
export type Period = z.infer<typeof periodSchema>;
/** Markdown rendered to sanitized HTML, with its plain text. */
export type Rich = z.infer<typeof richSchema>;
/** Where something stands in the note (1-based). */
export type Position = z.infer<typeof positionSchema>;
/** A dated line of the timeline. */
export type Entry = z.infer<typeof entrySchema>;
/** A line that is not an entry, kept as commentary. */
export type Note = z.infer<typeof noteItemSchema>;
/** Any other block, kept as it is. */
export type Block = z.infer<typeof blockSchema>;
/** A `###` heading inside an era. */
export type SubPeriod = z.infer<typeof subPeriodSchema>;
export type EraItem = Entry | Note | Block | SubPeriod;
/** A `##` heading and everything under it: one chapter. */
export type Era = z.infer<typeof eraSchema>;
/** The note's metadata. */
export type NoteMeta = z.infer<typeof noteMetaSchema>;
/** A problem found in the note that the build can recover from. */
export type Diagnostic = z.infer<typeof diagnosticSchema>;
/** One parsed note. */
export type Timeline = z.infer<typeof timelineSchema>;
