/**
 * The timeline model, declared once: what one note becomes (the parser's
 * output) and what the collections store of it. The parser's types
 * (`src/timeline/types.ts`) are inferred from these schemas, and the
 * collections (`src/content.config.ts`) validate with them. Imports only
 * zod (the copy Astro's `astro/zod` re-exports), so the parser stays free
 * of Astro.
 */
import { z } from 'zod/v4';

/** How finely a point is known. */
export const precisionSchema = z.enum(['day', 'month', 'year', 'decade', 'century', 'millennium']);

/** A point in time as a note writes it: `1969-07-20`, `490 BC`, `9世纪`, `c. 1450`. */
export const datePointSchema = z.object({
  /**
   * Astronomical year (1 BC is 0, 2 BC is -1). For a decade, century or
   * millennium, the first year of that unit (`1970s` → 1970, `15世紀` → 1400,
   * `5th century BC` → -499, i.e. 500 BC).
   */
  year: z.number().int(),
  /** 1–12, when given. */
  month: z.number().int().min(1).max(12).nullable(),
  /** 1–31, when given (always with a month). */
  day: z.number().int().min(1).max(31).nullable(),
  /** The unit the point names. */
  precision: precisionSchema,
  /** Written as approximate: `c.`, `circa`, `~`, `?`, `约`, `約`, `左右`, `頃`. */
  approximate: z.boolean(),
});

/**
 * A date or span read from a heading or an entry title: a point (`1969-07-20`,
 * `c. 1450`, `9世纪`) is a period whose start and end are that point.
 */
export const periodSchema = z.object({
  /**
   * First astronomical year covered (1 BC is 0), or `null` when the period
   * has an open or unknown start, or is undated (a reversed range).
   */
  from: z.number().int().nullable(),
  /** Last astronomical year covered, or `null` like `from`. */
  to: z.number().int().nullable(),
  /** The first point as written, or `null` when the start is open or unknown. */
  start: datePointSchema.nullable(),
  /** The last point as written (a decade or century names its whole unit), or `null`. */
  end: datePointSchema.nullable(),
  /** How the start reads when `from` is null: `open` (及之前, before). */
  fromOpen: z.boolean(),
  /** How the end reads when `to` is null: `ongoing` (未来, present) or `unknown` (？？？？). */
  toOpen: z.union([z.literal('ongoing'), z.literal('unknown'), z.literal(false)]),
  /** The period exactly as written in the note, e.g. `2025 - 未来`. */
  label: z.string(),
});

/** Inline or block Markdown rendered to sanitized HTML, with its plain text. */
export const richSchema = z.object({
  /** Sanitized HTML, safe to set as inner HTML. */
  html: z.string(),
  /** Plain text, Markdown syntax aside. */
  text: z.string(),
});

/** Where something stands in the note (1-based, like editors show it). */
export const positionSchema = z.object({
  line: z.number().int().positive(),
  column: z.number().int().positive(),
});

/** A dated line of the timeline: `Title（1997）：description`. */
export const entrySchema = z.object({
  kind: z.literal('entry'),
  /** Anchor id, unique in the whole note and stable from build to build. */
  id: z.string(),
  /** The title as plain text, without its year. */
  title: z.string(),
  /** The title rendered to HTML (inline Markdown kept, the link unwrapped). */
  titleHtml: z.string(),
  /** The date as written in the line, e.g. `1997`, `2017–2019`, `490 BCE`, `12.04`. */
  yearLabel: z.string().nullable(),
  /** The date was written before the title (`490 BCE: Battle of Marathon`), not after it. */
  dateFirst: z.boolean(),
  /** The entry's own period, else its sub-period's, else its era's. */
  date: periodSchema.nullable(),
  /**
   * Where `date` came from: the line itself (`title`), the date heading or
   * date item it stands under as one of that date's events (`heading`: `## 1990`
   * then plain bullets), or, inherited, its sub-period or era.
   */
  dateSource: z.enum(['title', 'heading', 'subperiod', 'era', 'none']),
  /** The URL the title links to, when the title is a link. */
  link: z.string().nullable(),
  /** The description after the colon; when `titleExcerpt`, the event's whole text. */
  description: richSchema,
  /**
   * The event had no title of its own (a bullet under a year heading, a
   * dated sentence): its title is the first clause of its text, and the
   * description holds the whole text.
   */
  titleExcerpt: z.boolean(),
  /**
   * How the note wrote the event: a `line` (`Title (1997): text`,
   * `1997: text`), `prose` (`In 1215, …`), a `bullet` under a date, a
   * `day` heading with its text, a table `row`, or a timeline plugin's
   * `block`.
   */
  shape: z.enum(['line', 'prose', 'bullet', 'day', 'row', 'block']),
  /** Index of the blank-line group (paragraph or list) within the era. */
  group: z.number().int(),
  /** Where the entry starts in the note. */
  position: positionSchema,
});

/** A line that is not an entry, kept as commentary at its place. */
export const noteItemSchema = z.object({
  kind: z.literal('note'),
  content: richSchema,
  group: z.number().int(),
  position: positionSchema,
});

/** Any other block (list, quote, callout, table, code, image…), kept as it is. */
export const blockSchema = z.object({
  kind: z.literal('block'),
  /** The mdast node type, e.g. `list`, `blockquote`, `code`. */
  type: z.string(),
  content: richSchema,
  group: z.number().int(),
  position: positionSchema,
});

/** A `###` heading inside an era: a year marker. */
export const subPeriodSchema = z.object({
  kind: z.literal('subperiod'),
  /** Anchor id, unique in the whole note. */
  id: z.string(),
  /** The heading as written. */
  heading: z.string(),
  /** The heading without its period. */
  name: z.string(),
  period: periodSchema.nullable(),
  group: z.number().int(),
  position: positionSchema,
});

/** A `##` heading and everything under it: one chapter. */
export const eraSchema = z.object({
  /** URL slug, unique, derived from the name (Unicode kept). */
  slug: z.string(),
  /** 1-based chapter number. */
  ordinal: z.number().int().positive(),
  /** The heading as written, e.g. `奏鸣 2025 - 未来`. */
  heading: z.string(),
  /** The heading without its period, e.g. `奏鸣`. */
  name: z.string(),
  period: periodSchema.nullable(),
  /** The wholly emphasised paragraph right under the heading. */
  intro: richSchema.nullable(),
  /** The era's content in the note's order. */
  items: z.array(z.discriminatedUnion('kind', [entrySchema, noteItemSchema, blockSchema, subPeriodSchema])),
  position: positionSchema,
});

/** The note's metadata, from frontmatter and the first `# H1`. */
export const noteMetaSchema = z.object({
  /** Frontmatter `title`, else the first `# H1`, else the file name. */
  title: z.string(),
  tags: z.array(z.string()),
  /** ISO 8601 string as written, or null. */
  created: z.string().nullable(),
  updated: z.string().nullable(),
  /** BCP 47 language tag, from `lang` or detected. */
  lang: z.string(),
  /** Whether `lang` was detected rather than given. */
  langDetected: z.boolean(),
  /** `permalink` or `dg-permalink`. */
  permalink: z.string().nullable(),
  /** `dg-publish` (or `publish`), when given. */
  publish: z.boolean().nullable(),
  /** Every frontmatter field as written, unknown ones included. */
  frontmatter: z.record(z.string(), z.unknown()),
});

/** A problem found in the note that the build can recover from. */
export const diagnosticSchema = z.object({
  file: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  message: z.string(),
  hint: z.string().optional(),
});

/** One parsed note. */
export const timelineSchema = z.object({
  /** The note's path as given to the parser. */
  file: z.string(),
  meta: noteMetaSchema,
  /** The `# H1` that gave or stood beside the title, if any. */
  titleHeading: z.string().nullable(),
  /** Everything between the frontmatter (or H1) and the first `##`. */
  preface: richSchema.nullable(),
  eras: z.array(eraSchema),
  warnings: z.array(diagnosticSchema),
  /**
   * What was left out on purpose, for the explanation: a timeline plugin's
   * block that only renders other notes' events, a plugin's comment and
   * setting lines.
   */
  dropped: z.array(z.object({ line: z.number().int(), why: z.string() })),
});

/* What the collections store: entries apart from their eras (see docs/development.md). */

/** An item of a stored era: entries are referenced by id, the rest kept whole. */
export const eraItemDataSchema = z.discriminatedUnion('kind', [
  entrySchema.pick({ kind: true, id: true, group: true }),
  noteItemSchema,
  blockSchema,
  subPeriodSchema,
]);

/** A stored era (the `eras` collection; its id is the slug). */
export const eraDataSchema = eraSchema.omit({ slug: true, items: true }).extend({
  items: z.array(eraItemDataSchema),
  /** How many entries the era holds. */
  entryCount: z.number().int().nonnegative(),
});

/** A stored entry (the `entries` collection; its id is its anchor). */
export const entryDataSchema = entrySchema.omit({ kind: true, id: true, position: true }).extend({
  /** The chapter the entry belongs to, by id (content.config.ts makes it a reference). */
  era: z.string(),
  /** 0-based position among all entries of the note. */
  order: z.number().int().nonnegative(),
  /** The `###` sub-period the entry stands under, by id. */
  subperiod: z.string().nullable(),
});

/** The stored note (the `note` collection, one entry with id `note`): metadata and preface. */
export const noteDataSchema = noteMetaSchema.omit({ publish: true }).extend({
  /** The note's path relative to the project root. */
  file: z.string(),
  /** The text between the frontmatter (or H1) and the first era. */
  preface: richSchema.nullable(),
  /** How many warnings the parser gave. */
  warningCount: z.number().int().nonnegative(),
});

export type PeriodData = z.infer<typeof periodSchema>;
export type EraData = z.infer<typeof eraDataSchema>;
export type EraItemData = z.infer<typeof eraItemDataSchema>;
export type EntryData = z.infer<typeof entryDataSchema>;
export type NoteData = z.infer<typeof noteDataSchema>;
