/**
 * The timeline in the TimelineJS3 JSON format
 * (https://timeline.knightlab.com/docs/json-format.html), so that it can be
 * embedded with Knight Lab's TimelineJS or read by any tool that speaks it.
 *
 * A pure conversion: the collections' data in, a JSON-serialisable object
 * out. No Astro import, so it runs in unit tests as it does in the build.
 */
import type { EntryData, EraData, NoteData, PeriodData } from '../schemas/timeline.ts';
import { historicalYear } from '../timeline/date-format.ts';
import type { DatePoint } from '../timeline/dates.ts';

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

/** The first and last astronomical year a period names, or null when it names none. */
function years(period: PeriodData | null | undefined): { first: number; last: number } | null {
  const first = period?.from ?? period?.to ?? null;
  const last = period?.to ?? period?.from ?? null;
  return first === null || last === null ? null : { first, last };
}

/**
 * A TimelineJS date: historical years, negative for BCE (TimelineJS shows
 * -490 as "490 BCE"; there is no year 0), with the month and day when the
 * point has them.
 */
function tlDate(year: number, point: DatePoint | null | undefined, useMonthDay = true): TimelineJsDate {
  const date: TimelineJsDate = { year: historicalYear(year) };
  if (useMonthDay && point && point.year === year && point.month !== null) {
    date.month = point.month;
    if (point.day !== null) date.day = point.day;
  }
  return date;
}

/** Whether a period is more than its one start point: a range, a decade, a century. */
function spans(period: PeriodData): boolean {
  const { start, end, from, to } = period;
  if (!start || !end || from === null || to === null) return false;
  if (to > from) return true;
  return start.month !== end.month || start.day !== end.day;
}

/** The last day of a month, for era ends: any year's (February's 28 is safe). */
const daysIn = (month: number): number => (month === 2 ? 28 : [4, 6, 9, 11].includes(month) ? 30 : 31);

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
 * - Years are historical, negative for BCE (490 BC is -490: TimelineJS
 *   shows it as "490 BCE"), with `month` and `day` where the note gives
 *   them. An entry dated by an open period (`2021 及之前`, `2025 - 未来`)
 *   gets the one date it names as its start and no end; an end date is
 *   given only when the period is more than its start (a range, a decade, a
 *   century: `9世纪` runs 800 to 899).
 * - An entry with no date at all starts at its era's first year; when the era
 *   has no years either it is left out and listed in `skipped` (TimelineJS
 *   rejects events without a start date).
 * - Every era with years becomes a TimelineJS era. An open start begins at
 *   the era's earliest entry year (else its end year). An ongoing end
 *   (`未来`) lasts until `currentYear`, as "ongoing" means "still going when
 *   the site was built"; an unknown end (`？？？？`) lasts until the era's
 *   latest entry year, else its start year. A span never runs backwards.
 *   Era dates run from the first day of the first unit (1 January of a
 *   year) to the last day of the last (31 December), so that a one-year
 *   era is not empty (TimelineJS rejects those).
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
    const first = tlDate(span.start, period.start);
    const last = tlDate(span.end, period.end);
    const lastMonth = Number(last.month ?? 12);
    eras.push({
      start_date: { ...first, month: first.month ?? 1, day: first.day ?? 1 },
      end_date: { ...last, month: lastMonth, day: last.day ?? daysIn(lastMonth) },
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
    let start: TimelineJsDate;
    let end: TimelineJsDate | null = null;
    let displayDate = data.date?.label.trim() || undefined;
    if (own) {
      start = tlDate(own.first, data.date!.start);
      if (spans(data.date!)) end = tlDate(own.last, data.date!.end);
    } else {
      const span = eraSpans.get(data.era.id);
      if (!span) {
        skipped.push(entry.id);
        continue;
      }
      start = tlDate(span.start, era?.data.period?.start);
      // An entry's own date that places nothing (a reversed range) still reads as written.
      displayDate ??= era?.data.period?.label.trim() || undefined;
    }
    const headline = data.link ? `<a href="${escapeAttribute(data.link)}">${data.titleHtml}</a>` : data.titleHtml;
    const slide: TimelineJsSlide = {
      start_date: start,
      text: { headline, text: data.description.html },
      unique_id: entry.id,
    };
    if (end !== null) slide.end_date = end;
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
