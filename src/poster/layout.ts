/**
 * The poster: the whole timeline laid out on one landscape sheet, at build
 * time, in SVG units (1000 across). Pure: strings come in formatted, and
 * geometry comes out for `components/Poster.astro` to draw.
 *
 * From the top: era labels that do not fit in their band, the era bands (an
 * era overlapping another in time takes a second row, so neither hides the
 * other), the year marks, the axis with one dot per entry, and the entries'
 * labels in lanes below it, each joined to its dot by a leader.
 *
 * When every entry cannot be shown at the smallest legible size, the sheet
 * shows as many as fit, chosen by {@link priorityOrder}, and says how many
 * it left out. Never a silent cut, never a smaller font.
 */
import type { PeriodData } from '../schemas/timeline.ts';
import { endTime, startTime } from '../timeline/dates.ts';
import { periodBounds } from '../timeline/period.ts';
import { Lane, packLabels, type LabelPlacement } from './lanes.ts';
import { estimateWidth } from './measure.ts';
import { markCandidates, timeScale } from './scale.ts';

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
/** Era label sizes to try. */
const ERA_FONTS = [11, 10, MIN_FONT];
const EDGE = 6;
const LINE = 1.3;
const BAND_HEIGHT = 20;
const ROW_GAP = 3;
const MARK_ROW = 14;
const LEADER_PAD = 3;
/** At most this share of the sheet's height goes to era labels that do not fit in their bands. */
const ERA_LABEL_SHARE = 0.35;
/** At most this share goes to the rows of era bands: many eras overlapping in time get thinner bands, not a longer sheet. */
const BAND_SHARE = 0.25;

/** One era, as the poster needs it. */
export interface PosterEraInput {
  id: string;
  /** The era's label: name, period and entry count, as drawn. */
  label: string;
  /** Its name alone, drawn inside a band too short for the whole label. */
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
  /** A year as the note's language writes it (`490 BC`, `公元前490年`). */
  formatYear: (year: number) => string;
}

/** An era's band, and where its label went. */
export interface PosterBand {
  era: number;
  x: number;
  width: number;
  y: number;
  height: number;
  /** The start is open (`2021 and before`): the band fades in. */
  openStart: boolean;
  /** The end is ongoing or unknown. */
  openEnd: 'ongoing' | 'unknown' | false;
  /**
   * The label, or null when there was no room to name this era (counted in
   * `erasUnnamed`). `short`: only the era's name is drawn, inside its band.
   */
  label: { x: number; y: number; inside: boolean; short: boolean; leaderTop: number | null } | null;
}

/** A year mark on the axis. */
export interface PosterMark {
  x: number;
  text: string;
}

/** A shown entry: its dot, its leader and its label box. */
export interface PosterLabel {
  entry: number;
  /** The dot on the axis and the leader's x. */
  anchor: number;
  /** The label's box. */
  x: number;
  y: number;
  width: number;
}

export interface PosterLayout {
  width: number;
  height: number;
  entryFont: number;
  eraFont: number;
  markFont: number;
  /** The axis line's y. */
  axisY: number;
  bands: PosterBand[];
  marks: PosterMark[];
  /** Every entry's dot, shown or not, by entry index. */
  dots: number[];
  /** Shown entries, in the note's order. */
  labels: PosterLabel[];
  /** Entries not shown for want of room. */
  entriesHidden: number;
  /** Eras drawn but not named for want of room. */
  erasUnnamed: number;
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
  const order = entries.map((_, i) => i).sort((a, b) => times.at[a]! - times.at[b]! || a - b);
  const sorted = order.map((i) => times.at[i]!);

  const spans = eraSpans(eras, entries, times);
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
  const scale = timeScale(sorted, t0, t1);
  const left = EDGE;
  // The axis stops short of the right edge by as much as the last labels need:
  // every label starts at its dot and reads to the right.
  let right = SHEET_WIDTH - EDGE;
  entries.forEach((_, i) => {
    const share = scale.at(times.at[i]!);
    const width = LEADER_PAD + ems[i]! * ENTRY_FONTS[0]! + 1;
    if (share > 0) right = Math.min(right, left + (SHEET_WIDTH - EDGE - width - left) / share);
  });
  right = Math.max(right, SHEET_WIDTH / 2);
  const x = (t: number) => left + (right - left) * scale.at(Math.min(t1, Math.max(t0, t)));
  const dots = entries.map((_, i) => x(times.at[i]!));

  // Era bands, in rows: an era overlapping another goes to the next free row.
  const rows: Lane[] = [];
  const bandBoxes = spans.map((span, era) => {
    // An open start runs from the sheet's left edge; an ongoing or unknown end to its right edge.
    const x0 = span.closedLo ? x(span.lo) : left;
    const x1 = span.closedHi ? x(span.hi) : SHEET_WIDTH - EDGE;
    const width = Math.max(4, x1 - x0);
    // Bands that only touch share a row.
    let row = rows.findIndex((lane) => lane.isFree(x0 + 0.5, x0 + width - 0.5, 0));
    if (row < 0) row = rows.push(new Lane()) - 1;
    rows[row]!.add(x0, x0 + width);
    return { era, x: x0, width, row };
  });

  // Rows of bands: thinner when many eras overlap, so that the axis and the entries stay on the sheet.
  const rowCount = Math.max(1, rows.length);
  const rowPitch = Math.min(BAND_HEIGHT + ROW_GAP, (SHEET_MAX_HEIGHT * BAND_SHARE) / rowCount);
  const bandHeight = rowPitch - Math.min(ROW_GAP, rowPitch * 0.2);

  // Era labels: inside the band where they fit, else in lanes above the bands.
  const maxEraLanes = Math.max(1, Math.floor((SHEET_MAX_HEIGHT * ERA_LABEL_SHARE) / (MIN_FONT * LINE)));
  let eraFont = MIN_FONT;
  let eraPlacement: EraLabels | null = null;
  for (const font of ERA_FONTS) {
    eraPlacement = placeEraLabels(
      bandBoxes,
      eras,
      font,
      Math.floor((SHEET_MAX_HEIGHT * ERA_LABEL_SHARE) / (font * LINE)),
      bandHeight,
    );
    eraFont = font;
    if (eraPlacement.unnamed === 0) break;
  }
  eraPlacement ??= placeEraLabels(bandBoxes, eras, MIN_FONT, maxEraLanes, bandHeight);
  const eraLine = eraFont * LINE;
  const eraLabelHeight = eraPlacement.lanes * eraLine;
  const bandsTop = EDGE + eraLabelHeight + (eraPlacement.lanes > 0 ? 4 : 0);
  const bands: PosterBand[] = bandBoxes.map((box) => {
    const y = bandsTop + box.row * rowPitch;
    const placed = eraPlacement.labels[box.era];
    const period = eras[box.era]!.period;
    return {
      era: box.era,
      x: box.x,
      width: box.width,
      y,
      height: bandHeight,
      openStart: period?.fromOpen ?? false,
      openEnd: period?.toOpen ?? false,
      label:
        placed === undefined || placed === null
          ? null
          : placed === 'inside' || placed === 'name'
            ? { x: box.x + LEADER_PAD, y: y + bandHeight / 2, inside: true, short: placed === 'name', leaderTop: null }
            : {
                x: placed.x,
                y: bandsTop - 4 - (placed.lane + 0.5) * eraLine,
                inside: false,
                short: false,
                leaderTop: bandsTop - 4 - (placed.lane + 1) * eraLine + eraLine * 0.2,
              },
    };
  });
  const marksY = bandsTop + rowCount * rowPitch + MARK_ROW - 3;
  const axisY = marksY + 6;

  // Year marks: round years first, each where its label has room.
  const markFont = MIN_FONT;
  const marks: PosterMark[] = [];
  if (timed) {
    const row = new Lane();
    for (const year of markCandidates(Math.ceil(t0), Math.floor(t1))) {
      // Round years as a reader counts them: 500 BC is astronomical -499.
      const text = input.formatYear(year);
      const at = x(year);
      const half = estimateWidth(text, markFont) / 2;
      if (at - half < 0 || at + half > SHEET_WIDTH) continue;
      if (!row.isFree(at - half, at + half, markFont)) continue;
      row.add(at - half, at + half);
      marks.push({ x: at, text });
    }
    marks.sort((a, b) => a.x - b.x);
  }

  // Entry labels: the largest size that shows every entry, else as many as fit at the smallest.
  const lanesTop = axisY + 8;
  const room = SHEET_MAX_HEIGHT - EDGE - lanesTop;
  let chosen: { font: number; shown: number[]; placements: LabelPlacement[] } | null = null;
  for (const font of ENTRY_FONTS) {
    const lanes = Math.floor(room / (font * LINE));
    const all = order;
    const placements = packEntries(all, font, lanes, ems, dots);
    if (placements) {
      chosen = { font, shown: all, placements };
      break;
    }
  }
  if (!chosen) {
    const font = MIN_FONT;
    const lanes = Math.floor(room / (font * LINE));
    const priority = priorityOrder(entries);
    const rankOf = new Int32Array(entries.length);
    order.forEach((entry, rank) => (rankOf[entry] = rank));
    const subset = (k: number) => priority.slice(0, k).sort((a, b) => rankOf[a]! - rankOf[b]!);
    let lo = 0;
    let hi = entries.length - 1;
    let best: { shown: number[]; placements: LabelPlacement[] } = { shown: [], placements: [] };
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const shown = subset(mid);
      const placements = packEntries(shown, font, lanes, ems, dots);
      if (placements) {
        best = { shown, placements };
        lo = mid;
      } else hi = mid - 1;
    }
    chosen = { font, ...best };
  }
  const line = chosen.font * LINE;
  let lanesUsed = 0;
  const labels: PosterLabel[] = chosen.shown.map((entry, i) => {
    const placement = chosen.placements[i]!;
    lanesUsed = Math.max(lanesUsed, placement.lane + 1);
    return {
      entry,
      anchor: dots[entry]!,
      x: placement.x,
      y: lanesTop + placement.lane * line,
      width: LEADER_PAD + ems[entry]! * chosen.font + 1,
    };
  });
  labels.sort((a, b) => a.entry - b.entry);
  const height = Math.ceil(Math.min(SHEET_MAX_HEIGHT, lanesTop + lanesUsed * line + EDGE));
  return {
    width: SHEET_WIDTH,
    height,
    entryFont: chosen.font,
    eraFont,
    markFont,
    axisY,
    bands,
    marks,
    dots,
    labels,
    entriesHidden: entries.length - labels.length,
    erasUnnamed: eraPlacement.unnamed,
    timed,
  };
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

function packEntries(
  shown: readonly number[],
  font: number,
  lanes: number,
  ems: readonly number[],
  dots: readonly number[],
): LabelPlacement[] | null {
  if (lanes < 1) return shown.length === 0 ? [] : null;
  const requests = shown.map((i) => ({ anchor: dots[i]!, width: LEADER_PAD + ems[i]! * font + 1 }));
  return packLabels(requests, { lanes, min: 0, max: SHEET_WIDTH, gap: font * 0.5, clearance: 1 });
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

interface EraLabels {
  /** Per era: inside its band, its name alone inside, placed in a lane above, or null (not named). */
  labels: Array<'inside' | 'name' | LabelPlacement | null>;
  lanes: number;
  unnamed: number;
}

function placeEraLabels(
  boxes: ReadonlyArray<{ era: number; x: number; width: number; row: number }>,
  eras: readonly PosterEraInput[],
  font: number,
  maxLanes: number,
  bandHeight: number,
): EraLabels {
  const labels: EraLabels['labels'] = eras.map(() => null);
  const outside: number[] = [];
  /** Eras that could only show their name inside the band, if the lanes above have no room. */
  const nameOnly = new Set<number>();
  let unplaceable = 0;
  const inBand = (text: string, box: { width: number }) =>
    font + 2 <= bandHeight && LEADER_PAD + estimateWidth(text, font) + LEADER_PAD <= box.width;
  for (const box of boxes) {
    const era = eras[box.era]!;
    const width = LEADER_PAD + estimateWidth(era.label, font) + LEADER_PAD;
    const name = era.name && era.name !== era.label && inBand(era.name, box);
    if (inBand(era.label, box)) labels[box.era] = 'inside';
    // A label above the bands is joined to its band by a leader: only a band
    // of the first row has nothing between it and the labels. A label must
    // also fit between its band's start and the sheet's right edge.
    else if (box.row === 0 && box.x + 1 + width <= SHEET_WIDTH) {
      outside.push(box.era);
      if (name) nameOnly.add(box.era);
    } else if (name) labels[box.era] = 'name';
    else unplaceable++;
  }
  const anchorOf = (era: number) => boxes[era]!.x + 1;
  outside.sort((a, b) => anchorOf(a) - anchorOf(b) || a - b);
  const request = (era: number) => ({
    anchor: anchorOf(era),
    width: LEADER_PAD + estimateWidth(eras[era]!.label, font) + 1,
  });
  const options = { lanes: maxLanes, min: 0, max: SHEET_WIDTH, gap: font * 0.5, clearance: 1 };
  let named = outside;
  let placements = packLabels(named.map(request), options);
  if (!placements) {
    // Not every era can be named: keep the first, then an even sample, as for entries.
    const priority = evenOrder(outside.length).map((k) => outside[k]!);
    let lo = 0;
    let hi = outside.length - 1;
    named = [];
    placements = [];
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const subset = priority.slice(0, mid).sort((a, b) => anchorOf(a) - anchorOf(b) || a - b);
      const tried = packLabels(subset.map(request), options);
      if (tried) {
        named = subset;
        placements = tried;
        lo = mid;
      } else hi = mid - 1;
    }
  }
  let lanes = 0;
  named.forEach((era, k) => {
    labels[era] = placements[k]!;
    lanes = Math.max(lanes, placements[k]!.lane + 1);
  });
  // Those the lanes had no room for show their name inside the band, where it fits.
  let left = 0;
  for (const era of outside) {
    if (labels[era] !== null) continue;
    if (nameOnly.has(era)) labels[era] = 'name';
    else left++;
  }
  return { labels, lanes, unnamed: unplaceable + left };
}
