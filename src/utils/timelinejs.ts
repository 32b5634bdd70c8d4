/**
 * The timeline in the TimelineJS3 JSON format
 * (https://timeline.knightlab.com/docs/json-format.html), so that it can be
 * embedded with Knight Lab's TimelineJS or read by any tool that speaks it.
 *
 * A pure conversion: the collections' data in, a JSON-serialisable object
 * out. No Astro import, so it runs in unit tests as it does in the build.
 */
import type { EntryData, EraData, NoteData, PeriodData } from '../schemas/timeline.ts';

/** A TimelineJS date. Only `year` is required; it may be a number or a numeric string. */
export interface TimelineJsDate {
  year: number | string;
  month?: number | string;
  day?: number | string;
  hour?: number | string;
  minute?: number | string;
  second?: number | string;
  millisecond?: number | string;
  /** Shown instead of the date TimelineJS would format. */
  display_date?: string;
  format?: string;
}

/** The words of a slide or an era. Both fields may hold HTML. */
export interface TimelineJsText {
  headline?: string;
  text?: string;
}

/** A slide's picture, video or embed. */
export interface TimelineJsMedia {
  url: string;
  caption?: string;
  credit?: string;
  thumbnail?: string;
  alt?: string;
  title?: string;
  link?: string;
  link_target?: string;
}

/** An event, or the title slide (which has no dates). */
export interface TimelineJsSlide {
  /** Required for events, absent on the title slide. */
  start_date?: TimelineJsDate;
  end_date?: TimelineJsDate;
  text?: TimelineJsText;
  media?: TimelineJsMedia;
  /** Events with the same group share a row of the time navigation, labelled with it. */
  group?: string;
  /** Overrides the dates shown on the slide. */
  display_date?: string;
  background?: { url?: string; color?: string; alt?: string };
  /** Whether TimelineJS turns bare URLs in `text.text` into links (default true). */
  autolink?: boolean;
  /** Must be unique across the timeline; TimelineJS uses it as the slide's id and URL hash. */
  unique_id?: string;
}

/** A span shaded on the time navigation. */
export interface TimelineJsEra {
  start_date: TimelineJsDate;
  end_date: TimelineJsDate;
  text?: TimelineJsText;
}

/** A whole TimelineJS3 data object. */
export interface TimelineJs {
  events: TimelineJsSlide[];
  title?: TimelineJsSlide;
  eras?: TimelineJsEra[];
  /** `human` (calendar dates) or `cosmological` (years only, for deep time). */
  scale?: 'human' | 'cosmological';
}

/**
 * What the conversion reads: the `note`, `eras` and `entries` collections as
 * `loadTimeline()` gives them (eras and entries in the note's order).
 */
export interface TimelineJsSource {
  note: Pick<NoteData, 'title' | 'preface'>;
  eras: ReadonlyArray<{ id: string; data: Pick<EraData, 'name' | 'heading' | 'period'> }>;
  entries: ReadonlyArray<{
    id: string;
    data: Pick<EntryData, 'titleHtml' | 'link' | 'date' | 'dateSource' | 'description'> & { era: { id: string } };
  }>;
}

export interface TimelineJsOptions {
  /**
   * The year an ongoing period (`2025 - 未来`, `present`) ends in, for era
   * spans. @default the current year (of the build)
   */
  currentYear?: number;
}

/** The converted timeline, and the entries that could not become events. */
export interface TimelineJsResult {
  timeline: TimelineJs;
  /** Ids of entries left out: no date of their own and an era without years. */
  skipped: string[];
}

/** The first and last year a period names, or null when it names none. */
function years(period: PeriodData | null | undefined): { first: number; last: number } | null {
  const first = period?.from ?? period?.to ?? null;
  const last = period?.to ?? period?.from ?? null;
  return first === null || last === null ? null : { first, last };
}

const escapeAttribute = (value: string): string =>
  value.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
/** Plain text (the note's title, era names) for fields that TimelineJS renders as HTML. */
const escapeText = escapeAttribute;

/**
 * Converts the timeline to TimelineJS3 JSON.
 *
 * - The title slide carries the note's title and preface.
 * - Every entry becomes one event, in the note's order: `unique_id` is its
 *   anchor id (unique in the note), `group` its era's name, the headline its
 *   title (wrapped in a link when it has one), the text its sanitized
 *   description HTML, `display_date` its period as written.
 * - Dates are years. An entry dated by an open period (`2021 及之前`,
 *   `2025 - 未来`) gets the one year it names as its start and no end; an
 *   end date is given only when the period spans more than one year.
 * - An entry with no date at all starts at its era's first year; when the era
 *   has no years either it is left out and listed in `skipped` (TimelineJS
 *   rejects events without a start date).
 * - Every era with years becomes a TimelineJS era. An open start begins at
 *   the era's earliest entry year (else its end year). An ongoing end
 *   (`未来`) lasts until `currentYear`, as "ongoing" means "still going when
 *   the site was built"; an unknown end (`？？？？`) lasts until the era's
 *   latest entry year, else its start year. A span never runs backwards.
 *   Era dates run from 1 January of the first year to 31 December of the
 *   last, so that a one-year era is not empty (TimelineJS rejects those).
 *
 * TimelineJS itself slugifies `unique_id` to `[a-z0-9-]`: anchors in other
 * scripts (`#序曲-1`) become ids it makes up, still unique.
 */
export function toTimelineJs(source: TimelineJsSource, options: TimelineJsOptions = {}): TimelineJsResult {
  const currentYear = options.currentYear ?? new Date().getFullYear();
  const eraName = (era: { data: Pick<EraData, 'name' | 'heading'> }) => escapeText(era.data.name || era.data.heading);

  // Entry years per era, for open-ended era spans: linear in the entries.
  const entryYears = new Map<string, { min: number; max: number }>();
  for (const { data } of source.entries) {
    const span = years(data.date);
    if (!span) continue;
    const seen = entryYears.get(data.era.id);
    entryYears.set(data.era.id, {
      min: Math.min(seen?.min ?? span.first, span.first),
      max: Math.max(seen?.max ?? span.last, span.last),
    });
  }

  const eraSpans = new Map<string, { start: number; end: number }>();
  const eras: TimelineJsEra[] = [];
  for (const era of source.eras) {
    const period = era.data.period;
    if (!period || (period.from === null && period.to === null)) continue;
    const seen = entryYears.get(era.id);
    const start = period.from ?? seen?.min ?? period.to!;
    let end: number;
    if (period.to !== null) end = period.to;
    else if (period.toOpen === 'ongoing') end = Math.max(currentYear, seen?.max ?? start);
    else end = seen?.max ?? start;
    const span = { start: Math.min(start, end), end: Math.max(start, end) };
    eraSpans.set(era.id, span);
    // Whole years, 1 January to 31 December: TimelineJS drops an end date
    // equal to the start (then rejects the era), so a one-year era needs days.
    eras.push({
      start_date: { year: span.start, month: 1, day: 1 },
      end_date: { year: span.end, month: 12, day: 31 },
      text: { headline: eraName(era) },
    });
  }

  const eraById = new Map(source.eras.map((era) => [era.id, era]));
  const events: TimelineJsSlide[] = [];
  const skipped: string[] = [];
  for (const entry of source.entries) {
    const { data } = entry;
    const era = eraById.get(data.era.id);
    const own = years(data.date);
    let start: number;
    let end: number | null = null;
    let displayDate = data.date?.label.trim() || undefined;
    if (own) {
      start = own.first;
      if (data.date!.from !== null && data.date!.to !== null && own.last > own.first) end = own.last;
    } else {
      const span = eraSpans.get(data.era.id);
      if (!span) {
        skipped.push(entry.id);
        continue;
      }
      start = span.start;
      displayDate = era?.data.period?.label.trim() || undefined;
    }
    const headline = data.link ? `<a href="${escapeAttribute(data.link)}">${data.titleHtml}</a>` : data.titleHtml;
    const slide: TimelineJsSlide = {
      start_date: { year: start },
      text: { headline, text: data.description.html },
      unique_id: entry.id,
    };
    if (end !== null) slide.end_date = { year: end };
    if (era) slide.group = eraName(era);
    if (displayDate) slide.display_date = displayDate;
    events.push(slide);
  }

  const timeline: TimelineJs = {
    title: { text: { headline: escapeText(source.note.title), text: source.note.preface?.html ?? '' } },
    events,
    scale: 'human',
  };
  if (eras.length > 0) timeline.eras = eras;
  return { timeline, skipped };
}
