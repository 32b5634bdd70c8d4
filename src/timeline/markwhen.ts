/**
 * Markwhen files (`.mw`) as timelines. `@markwhen/parser` reads the file
 * (header, sections, events, their dates and descriptions); this module
 * writes what it found as a note in this project's own format (sections as
 * `##`/`###` headings, events as date-first list items) and parses that
 * with {@link parseNote}, so that a Markwhen timeline is rendered, sanitized,
 * linked and checked exactly as a note is. Every position is mapped back to
 * the `.mw` file, so messages point at its lines.
 */
import { parse as parseMarkwhenText, type Event, type EventGroup } from '@markwhen/parser';
import { formatPoint } from './date-format.ts';
import { TimelineError } from './errors.ts';
import { parseNote, type ParseOptions } from './parse.ts';
import { readPeriod } from './period.ts';
import type { DatePoint, Diagnostic, Era, Period, Position, Timeline } from './types.ts';

/** Whether a path names a Markwhen file. */
export function isMarkwhen(file: string): boolean {
  return /\.mw$/iu.test(file);
}

/** A line of the generated note, and where in the `.mw` file it came from. */
interface Line {
  text: string;
  from: Position;
}

/**
 * Parses a Markwhen document into a timeline: the header's `title` is the
 * note's title; top-level sections are eras and nested ones sub-periods
 * (deeper ones too); events outside any section go to one era named after
 * the note; each event is an entry with its date, description and tags. An
 * era whose heading gives no period spans its events.
 */
export function parseMarkwhen(source: string, options: ParseOptions): Timeline {
  const { file } = options;
  const text = source.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  const at = positions(text);
  const parsed = parseMarkwhenText(text);
  const warnings: Diagnostic[] = [];
  for (const message of parsed.parseMessages) {
    const where = at(message.pos?.[0] ?? 0);
    warnings.push({
      file,
      ...where,
      message: `Markwhen: ${message.message.replace(/\.$/u, '')}; the event is left out`,
      hint: 'write the start before the end, e.g. `2023-01-01 / 2023-03-31: title`; see https://docs.markwhen.com',
    });
  }
  const rejected = new Set(parsed.parseMessages.map((m) => m.pos?.[0]));

  const header = parsed.header as Record<string, unknown>;
  const title = typeof header['title'] === 'string' && header['title'].trim() ? header['title'].trim() : null;
  const lines: Line[] = [];
  const push = (line: string, from: Position) => lines.push({ text: line, from });
  const start = { line: 1, column: 1 };

  // The header as one line of JSON frontmatter, which the note's reader takes as YAML.
  push('---', start);
  push(JSON.stringify({ ...frontmatter(header), title: title ?? fileTitle(file) }), start);
  push('---', start);
  push('', start);

  const root = parsed.events as EventGroup;
  let events = 0;
  const writeEvents = (group: EventGroup) => {
    for (const child of group.children) {
      if ('children' in child) continue;
      const event = child as Event;
      if (rejected.has(event.textRanges.whole.from)) continue;
      const line = eventLine(event, text);
      if (!line) continue;
      events++;
      push(line.first, at(event.textRanges.whole.from));
      for (const extra of line.rest) push(extra.text, at(extra.offset));
      push('', at(event.textRanges.whole.to));
    }
  };
  const writeGroups = (group: EventGroup, depth: number) => {
    for (const child of group.children) {
      if (!('children' in child)) continue;
      const section = child as EventGroup;
      const from = at(section.textRanges?.definition.from ?? 0);
      push(
        `${depth === 1 ? '##' : '###'} ${oneLine(section.title) || (depth === 1 ? (title ?? 'Timeline') : '…')}`,
        from,
      );
      push('', from);
      writeEvents(section);
      writeGroups(section, depth + 1);
    }
  };

  // Events outside any section: one era named after the note, first.
  if (root.children.some((child) => !('children' in child))) {
    push(`## ${title ?? fileTitle(file)}`, start);
    push('', start);
    writeEvents(root);
  }
  writeGroups(root, 1);

  if (events === 0) {
    throw new TimelineError({
      file,
      ...at(text.length),
      message: 'the Markwhen file has no events',
      hint: 'events are lines such as `2023-03-14: GPT-4`, under `# Section` headings or none',
    });
  }

  const note = lines.map((l) => l.text).join('\n');
  const map = (line: number, column: number): Position => lines[line - 1]?.from ?? { line, column };
  let timeline: Timeline;
  try {
    timeline = parseNote(note, { ...options, topics: 'keep' });
  } catch (error) {
    if (error instanceof TimelineError) {
      throw new TimelineError(
        {
          file,
          ...map(error.line, error.column),
          message: error.reason,
          ...(error.hint ? { hint: error.hint } : {}),
        },
        error.code,
      );
    }
    throw error;
  }
  return remap(timeline, map, warnings);
}

/** The header fields the site reads; Markwhen's own settings (`timezone`, colours) are kept as written. */
function frontmatter(header: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(header)) {
    if (value === undefined || typeof value === 'function') continue;
    out[key] = value;
  }
  return out;
}

/**
 * An event as a date-first list item: its date as written when this
 * project's grammar reads it the same way, else its range from Markwhen's
 * reading; then its text, its tags, and its description lines.
 */
function eventLine(
  event: Event,
  text: string,
): { first: string; rest: Array<{ text: string; offset: number }> } | null {
  const range = event.textRanges.datePart;
  let written = text.slice(range?.from ?? 0, range?.to ?? 0).trim();
  // Markwhen's BCE dates swallow the rest of the line into the date part.
  const colon = /:\s/u.exec(written);
  if (colon) written = written.slice(0, colon.index).trim();
  const iso = isoPeriod(event.dateRangeIso.fromDateTimeIso, event.dateRangeIso.toDateTimeIso);
  const own = readPeriod(written)?.period ?? null;
  const label = own && agrees(own, iso) ? written : iso ? isoLabel(iso) : null;
  if (!label) return null;
  const body = oneLine(event.firstLine.restTrimmed.replace(/^\s*:\s*/u, ''));
  const tags = event.tags.map((tag) => `#${tag}`).join(' ');
  const rest: Array<{ text: string; offset: number }> = [];
  let offset = event.textRanges.whole.from;
  for (const block of event.supplemental) {
    const raw = (block as { raw?: string }).raw ?? '';
    const found = text.indexOf(raw, offset);
    if (found >= 0) offset = found;
    rest.push({ text: `  ${raw}`, offset });
  }
  // Tags go with the description, where the site shows them as tags; the title stays clean.
  if (tags) rest.push({ text: `  ${tags}`, offset: event.textRanges.whole.from });
  return { first: `- ${label}: ${body}`, rest };
}

/** A span read from Markwhen's ISO range (its end is exclusive). */
interface IsoSpan {
  start: DatePoint;
  end: DatePoint;
}

/**
 * Markwhen's ISO range as points. Its years are astronomical (`-002559` is
 * 2560 BC), as ours are; the end is the first instant after the range. The
 * precision is the coarsest unit both ends fall on: whole years, months, or
 * days.
 */
export function isoPeriod(fromIso: string, toIso: string): IsoSpan | null {
  const from = isoParts(fromIso);
  const to = isoParts(toIso);
  if (!from || !to) return null;
  // The last day the range covers: the day before an end at midnight, else the end's own day.
  const last = new Date(Date.UTC(2000, 0, 1));
  last.setUTCFullYear(to.year, to.month - 1, to.day - (to.midnight ? 1 : 0));
  const end = { year: last.getUTCFullYear(), month: last.getUTCMonth() + 1, day: last.getUTCDate() };
  const point = (year: number, month: number | null, day: number | null): DatePoint => ({
    year,
    month,
    day,
    precision: day !== null ? 'day' : month !== null ? 'month' : 'year',
    approximate: false,
  });
  if (from.month === 1 && from.day === 1 && from.midnight && to.month === 1 && to.day === 1 && to.midnight) {
    return { start: point(from.year, null, null), end: point(to.year - 1, null, null) };
  }
  if (from.day === 1 && from.midnight && to.day === 1 && to.midnight) {
    return { start: point(from.year, from.month, null), end: point(end.year, end.month, null) };
  }
  return { start: point(from.year, from.month, from.day), end: point(end.year, end.month, end.day) };
}

function isoParts(iso: string): { year: number; month: number; day: number; midnight: boolean } | null {
  const m = /^([+-]?\d{4,6})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?/u.exec(iso);
  if (!m) return null;
  const midnight = [m[4], m[5], m[6], m[7]].every((part) => !part || Number(part) === 0);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), midnight };
}

/**
 * Whether our reading of the written date is Markwhen's, give or take the
 * end year: Markwhen ends `431 BC - 404 BC` at the start of 404 BC, where
 * a historian's range (and ours) includes it. Then the date is kept as
 * written, with its precision and open ends (`2025 / now` is ongoing).
 */
function agrees(period: Period, iso: IsoSpan | null): boolean {
  if (!iso) return true; // Markwhen read no range: ours is all there is
  const s = period.start;
  if (!s || !period.end) return period.toOpen !== false || period.fromOpen;
  return (
    period.from === iso.start.year &&
    period.to !== null &&
    Math.abs(period.to - iso.end.year) <= 1 &&
    (s.month ?? 1) === (iso.start.month ?? 1)
  );
}

/** A label this project's grammar reads back to the span: `2023-03-14`, `1969-07-20/1969-07-24`, `490 BC`. */
function isoLabel(span: IsoSpan): string {
  const a = formatPoint(span.start, 'en');
  const b = formatPoint(span.end, 'en');
  return a === b ? a : `${a} to ${b}`;
}

/** Positions of a text's offsets (1-based line and column). */
function positions(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** Puts every position of the timeline back on the `.mw` file's lines; eras without a period span their entries. */
function remap(
  timeline: Timeline,
  map: (line: number, column: number) => Position,
  markwhenWarnings: Diagnostic[],
): Timeline {
  const eras: Era[] = timeline.eras.map((era) => {
    const items = era.items.map((item) =>
      Object.assign(item, { position: map(item.position.line, item.position.column) }),
    );
    return {
      ...era,
      items,
      period: era.period ?? spanOfEntries(era, timeline.meta.lang),
      position: map(era.position.line, era.position.column),
    };
  });
  const warnings = [...markwhenWarnings, ...timeline.warnings.map((w) => ({ ...w, ...map(w.line, w.column) }))].sort(
    (a, b) => a.line - b.line || a.column - b.column,
  );
  return { ...timeline, eras, warnings };
}

/** The span of an era's dated entries: from the earliest start to the latest end. */
function spanOfEntries(era: Era, lang: string): Period | null {
  let first: { point: DatePoint; year: number } | null = null;
  let last: { point: DatePoint; year: number } | null = null;
  for (const item of era.items) {
    if (
      item.kind !== 'entry' ||
      !item.date?.start ||
      !item.date.end ||
      item.date.from === null ||
      item.date.to === null
    )
      continue;
    if (!first || item.date.from < first.year) first = { point: item.date.start, year: item.date.from };
    if (!last || item.date.to > last.year) last = { point: item.date.end, year: item.date.to };
  }
  if (!first || !last) return null;
  const a = formatPoint(first.point, lang);
  const b = formatPoint(last.point, lang);
  const label = a === b ? a : `${a}–${b}`;
  return {
    from: first.year,
    to: last.year,
    start: first.point,
    end: last.point,
    fromOpen: false,
    toOpen: false,
    label,
  };
}

/** Text on one line, as a heading or list item needs it. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/gu, ' ').trim();
}

function fileTitle(file: string): string {
  const base = file.split(/[\\/]/u).pop() ?? file;
  return base.replace(/\.mw$/iu, '') || 'Timeline';
}
