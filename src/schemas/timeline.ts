import { reference } from 'astro:content';
import { z } from 'astro/zod';
import type { Entry, Era, NoteMeta, Period, Rich } from '../timeline/index.ts';

/** A point in time; see `DatePoint` in the parser. */
export const datePointSchema = z.object({
  /** Astronomical year (1 BC is 0); the first year of a decade, century or millennium. */
  year: z.number().int(),
  /** 1–12, when given. */
  month: z.number().int().min(1).max(12).nullable(),
  /** 1–31, when given. */
  day: z.number().int().min(1).max(31).nullable(),
  /** The unit the point names. */
  precision: z.enum(['day', 'month', 'year', 'decade', 'century', 'millennium']),
  /** Written as approximate (`c.`, `约`, `頃`). */
  approximate: z.boolean(),
});

/** A date or span; see `Period` in the parser. */
export const periodSchema = z.object({
  /** First astronomical year covered, or null for an open, unknown or undated start. */
  from: z.number().int().nullable(),
  /** Last astronomical year covered, or null for an open, unknown or undated end. */
  to: z.number().int().nullable(),
  /** The first point as written. */
  start: datePointSchema.nullable(),
  /** The last point as written. */
  end: datePointSchema.nullable(),
  /** The start is open (`2021 及之前`). */
  fromOpen: z.boolean(),
  /** The end is ongoing (`未来`), unknown (`？？？？`) or closed (false). */
  toOpen: z.union([z.literal('ongoing'), z.literal('unknown'), z.literal(false)]),
  /** The period as written in the note. */
  label: z.string(),
});

/** Sanitized HTML with its plain text. */
export const richSchema = z.object({
  /** Sanitized HTML, safe to set as inner HTML. */
  html: z.string(),
  /** Plain text, Markdown syntax aside. */
  text: z.string(),
});

/** Where something starts in the note (1-based). */
const positionSchema = z.object({
  /** 1-based line. */
  line: z.number().int().positive(),
  /** 1-based column. */
  column: z.number().int().positive(),
});

/** An item of an era's content, in the note's order. Entries are stored apart and referenced by id. */
export const eraItemSchema = z.discriminatedUnion('kind', [
  z.object({
    /** An entry, stored in the `entries` collection. */
    kind: z.literal('entry'),
    /** The entry's id (its anchor). */
    id: z.string(),
    /** Blank-line group within the era. */
    group: z.number().int(),
  }),
  z.object({
    /** A `###` heading: a year marker. */
    kind: z.literal('subperiod'),
    /** Anchor id. */
    id: z.string(),
    /** The heading as written. */
    heading: z.string(),
    /** The heading without its period. */
    name: z.string(),
    /** The sub-period's years. */
    period: periodSchema.nullable(),
    /** Blank-line group within the era. */
    group: z.number().int(),
    /** Where it stands in the note. */
    position: positionSchema,
  }),
  z.object({
    /** A line that is not an entry: commentary. */
    kind: z.literal('note'),
    /** The note's text. */
    content: richSchema,
    /** Blank-line group within the era. */
    group: z.number().int(),
    /** Where it stands in the note. */
    position: positionSchema,
  }),
  z.object({
    /** Any other block, kept as it is. */
    kind: z.literal('block'),
    /** The Markdown node type (`list`, `blockquote`, `code`…). */
    type: z.string(),
    /** The block rendered. */
    content: richSchema,
    /** Blank-line group within the era. */
    group: z.number().int(),
    /** Where it stands in the note. */
    position: positionSchema,
  }),
]);

/** One chapter: a `##` heading and what follows it. */
export const eraSchema = z.object({
  /** 1-based chapter number. */
  ordinal: z.number().int().positive(),
  /** The heading as written. */
  heading: z.string(),
  /** The heading without its period. */
  name: z.string(),
  /** The era's years. */
  period: periodSchema.nullable(),
  /** The wholly emphasised paragraph under the heading. */
  intro: richSchema.nullable(),
  /** The era's content in the note's order. */
  items: z.array(eraItemSchema),
  /** How many entries the era holds. */
  entryCount: z.number().int().nonnegative(),
  /** Where the heading stands in the note. */
  position: positionSchema,
});

/** One dated line of the timeline. */
export const entrySchema = z.object({
  /** The chapter the entry belongs to. */
  era: reference('eras'),
  /** 0-based position among all entries of the note. */
  order: z.number().int().nonnegative(),
  /** The title as plain text, without its year. */
  title: z.string(),
  /** The title rendered (inline Markdown kept, link unwrapped). */
  titleHtml: z.string(),
  /** The date as written in the line, e.g. `1997`, `490 BCE`, `12.04`. */
  yearLabel: z.string().nullable(),
  /** The date was written before the title. */
  dateFirst: z.boolean(),
  /** The entry's period: its own, else its sub-period's, else its era's. */
  date: periodSchema.nullable(),
  /** Where `date` came from. */
  dateSource: z.enum(['title', 'subperiod', 'era', 'none']),
  /** The URL the title links to. */
  link: z.string().nullable(),
  /** The description after the colon. */
  description: richSchema,
  /** The `###` sub-period the entry stands under, by id. */
  subperiod: z.string().nullable(),
  /** Blank-line group within the era. */
  group: z.number().int(),
  /** Where the entry starts in the note. */
  position: positionSchema,
});

/** The note itself: metadata and preface. One entry, id `note`. */
export const noteSchema = z.object({
  /** The note's path relative to the project root. */
  file: z.string(),
  /** Title: frontmatter `title`, else the first `# H1`, else the file name. */
  title: z.string(),
  /** Tags from frontmatter. */
  tags: z.array(z.string()),
  /** Creation date as written (ISO 8601). */
  created: z.string().nullable(),
  /** Last update as written (ISO 8601). */
  updated: z.string().nullable(),
  /** BCP 47 language of the note. */
  lang: z.string(),
  /** Whether the language was detected rather than given. */
  langDetected: z.boolean(),
  /** `permalink` or `dg-permalink` from frontmatter. */
  permalink: z.string().nullable(),
  /** The text between the frontmatter (or H1) and the first era. */
  preface: richSchema.nullable(),
  /** Every frontmatter field as written. */
  frontmatter: z.record(z.string(), z.unknown()),
  /** How many warnings the parser gave. */
  warningCount: z.number().int().nonnegative(),
});

export type PeriodData = z.infer<typeof periodSchema>;
export type EraData = z.infer<typeof eraSchema>;
export type EraItemData = z.infer<typeof eraItemSchema>;
export type EntryData = z.infer<typeof entrySchema>;
export type NoteData = z.infer<typeof noteSchema>;

// The schemas must accept what the parser gives: these fail to compile if they drift apart.
type Assignable<T, U extends T> = U;
/** @public (a compile-time check, never imported) */
export type _PeriodMatches = Assignable<PeriodData, Period>;
/** @public */
export type _RichMatches = Assignable<z.infer<typeof richSchema>, Rich>;
/** @public */
export type _EraMatches = Assignable<Omit<EraData, 'items' | 'entryCount'>, Omit<Era, 'items' | 'slug'>>;
/** @public */
export type _EntryMatches = Assignable<Omit<EntryData, 'era' | 'order' | 'subperiod'>, Omit<Entry, 'kind' | 'id'>>;
/** @public */
export type _NoteMatches = Assignable<Omit<NoteData, 'file' | 'preface' | 'warningCount'>, Omit<NoteMeta, 'publish'>>;
