/**
 * The poster: the whole timeline laid out on one landscape sheet, at build
 * time, in SVG units (1000 across). Pure: strings come in formatted, and
 * geometry comes out for `components/Poster.astro` to draw.
 *
 * Across the middle, a strip: the time axis with its year marks, then the
 * era bands (an era overlapping another in time takes a row of its own, so
 * neither hides the other; each band in a colour of its own, named with its
 * period inside it where that fits), bounded by the axis again below. Time
 * runs to scale, the longest empty stretches cut out and marked as breaks
 * (axis/scale.ts). Entries' labels fill lanes on both sides of the strip,
 * each joined by a leader to its date on the strip's edge: a bar as long as
 * its year, decade or century, a dot for a day. See poster/pack.ts for how
 * the lanes are shared.
 *
 * When every entry cannot be shown at the smallest legible size, the sheet
 * shows as many as fit, chosen by {@link priorityOrder}, and says how many
 * it left out. Never a silent cut, never a smaller font.
 */
import type { PeriodData } from '../schemas/timeline.ts';
import { endTime, startTime } from '../timeline/dates.ts';
import { periodBounds } from '../timeline/period.ts';
import { brokenScale } from '../axis/scale.ts';
import { niceTicks, type TickUnit } from '../axis/ticks.ts';
import { Lane } from './lanes.ts';
import { estimateWidth } from './measure.ts';
import { packRows, type PackPlacement } from './pack.ts';

/** Width of the sheet in SVG units. */
export const SHEET_WIDTH = 1000;
/**
 * The tallest drawing, in SVG units: 263 × 180 mm of drawing fits the
 * printable area of both A4 and US Letter landscape (8 mm margins) with the
 * page header above it.
 */
export const SHEET_MAX_HEIGHT = Math.floor((SHEET_WIDTH * 180) / 263);
/** Millimetres per SVG unit on paper. */
export const MM_PER_UNIT = 263 / SHEET_WIDTH;
/** The smallest text on the sheet, in SVG units: 9 units print at 6.7 pt on a 180 mm drawing (6.3 pt at 170 mm, when two notices take room). */
export const MIN_FONT = 9;
/** Entry label sizes to try, largest first. */
const ENTRY_FONTS = [11, 10, MIN_FONT];
/** Era label sizes to try inside bands. */
const ERA_FONTS = [11, 10, MIN_FONT];
const EDGE = 6;
const LINE = 1.3;
const BAND_HEIGHT = 20;
const ROW_GAP = 3;
const LEADER_PAD = 3;
/** Space between the strip and the nearest row of labels. */
const LEADER_GAP = 6;
/** Space between a mark and its text. */
const MARK_PAD = 3;
/** Width of a break in the scale. */
const BREAK_WIDTH = 14;
/** At most this share of the sheet's height goes to the rows of era bands: many eras overlapping in time get thinner bands. */
const BAND_SHARE = 0.25;
/** How many era colours there are (`--poster-era-0` … in tokens.css); neighbouring eras never share one. */
export const ERA_COLOURS = 6;

/** One era, as the poster needs it. */
export interface PosterEraInput {
  id: string;
  /** The era's label: name, period and entry count, as drawn. */
  label: string;
  /** Its name and period, drawn where the whole label does not fit. */
  namePeriod: string;
  /** Its name alone, drawn inside a band too short for more. */
  name: string;
  period: PeriodData | null;
}

/** One entry, as the poster needs it. */
export interface PosterEntryInput {
  id: string;
  /** Index of its era in the eras given. */
  era: number;
  /** The sub-period it stands under, if any (for choosing which entries a crowded sheet keeps). */
  subperiod: string | null;
  /** Its title as drawn: plain text, cut with an ellipsis when very long (see {@link posterTitle}). */
  title: string;
  /** Its whole title, for the link's accessible name when `title` is cut. */
  fullTitle: string;
  /** Its date as shown beside the title (may be empty). */
  dateLabel: string;
  /** Its date, or null when it has none (it then follows the entry before it). */
  period: PeriodData | null;
  /**
   * The date is the entry's own: it stands at the unit its date starts in
   * (its year, month or day). Otherwise the date is its sub-period's or
   * era's, and entries spread through that whole span.
   */
  ownDate: boolean;
}

export interface PosterInput {
  eras: readonly PosterEraInput[];
  entries: readonly PosterEntryInput[];
  /** A year mark as the note's language writes it (`490 BC`, `公元前490年`, `Jan 2024`): see axis/format.ts. */
  formatTick: (year: number, unit: TickUnit, month: number) => string;
}

/** An era's band, and where its name went. */
export interface PosterBand {
  era: number;
  x: number;
  width: number;
  y: number;
  height: number;
  /** Which of the era colours it takes. */
  colour: number;
  /** The start is open (`2021 and before`): the band fades in. */
  openStart: boolean;
  /** The end is ongoing or unknown. */
  openEnd: 'ongoing' | 'unknown' | false;
  /**
   * Where the name is drawn: inside the band (the whole label, or the name
   * and period), or in a row beside the strip like an entry
   * (the name and period), or null when there was no room at all (counted in
   * `erasUnnamed`; the band is still drawn and still a link).
   */
  label:
    { inside: true; x: number; y: number; text: 'label' | 'namePeriod' } | ({ inside: false } & PosterRowLabel) | null;
}

/** A year mark on the axis. */
export interface PosterMark {
  x: number;
  text: string;
}

/** A label in a row beside the strip: its mark, and its text beside or on it. */
export interface PosterRowLabel {
  /** Its mark on the row: from `from` to `to` (equal for a dot). */
  from: number;
  to: number;
  /** The text's box: `[x, x + width]` by one line from `y`. */
  x: number;
  y: number;
  width: number;
  side: 'above' | 'below';
  /** The text reads right of the mark, ends left of it, or stands on it (a bar). */
  at: 'after' | 'before' | 'over';
}

/** A shown entry. */
export interface PosterLabel extends PosterRowLabel {
  entry: number;
}

export interface PosterLayout {
  width: number;
  height: number;
  entryFont: number;
  eraFont: number;
  markFont: number;
  /** The strip's top and bottom edges: the axis lines. */
  stripTop: number;
  stripBottom: number;
  bands: PosterBand[];
  marks: PosterMark[];
  /** Where the scale is cut: `[x, x + width]`. */
  breaks: Array<{ x: number; width: number }>;
  /** Every entry's place on the scale, shown or not, by entry index. */
  dots: number[];
  /**
   * Every entry's own date on the axis, by entry index: from `x0` to `x1`
   * for a year, decade or century wide enough to draw; null for a point
   * (a day, or a date it only takes from its era).
   */
  units: Array<[number, number] | null>;
  /** Shown entries, in the note's order. */
  labels: PosterLabel[];
  /** Entries not shown for want of room. */
  entriesHidden: number;
  /** Eras drawn but not named for want of room. */
  erasUnnamed: number;
  /** Eras with no entries that found no free row: not drawn, listed under the sheet. */
  erasNotDrawn: number[];
  /** Whether the scale is one of time (false when nothing is dated: then it is the note's order). */
  timed: boolean;
}

/** Lays the poster out. Linear in eras and entries, times lanes and a log. */
export function layoutPoster(input: PosterInput): PosterLayout {
  const { eras, entries } = input;
  // Each label's text width in ems, measured once: the layout tries several sizes and subsets.
  const ems = entries.map((entry) => estimateWidth(labelText(entry), 1));
  const times = entryTimes(entries);
  const timed = times.timed;
  const spans = eraSpans(eras, entries, times);
  const counts = eras.map(() => 0);
  for (const entry of entries) if (counts[entry.era] !== undefined) counts[entry.era]!++;

  let t0 = Infinity;
  let t1 = -Infinity;
  for (const i of entries.keys()) {
    t0 = Math.min(t0, times.lo[i]!);
    t1 = Math.max(t1, times.hi[i]!);
  }
  for (const span of spans) {
    if (span.closedLo) t0 = Math.min(t0, span.lo);
    if (span.closedHi) t1 = Math.max(t1, span.hi);
  }
  if (!Number.isFinite(t0)) [t0, t1] = [0, 1];
  if (t1 <= t0) t1 = t0 + 1;
  // What happens: each entry's unit, each closed end of an era.
  const busy: Array<[number, number]> = entries.map((_, i) => [times.lo[i]!, times.hi[i]!]);
  for (const span of spans) {
    if (span.closedLo) busy.push([span.lo, span.lo]);
    if (span.closedHi) busy.push([span.hi, span.hi]);
  }
  const left = EDGE;
  const right = SHEET_WIDTH - EDGE;
  const scale = brokenScale(busy, t0, t1, {
    x0: left,
    width: right - left,
    breakWidth: timed ? BREAK_WIDTH : 0,
    breakShare: timed ? 0.2 : Infinity,
  });
  const x = (t: number) => scale.x(Math.min(t1, Math.max(t0, t)));
  const dots = entries.map((_, i) => x(times.at[i]!));
  const units = entries.map((entry, i): [number, number] | null => {
    if (!entry.ownDate || !timed) return null;
    const [x0, x1] = [x(times.lo[i]!), x(times.hi[i]!)];
    return x1 - x0 >= 2.5 ? [x0, x1] : null;
  });

  // Era bands, in rows: an era overlapping another goes to the next free row; an era without entries takes no row of its own.
  const rows: Lane[] = [];
  const eraOrder = eras.map((_, i) => i).sort((a, b) => Number(counts[a] === 0) - Number(counts[b] === 0) || a - b);
  const boxes: Array<{ era: number; x: number; width: number; row: number } | null> = eras.map(() => null);
  const erasNotDrawn: number[] = [];
  for (const era of eraOrder) {
    const span = spans[era]!;
    // An open start runs from the sheet's left edge; an ongoing or unknown end to its right edge.
    const x0 = span.closedLo ? x(span.lo) : left;
    const x1 = span.closedHi ? x(span.hi) : right;
    const width = Math.max(4, x1 - x0);
    // Bands that only touch share a row.
    let row = rows.findIndex((lane) => lane.isFree(x0 + 0.5, x0 + width - 0.5, 0));
    if (row < 0) {
      if (counts[era] === 0 && rows.length > 0) {
        erasNotDrawn.push(era);
        continue;
      }
      row = rows.push(new Lane()) - 1;
    }
    rows[row]!.add(x0, x0 + width);
    boxes[era] = { era, x: x0, width, row };
  }
  const rowCount = Math.max(1, rows.length);
  const rowPitch = Math.min(BAND_HEIGHT + ROW_GAP, (SHEET_MAX_HEIGHT * BAND_SHARE) / rowCount);
  const bandHeight = rowPitch - Math.min(ROW_GAP, rowPitch * 0.2);

  // Era names inside their bands, at the largest size that names the most.
  let eraFont = MIN_FONT;
  let inside: Array<'label' | 'namePeriod' | null> = [];
  for (const font of ERA_FONTS) {
    const tried = boxes.map((box) => {
      if (!box) return null;
      const era = eras[box.era]!;
      const fits = (text: string) =>
        text.length > 0 &&
        font + 2 <= bandHeight &&
        LEADER_PAD + estimateWidth(text, font) * 1.05 + LEADER_PAD <= box.width;
      // Named with its period: the name alone would leave the reader without the era's dates.
      return fits(era.label) ? 'label' : fits(era.namePeriod) ? 'namePeriod' : null;
    });
    if (font === ERA_FONTS[0] || tried.filter(Boolean).length > inside.filter(Boolean).length) {
      inside = tried;
      eraFont = font;
    }
  }
  // The rest are named in the lanes, like entries, before any entry.
  const outsideEras = boxes
    .filter((box): box is NonNullable<typeof box> => box !== null && inside[box.era] === null)
    .map((box) => ({
      era: box.era,
      anchor: box.x + Math.min(6, box.width / 2),
    }));

  const markFont = MIN_FONT;
  const stripHeight = markFont + 8 + rowCount * rowPitch + 2;

  type Request = { from: number; to: number; width: number; era?: number; entry?: number };
  const pack = (font: number, shown: readonly number[], named: typeof outsideEras) => {
    const line = font * LINE;
    const lanes = Math.floor((SHEET_MAX_HEIGHT - 2 * EDGE - stripHeight - 2 * LEADER_GAP) / line);
    const requests: Request[] = [
      // Era names beside the strip are bold: wider than the same text in an entry.
      ...named.map((e): Request => ({
        from: e.anchor,
        to: e.anchor,
        width: estimateWidth(eras[e.era]!.namePeriod, font) * 1.1 + 1,
        era: e.era,
      })),
      ...shown.map((i): Request => ({
        from: units[i]?.[0] ?? dots[i]!,
        to: units[i]?.[1] ?? dots[i]!,
        width: ems[i]! * font + 1,
        entry: i,
      })),
    ].sort((a, b) => a.from - b.from || (a.era === undefined ? 1 : 0) - (b.era === undefined ? 1 : 0));
    const placed =
      lanes < 1 ? null : packRows(requests, { lanes, min: 0, max: SHEET_WIDTH, gap: font * 0.8, pad: MARK_PAD });
    return placed ? { font, requests, placed } : null;
  };

  // Entry labels: the largest size that shows every entry, else as many as fit at the smallest.
  const everyone = entries.map((_, i) => i);
  let chosen: { font: number; requests: Request[]; placed: PackPlacement[] } | null = null;
  for (const font of ENTRY_FONTS) {
    chosen = pack(font, everyone, outsideEras);
    if (chosen) break;
  }
  if (!chosen) {
    const priority = priorityOrder(entries);
    // Eras first: the most of them that fit on their own, then entries by priority.
    let named = outsideEras;
    if (!pack(MIN_FONT, [], named)) {
      const order = evenOrder(outsideEras.length).map((k) => outsideEras[k]!);
      let lo = 0;
      let hi = order.length;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (pack(MIN_FONT, [], order.slice(0, mid))) lo = mid;
        else hi = mid - 1;
      }
      named = order.slice(0, lo);
    }
    let lo = 0;
    let hi = entries.length;
    let best = pack(MIN_FONT, [], named)!;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const tried = pack(MIN_FONT, priority.slice(0, mid), named);
      if (tried) {
        best = tried;
        lo = mid;
      } else hi = mid - 1;
    }
    chosen = best;
  }

  const line = chosen.font * LINE;
  const lanesAbove = chosen.placed.reduce((n, p) => (p.side === 'above' ? Math.max(n, p.lane + 1) : n), 0);
  const lanesBelow = chosen.placed.reduce((n, p) => (p.side === 'below' ? Math.max(n, p.lane + 1) : n), 0);
  const stripTop = EDGE + lanesAbove * line + LEADER_GAP;
  const bandsTop = stripTop + markFont + 6;
  const stripBottom = stripTop + stripHeight;
  const rowY = (p: PackPlacement) =>
    p.side === 'above' ? stripTop - LEADER_GAP - (p.lane + 1) * line : stripBottom + LEADER_GAP + p.lane * line;

  const labels: PosterLabel[] = [];
  const outsidePlaced = new Map<number, PosterRowLabel>();
  chosen.requests.forEach((request, k) => {
    const p = chosen.placed[k]!;
    const box = {
      from: request.from,
      to: request.to,
      x: p.x,
      y: rowY(p),
      width: request.width,
      side: p.side,
      at: p.at,
    };
    if (request.era !== undefined) outsidePlaced.set(request.era, box);
    else labels.push({ entry: request.entry!, ...box });
  });
  labels.sort((a, b) => a.entry - b.entry);

  const bands: PosterBand[] = [];
  let erasUnnamed = 0;
  boxes.forEach((box, era) => {
    if (!box) return;
    const y = bandsTop + box.row * rowPitch;
    const period = eras[era]!.period;
    const within = inside[era];
    const beside = outsidePlaced.get(era);
    if (!within && !beside) erasUnnamed++;
    bands.push({
      era,
      x: box.x,
      width: box.width,
      y,
      height: bandHeight,
      colour: era % ERA_COLOURS,
      openStart: period?.fromOpen ?? false,
      openEnd: period?.toOpen ?? false,
      label: within
        ? { inside: true, x: box.x + LEADER_PAD, y: y + bandHeight / 2, text: within }
        : beside
          ? { inside: false, ...beside }
          : null,
    });
  });

  const marks: PosterMark[] = timed
    ? niceTicks(scale.stretches, scale.scale, {
        width: SHEET_WIDTH,
        tickSize: markFont,
        formatTick: input.formatTick,
      }).map((tick) => ({ x: tick.x, text: tick.label }))
    : [];
  const height = Math.ceil(Math.min(SHEET_MAX_HEIGHT, stripBottom + LEADER_GAP + lanesBelow * line + EDGE));
  return {
    width: SHEET_WIDTH,
    height,
    entryFont: chosen.font,
    eraFont,
    markFont,
    stripTop,
    stripBottom,
    bands,
    marks,
    breaks: scale.breaks.map((b) => ({ x: b.x, width: b.width })),
    dots,
    units,
    labels,
    entriesHidden: entries.length - labels.length,
    erasUnnamed,
    erasNotDrawn,
    timed,
  };
}

/**
 * The share of the sheet that labels cover: a 12 × 8 grid laid over the
 * drawing, and the cells that hold some part of a label (its text or its
 * mark). A staircase of labels leaves half the cells empty; a sheet used
 * well fills most of them.
 */
export function labelCoverage(layout: PosterLayout): number {
  const cols = 12;
  const rows = 8;
  const cells = new Uint8Array(cols * rows);
  const line = layout.entryFont * LINE;
  const boxes = [
    ...layout.labels,
    ...layout.bands.flatMap((band) => (band.label && !band.label.inside ? [band.label] : [])),
  ];
  for (const box of boxes) {
    const x0 = Math.min(box.from, box.x);
    const x1 = Math.max(box.to, box.x + box.width);
    const c0 = Math.max(0, Math.floor((x0 / layout.width) * cols));
    const c1 = Math.min(cols - 1, Math.floor(((x1 - 0.01) / layout.width) * cols));
    const r0 = Math.max(0, Math.floor((box.y / layout.height) * rows));
    const r1 = Math.min(rows - 1, Math.floor(((box.y + line - 0.01) / layout.height) * rows));
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) cells[r * cols + c] = 1;
  }
  return cells.reduce((n, v) => n + v, 0) / cells.length;
}

/** A label's width: leader padding, title, a space and the date. */
export function labelWidth(entry: Pick<PosterEntryInput, 'title' | 'dateLabel'>, font: number): number {
  return LEADER_PAD + estimateWidth(labelText(entry), font) + 1;
}

/** A label's text: the title, a space and the date. */
function labelText(entry: Pick<PosterEntryInput, 'title' | 'dateLabel'>): string {
  return entry.dateLabel ? `${entry.title} ${entry.dateLabel}` : entry.title;
}

/** The longest a label may be, in ems: longer titles are cut with an ellipsis (the link keeps the whole title). */
export const MAX_LABEL_EMS = 32;

/** A title cut to fit {@link MAX_LABEL_EMS} with its date, or as it is. */
export function posterTitle(title: string, dateLabel: string): string {
  const budget = MAX_LABEL_EMS - estimateWidth(dateLabel, 1);
  if (estimateWidth(title, 1) <= budget) return title;
  let out = '';
  let ems = estimateWidth('…', 1);
  for (const ch of title) {
    ems += estimateWidth(ch, 1);
    if (ems > budget) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/**
 * Which entries a crowded sheet keeps, most wanted first: the first entry of
 * each era, then the first of each sub-period, then the rest, each tier
 * spread evenly through the note (bit-reversed order, so that any number of
 * them is an even sample). The sheet shows the longest prefix of this order
 * that fits.
 */
export function priorityOrder(entries: readonly PosterEntryInput[]): number[] {
  const taken = new Uint8Array(entries.length);
  const out: number[] = [];
  const take = (i: number) => {
    if (!taken[i]) {
      taken[i] = 1;
      out.push(i);
    }
  };
  const eraFirsts: number[] = [];
  const subFirsts: number[] = [];
  const seenEra = new Set<number>();
  const seenSub = new Set<string>();
  entries.forEach((entry, i) => {
    if (!seenEra.has(entry.era)) {
      seenEra.add(entry.era);
      eraFirsts.push(i);
    }
    if (entry.subperiod !== null && !seenSub.has(entry.subperiod)) {
      seenSub.add(entry.subperiod);
      subFirsts.push(i);
    }
  });
  // Each tier in an even order too, so that a partial tier is spread over the whole note.
  for (const k of evenOrder(eraFirsts.length)) take(eraFirsts[k]!);
  for (const k of evenOrder(subFirsts.length)) take(subFirsts[k]!);
  for (const i of evenOrder(entries.length)) take(i);
  return out;
}

/** `0 … n-1` in bit-reversed order: any prefix is spread evenly over the whole. */
export function evenOrder(n: number): number[] {
  const bits = Math.max(1, Math.ceil(Math.log2(n || 1)));
  const out: number[] = [];
  for (let k = 0; k < 1 << bits; k++) {
    const i = reverseBits(k, bits);
    if (i < n) out.push(i);
  }
  return out;
}

function reverseBits(value: number, bits: number): number {
  let out = 0;
  for (let b = 0; b < bits; b++) out = (out << 1) | ((value >> b) & 1);
  return out;
}

interface EntryTimes {
  /** Where each entry sits on the scale. */
  at: number[];
  /** The start and end of each entry's own unit (its year, month or day). */
  lo: number[];
  hi: number[];
  timed: boolean;
}

/**
 * Each entry's time: the unit its own date starts in (a year, a month, a
 * day), or the whole span of the sub-period or era it is dated by; entries
 * sharing one span spread through it in the note's order. An entry with no
 * date at all follows the one before it (or after it).
 */
function entryTimes(entries: readonly PosterEntryInput[]): EntryTimes {
  const n = entries.length;
  const lo: number[] = new Array(n).fill(NaN);
  const hi: number[] = new Array(n).fill(NaN);
  entries.forEach((entry, i) => {
    const point = entry.period?.start ?? entry.period?.end ?? null;
    if (!point) return;
    const bounds = periodBounds(entry.period);
    // A narrowed part of a unit (`early 20th century`) keeps its own bounds.
    lo[i] = entry.period?.start ? (bounds.lo ?? startTime(point)) : startTime(point);
    hi[i] = entry.ownDate ? Math.min(endTime(point), bounds.hi ?? Infinity) : (bounds.hi ?? endTime(point));
    if (!(hi[i]! > lo[i]!)) hi[i] = lo[i]! + 1;
  });
  const timed = lo.some((v) => !Number.isNaN(v));
  if (!timed) {
    for (let i = 0; i < n; i++) [lo[i], hi[i]] = [i, i + 1];
  } else {
    let last = -1;
    for (let i = 0; i < n; i++) {
      if (!Number.isNaN(lo[i]!)) last = i;
      else if (last >= 0) [lo[i], hi[i]] = [lo[last]!, hi[last]!];
    }
    let next = -1;
    for (let i = n - 1; i >= 0; i--) {
      if (Number.isNaN(lo[i]!)) [lo[i], hi[i]] = [lo[next]!, hi[next]!];
      else next = i;
    }
  }
  // Spread entries that share one unit through it, in the note's order.
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const key = `${lo[i]}|${hi[i]}`;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  }
  const at: number[] = new Array(n);
  for (const group of groups.values()) {
    group.forEach((i, k) => (at[i] = lo[i]! + ((k + 0.5) / group.length) * (hi[i]! - lo[i]!)));
  }
  return { at, lo, hi, timed };
}

interface EraSpan {
  lo: number;
  hi: number;
  /** The era's own period closes this side; else it comes from its entries. */
  closedLo: boolean;
  closedHi: boolean;
}

/** Each era's span: its period, else what its entries cover, else its neighbour's end. */
function eraSpans(eras: readonly PosterEraInput[], entries: readonly PosterEntryInput[], times: EntryTimes): EraSpan[] {
  const covered = eras.map(() => ({ lo: Infinity, hi: -Infinity }));
  entries.forEach((entry, i) => {
    const c = covered[entry.era];
    if (!c) return;
    c.lo = Math.min(c.lo, times.lo[i]!);
    c.hi = Math.max(c.hi, times.hi[i]!);
  });
  let previousEnd = times.timed ? Math.min(...times.lo.slice(0, 1)) : 0;
  return eras.map((era, i) => {
    const bounds = times.timed ? periodBounds(era.period) : { lo: null, hi: null };
    const c = covered[i]!;
    const lo = bounds.lo ?? (Number.isFinite(c.lo) ? c.lo : previousEnd);
    const hi = bounds.hi ?? (Number.isFinite(c.hi) ? c.hi : lo);
    if (Number.isFinite(hi)) previousEnd = hi;
    return {
      lo,
      hi: Math.max(lo, hi),
      closedLo: bounds.lo !== null || !era.period?.fromOpen,
      closedHi: bounds.hi !== null || !era.period?.toOpen,
    };
  });
}
