/**
 * The timeline model: what one note becomes. Plain data (JSON-serialisable),
 * so that the Content Layer can store it and tests can compare it.
 */

import type { DatePoint } from './dates.ts';

export type { DatePoint, Precision } from './dates.ts';

/**
 * A date or span read from a heading or an entry title: a point (`1969-07-20`,
 * `c. 1450`, `9世纪`) is a period whose start and end are that point.
 */
export interface Period {
  /**
   * First astronomical year covered (1 BC is 0), or `null` when the period
   * has an open or unknown start, or is undated (a reversed range).
   */
  from: number | null;
  /** Last astronomical year covered, or `null` like `from`. */
  to: number | null;
  /** The first point as written, or `null` when the start is open or unknown. */
  start: DatePoint | null;
  /** The last point as written (a decade or century names its whole unit), or `null`. */
  end: DatePoint | null;
  /** How the start reads when `from` is null: `open` (及之前, before). */
  fromOpen: boolean;
  /** How the end reads when `to` is null: `ongoing` (未来, present) or `unknown` (？？？？). */
  toOpen: 'ongoing' | 'unknown' | false;
  /** The period exactly as written in the note, e.g. `2025 - 未来`. */
  label: string;
}

/** Inline or block Markdown rendered to sanitized HTML, with its plain text. */
export interface Rich {
  /** Sanitized HTML. */
  html: string;
  /** Plain text, Markdown syntax aside. */
  text: string;
}

/** Where something stands in the note (1-based, like editors show it). */
export interface Position {
  line: number;
  column: number;
}

/** A dated line of the timeline: `Title（1997）：description`. */
export interface Entry {
  kind: 'entry';
  /** Anchor id, unique in the whole note and stable from build to build. */
  id: string;
  /** The title as plain text, without its year. */
  title: string;
  /** The title rendered to HTML (inline Markdown kept, the link unwrapped). */
  titleHtml: string;
  /** The date as written in the line, e.g. `1997`, `2017–2019`, `490 BCE`, `12.04`. */
  yearLabel: string | null;
  /** The date was written before the title (`490 BCE: Battle of Marathon`), not after it. */
  dateFirst: boolean;
  /** The entry's own period, else its sub-period's, else its era's. */
  date: Period | null;
  /** Where `date` came from. */
  dateSource: 'title' | 'subperiod' | 'era' | 'none';
  /** The URL the title links to, when the title is a link. */
  link: string | null;
  /** The description after the colon. */
  description: Rich;
  /** Index of the blank-line group (paragraph or list) within the era. */
  group: number;
  /** Where the entry starts in the note. */
  position: Position;
}

/** A line that is not an entry, kept as commentary at its place. */
export interface Note {
  kind: 'note';
  content: Rich;
  group: number;
  position: Position;
}

/** Any other block (list, quote, callout, table, code, image…), kept as it is. */
export interface Block {
  kind: 'block';
  /** The mdast node type, e.g. `list`, `blockquote`, `code`. */
  type: string;
  content: Rich;
  group: number;
  position: Position;
}

/** A `###` heading inside an era. */
export interface SubPeriod {
  kind: 'subperiod';
  /** Anchor id, unique in the whole note. */
  id: string;
  /** The heading as written. */
  heading: string;
  /** The heading without its period. */
  name: string;
  period: Period | null;
  group: number;
  position: Position;
}

export type EraItem = Entry | Note | Block | SubPeriod;

/** A `##` heading and everything under it: one chapter. */
export interface Era {
  /** URL slug, unique, derived from the name (Unicode kept). */
  slug: string;
  /** 1-based chapter number. */
  ordinal: number;
  /** The heading as written, e.g. `奏鸣 2025 - 未来`. */
  heading: string;
  /** The heading without its period, e.g. `奏鸣`. */
  name: string;
  period: Period | null;
  /** The wholly emphasised paragraph right under the heading. */
  intro: Rich | null;
  /** The era's content in the note's order. */
  items: EraItem[];
  position: Position;
}

/** The note's metadata, from frontmatter and the first `# H1`. */
export interface NoteMeta {
  title: string;
  tags: string[];
  /** ISO 8601 string as written, or null. */
  created: string | null;
  updated: string | null;
  /** BCP 47 language tag, from `lang` or detected. */
  lang: string;
  /** Whether `lang` was detected rather than given. */
  langDetected: boolean;
  permalink: string | null;
  publish: boolean | null;
  /** Every frontmatter field as written, unknown ones included. */
  frontmatter: Record<string, unknown>;
}

/** A problem found in the note that the build can recover from. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
  hint?: string;
}

/** One parsed note. */
export interface Timeline {
  /** The note's path as given to the parser. */
  file: string;
  meta: NoteMeta;
  /** The `# H1` that gave or stood beside the title, if any. */
  titleHeading: string | null;
  /** Everything between the frontmatter (or H1) and the first `##`. */
  preface: Rich | null;
  eras: Era[];
  warnings: Diagnostic[];
}
