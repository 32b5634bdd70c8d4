/**
 * The time axis of the index and era pages, drawn true: time runs to scale,
 * the same number of units per year all along, except across a long empty
 * stretch, which is cut out and marked as a break. Eras that overlap in time
 * lie on rows of their own, so dates never run backwards; every era's name
 * is drawn, inside its band when it fits, else beside it, shortened with an
 * ellipsis only when no row has room for it whole. Year ticks are labelled
 * at round values (months for a span of a year or two).
 *
 * Pure: no fonts, no DOM. Text widths are estimated (poster/measure.ts),
 * erring wide. Linear in eras × rows + entries.
 */
import type { PeriodData } from '../schemas/timeline.ts';
import { periodBounds } from '../timeline/period.ts';
import { Lane } from '../poster/lanes.ts';
import { estimateWidth } from '../poster/measure.ts';
import { brokenScale, type BrokenScale, type ScaleBreak, type ScaleStretch } from './scale.ts';
import { niceTicks, type TickUnit } from './ticks.ts';

/** What the axis needs of one era. */
export interface AxisEra {
  slug: string;
  ordinal: number;
  name: string;
  period: PeriodData | null;
  /**
   * Each entry's own time on the continuous scale of years (astronomical,
   * months and days as fractions), or null when dated only by its era.
   */
  entryYears: Array<number | null>;
}

export interface AxisOptions {
  /** Width of the drawing, in SVG units. */
  width: number;
  /** Font size of era names. */
  nameSize: number;
  /** Font size of the year labels. */
  tickSize: number;
  /** The narrowest band drawn: a one-day era is still something to point at. */
  minBand: number;
  /** Width a break takes on the axis. */
  breakWidth: number;
  /** An empty stretch longer than this share of the whole span becomes a break. */
  breakShare: number;
  /** Rows beyond which names are shortened rather than given a row of their own. */
  maxRows: number;
  /** Entries closer than this merge into one taller mark. */
  tickBin: number;
  /** A year label, or a month label (`month` 1–12), in the note's language. */
  formatTick: (year: number, unit: TickUnit, month: number) => string;
}

/** One entry mark: one or more entries at one place. */
export interface AxisMark {
  x: number;
  count: number;
}

/** One era's band. */
export interface AxisBand {
  slug: string;
  ordinal: number;
  /** Row, 0 at the top. */
  row: number;
  x: number;
  width: number;
  /** The name as drawn: whole, or shortened with an ellipsis. */
  name: string;
  /** Where the name is drawn, and from which side of `nameX` it runs. */
  nameX: number;
  nameAnchor: 'start' | 'middle' | 'end';
  /** The name sits inside the band (else beside it, on the page). */
  inside: boolean;
  openStart: boolean;
  openEnd: 'ongoing' | 'unknown' | false;
  /** False when neither the era nor its entries give a date: the band stands where the note puts it. */
  dated: boolean;
  marks: AxisMark[];
  /** Where a break cuts through the band (the middle of each break it spans). */
  cuts: number[];
}

/** A labelled tick of the year scale. */
export interface AxisTick {
  x: number;
  label: string;
}

/** A long empty stretch cut out of the scale. */
export type AxisBreak = ScaleBreak;

/** A stretch drawn to scale. */
export type AxisStretch = ScaleStretch;

export interface AxisLayout {
  bands: AxisBand[];
  rows: number;
  ticks: AxisTick[];
  breaks: AxisBreak[];
  stretches: AxisStretch[];
  /** Units per year, the same in every stretch; 0 when nothing is dated. */
  scale: number;
}

/** Era names are drawn bold (600), about a tenth wider than the regular text the estimate is made for. */
const textWidth = (text: string, size: number): number => estimateWidth(text, size) * 1.1;

/** Space between a band and a name beside it. */
const PAD = 6;
/** Boxes may touch, whatever the rounding of their ends. */
const TOUCH = -0.01;

interface Span {
  era: AxisEra;
  lo: number;
  hi: number;
  dated: boolean;
}

/** Lays out the axis. Eras keep their note order in `bands`. */
export function layoutAxis(eras: readonly AxisEra[], options: AxisOptions): AxisLayout {
  const spans = spansOf(eras);
  const { stretches, breaks, scale, x } = scaleOf(spans, options);
  const boxes = spans.map((span) => {
    let x0 = x(span.lo);
    const width = Math.max(options.minBand, x(span.hi) - x0);
    x0 = Math.max(0, Math.min(x0, options.width - width));
    return { span, x0, width };
  });
  const bands = placeRows(boxes, options);
  const rows = bands.reduce((n, b) => Math.max(n, b.row + 1), 0);
  for (const band of bands) {
    const span = spans.find((s) => s.era.slug === band.slug)!;
    band.marks = marksOf(span, band, x, options.tickBin);
    band.cuts = breaks.filter((b) => b.x > band.x && b.x + b.width < band.x + band.width).map((b) => b.x + b.width / 2);
  }
  const ticks = scale > 0 ? niceTicks(stretches, scale, options) : [];
  return { bands, rows, ticks, breaks, stretches, scale };
}

/**
 * Each era's span in years: its period, widened to its entries. An open end
 * reaches its last entry (or a year past its start); an era with no date at
 * all stands, for a day, where the note puts it: after the era before it.
 */
function spansOf(eras: readonly AxisEra[]): Span[] {
  const raw = eras.map((era) => {
    const { lo, hi } = periodBounds(era.period);
    const years = era.entryYears.filter((y): y is number => y !== null && Number.isFinite(y));
    const first = years.length ? Math.min(...years) : null;
    const last = years.length ? Math.max(...years) : null;
    // An entry's year covers that year; a month or day, a day.
    const lastEnd = last === null ? null : Number.isInteger(last) ? last + 1 : last + 1 / 365;
    let start = lo ?? first;
    let end = hi ?? lastEnd;
    if (start !== null && first !== null) start = Math.min(start, first);
    if (end !== null && lastEnd !== null) end = Math.max(end, lastEnd);
    if (start === null && end !== null) start = end - 1;
    if (end === null && start !== null) end = start + 1;
    if (start !== null && end !== null && end < start) [start, end] = [end, start];
    return { era, lo: start, hi: end };
  });
  const spans: Span[] = [];
  for (let i = 0; i < raw.length; i++) {
    const { era, lo, hi } = raw[i]!;
    if (lo !== null && hi !== null) {
      spans.push({ era, lo, hi: Math.max(hi, lo + 1 / 365), dated: true });
      continue;
    }
    // Undated: just after the dated era before it, else just before the dated era after it.
    const before = spans.findLast((s) => s.dated);
    const after = raw.slice(i + 1).find((r) => r.lo !== null);
    const at = before ? before.hi : after ? after.lo! : 0;
    spans.push({ era, lo: at, hi: at + 1 / 365, dated: false });
  }
  return spans;
}

/**
 * The scale: time to scale from the first era to the last, except the
 * longest stretches where nothing happens, which are cut out. A stretch is
 * empty when no era starts or ends in it, no entry is dated in it, and no
 * era whose entries are dated only by the era covers it. With nothing dated,
 * the eras share the width in note order (scale 0: no ticks).
 */
function scaleOf(spans: readonly Span[], options: AxisOptions): BrokenScale {
  if (!spans.some((s) => s.dated)) {
    spans.forEach((span, i) => {
      span.lo = i;
      span.hi = i + 1;
    });
    const each = options.width / Math.max(1, spans.length);
    return {
      stretches: [{ lo: 0, hi: spans.length, x: 0, width: options.width }],
      breaks: [],
      scale: 0,
      x: (t) => t * each,
    };
  }
  // What happens, as intervals of time; a point gets a day.
  const busy: Array<[number, number]> = [];
  const point = (t: number) => busy.push([t, t + 1 / 365]);
  for (const span of spans) {
    point(span.lo);
    point(span.hi - 1 / 365);
    const years = span.era.entryYears;
    if (!span.dated) continue;
    if (years.some((y) => y === null)) busy.push([span.lo, span.hi]);
    for (const y of years) if (y !== null) busy.push([y, Number.isInteger(y) ? y + 1 : y + 1 / 365]);
  }
  const lo = Math.min(...spans.map((s) => s.lo));
  const hi = Math.max(...spans.map((s) => s.hi));
  return brokenScale(busy, lo, hi, {
    x0: 0,
    width: options.width,
    breakWidth: options.breakWidth,
    breakShare: options.breakShare,
  });
}

interface Box {
  span: Span;
  x0: number;
  width: number;
}

/**
 * Rows by interval packing, in time order: each era takes the first row
 * where its band and its name (inside, else after, else before the band)
 * are clear of everything there. Past `maxRows`, a name that finds no room
 * is shortened to the widest room beside its band in a row that has space
 * for the band; only a band that overlaps every row opens a new one.
 */
function placeRows(boxes: readonly Box[], options: AxisOptions): AxisBand[] {
  const { width: W, nameSize } = options;
  const rows: Lane[] = [];
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a]!.x0 - boxes[b]!.x0 || a - b);
  // When the names beside their bands would need more than the rows hold, each gets a fair share of them from the start.
  const demand = boxes.reduce((n, b) => n + b.width + 2 * PAD + textWidth(b.span.era.name.trim(), nameSize), 0);
  const crowded = demand > W * options.maxRows * 0.8;
  const least = textWidth('MM…', nameSize);
  const bands: AxisBand[] = new Array(boxes.length);
  for (const i of order) {
    const { span, x0, width } = boxes[i]!;
    const x1 = x0 + width;
    const whole = span.era.name.trim() || String(span.era.ordinal);
    const fitsInside = textWidth(whole, nameSize) + nameSize * 0.8 <= width;
    const share =
      crowded && !fitsInside ? Math.max(least, (W * options.maxRows) / boxes.length - width - 2 * PAD) : Infinity;
    const name = shorten(whole, share, nameSize) ?? whole;
    const textW = textWidth(name, nameSize);
    // Boxes: the band itself (touching bands share a row), a name beside it with room around it.
    const places = [
      textW + nameSize * 0.8 <= width ? { lo: x0, hi: x1, at: 'inside' as const } : null,
      x1 + PAD + textW <= W ? { lo: x0, hi: x1 + PAD + textW + PAD, at: 'after' as const } : null,
      x0 - PAD - textW >= 0 ? { lo: x0 - PAD - textW - PAD, hi: x1, at: 'before' as const } : null,
    ].filter((o) => o !== null);
    let placed: { row: number; at: 'inside' | 'after' | 'before'; text: string } | null = null;
    for (let row = 0; row < rows.length && !placed; row++) {
      const fit = places.find((o) => rows[row]!.isFree(o.lo, o.hi, TOUCH));
      if (fit) {
        rows[row]!.add(fit.lo, fit.hi);
        placed = { row, at: fit.at, text: name };
      }
    }
    if (!placed && rows.length >= options.maxRows) {
      // Shorten the name to the widest room beside the band in a row with space for the band.
      let best: { row: number; at: 'after' | 'before'; room: number } | null = null;
      for (let row = 0; row < rows.length; row++) {
        const lane = rows[row]!;
        if (!lane.isFree(x0, x1, TOUCH)) continue;
        const after = Math.min(textW, roomAfter(lane, x1, W));
        const before = Math.min(textW, roomBefore(lane, x0));
        if (!best || after > best.room) best = { row, at: 'after', room: after };
        if (before > best.room) best = { row, at: 'before', room: before };
      }
      const shortened = best ? shorten(name, best.room, nameSize) : null;
      if (best && shortened) {
        const w = textWidth(shortened, nameSize);
        if (best.at === 'after') rows[best.row]!.add(x0, x1 + PAD + w + PAD);
        else rows[best.row]!.add(x0 - PAD - w - PAD, x1);
        placed = { row: best.row, at: best.at, text: shortened };
      }
    }
    if (!placed) {
      const lane = new Lane();
      rows.push(lane);
      const fit = places[0];
      // A name wider than any room, even in a row of its own: shortened to the widest room it has.
      const rooms = [
        { at: 'inside' as const, room: width - nameSize * 0.8 },
        { at: 'after' as const, room: W - x1 - PAD },
        { at: 'before' as const, room: x0 - PAD },
      ].sort((a, b) => b.room - a.room);
      const at = fit?.at ?? rooms[0]!.at;
      const text = fit ? name : (shorten(name, rooms[0]!.room, nameSize) ?? '…');
      const w = textWidth(text, nameSize);
      if (at === 'after') lane.add(x0, x1 + PAD + w);
      else if (at === 'before') lane.add(x0 - PAD - w, x1);
      else lane.add(x0, x1);
      placed = { row: rows.length - 1, at, text };
    }
    const inside = placed.at === 'inside';
    bands[i] = {
      slug: span.era.slug,
      ordinal: span.era.ordinal,
      row: placed.row,
      x: x0,
      width,
      name: placed.text,
      nameX: inside ? x0 + width / 2 : placed.at === 'after' ? x1 + PAD : x0 - PAD,
      nameAnchor: inside ? 'middle' : placed.at === 'after' ? 'start' : 'end',
      inside,
      openStart: span.era.period?.fromOpen ?? false,
      openEnd: span.era.period?.toOpen ?? false,
      dated: span.dated,
      marks: [],
      cuts: [],
    };
  }
  return bands;
}

/** Free width for a name after a band ending at `x`, up to the next box (kept PAD away) or the drawing's edge. */
function roomAfter(lane: Lane, x: number, max: number): number {
  return Math.max(0, Math.min(max, lane.nextStart(x) - PAD) - x - PAD);
}

/** Free width for a name before a band starting at `x`, back to the box before (kept PAD away) or the drawing's edge. */
function roomBefore(lane: Lane, x: number): number {
  return Math.max(0, x - PAD - Math.max(0, lane.previousEnd(x) + PAD));
}

/** The longest start of `text` that fits `room` with an ellipsis, or null when not even one character does. */
export function shorten(text: string, room: number, size: number): string | null {
  if (textWidth(text, size) <= room) return text;
  const chars = [...text];
  for (let n = chars.length - 1; n >= 1; n--) {
    const cut = `${chars.slice(0, n).join('').trimEnd()}…`;
    if (textWidth(cut, size) <= room) return cut;
  }
  return null;
}

/** Entries at their time inside the band; those dated only by their era spread evenly, in order. */
function marksOf(span: Span, band: AxisBand, x: (t: number) => number, bin: number): AxisMark[] {
  const years = span.era.entryYears;
  const n = years.length;
  const inset = Math.min(3, band.width / 4);
  const lo = band.x + inset;
  const hi = band.x + band.width - inset;
  const bins = new Map<number, number>();
  years.forEach((year, i) => {
    const at = year !== null && span.dated ? x(year) : n === 1 ? (lo + hi) / 2 : lo + ((hi - lo) * i) / (n - 1);
    const key = Math.round(Math.min(hi, Math.max(lo, at)) / bin);
    bins.set(key, (bins.get(key) ?? 0) + 1);
  });
  return [...bins]
    .map(([key, count]) => ({ x: Math.min(hi, Math.max(lo, key * bin)), count }))
    .sort((a, b) => a.x - b.x);
}
