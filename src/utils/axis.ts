import type { PeriodData } from '../schemas/timeline.ts';
import { periodBounds } from '../timeline/period.ts';
import type { SiteTimeline } from './timeline.ts';

/**
 * Where a period sits on the axis's scale of years (BCE and CE alike,
 * months and days as fractions): its start, else its end.
 * `1969-07-20` → 1969.55, `490 BC` → -489.
 */
export function periodTime(period: PeriodData | null): number | null {
  const { lo, hi } = periodBounds(period);
  return lo ?? (hi === null ? null : (period?.to ?? hi));
}

/** What the axis needs of one era. */
export interface AxisEra {
  slug: string;
  ordinal: number;
  name: string;
  period: PeriodData | null;
  /**
   * Each entry's own time on the scale of {@link periodTime} (a year, with
   * months and days as fractions), or null when dated only by its era.
   */
  entryYears: Array<number | null>;
}

/** A tick: one or more entries at one place. */
export interface AxisTick {
  x: number;
  /** How many entries fall on this tick. */
  count: number;
}

/** One chapter's segment of the axis. */
export interface AxisSegment {
  slug: string;
  ordinal: number;
  x: number;
  width: number;
  /** The era's name when it fits inside the band, else null. */
  name: string | null;
  /** The period label when it fits under the band, else a shorter one or null. */
  label: string | null;
  openStart: boolean;
  openEnd: 'ongoing' | 'unknown' | false;
  ticks: AxisTick[];
}

export interface AxisLayoutOptions {
  /** Width of the drawing in SVG units. */
  width: number;
  /** Font size of era names, in SVG units. */
  nameSize: number;
  /** Font size of period labels, in SVG units. */
  labelSize: number;
  /** Gap between segments. */
  gap: number;
  /** Ticks closer than this merge into one taller tick. */
  tickBin: number;
  /** Period labels, from long to short, to try under each band. */
  labels: (period: PeriodData | null) => string[];
}

/**
 * Lays out the axis with one segment per chapter, in the note's order, so
 * that crowded years (2022–2025) get as much room as empty decades and
 * overlapping eras never hide each other. A segment's width grows with the
 * square root of its entry count; names and labels are shown only where they
 * fit, so they cannot collide. Linear in eras + entries.
 */
export function layoutAxis(eras: readonly AxisEra[], options: AxisLayoutOptions): AxisSegment[] {
  const { width, gap } = options;
  const usable = Math.max(0, width - gap * Math.max(0, eras.length - 1));
  const weights = eras.map((era) => 1 + Math.sqrt(era.entryYears.length));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  // Give each segment room for its name first, when the whole axis can afford it.
  const wanted = eras.map((era) => textWidth(era.name, options.nameSize) + options.nameSize);
  const wantedTotal = wanted.reduce((a, b) => a + b, 0);
  const floor = wantedTotal <= usable * 0.8 ? wanted : eras.map(() => 0);
  const floorTotal = floor.reduce((a, b) => a + b, 0);
  const spare = usable - floorTotal;

  let x = 0;
  return eras.map((era, i) => {
    const segmentWidth = floor[i]! + (spare * weights[i]!) / total;
    const segment: AxisSegment = {
      slug: era.slug,
      ordinal: era.ordinal,
      x,
      width: segmentWidth,
      name: fits(era.name, options.nameSize, segmentWidth) ? era.name : null,
      label: options.labels(era.period).find((label) => fits(label, options.labelSize, segmentWidth)) ?? null,
      openStart: era.period?.fromOpen ?? false,
      openEnd: era.period?.toOpen ?? false,
      ticks: ticks(era, x, segmentWidth, options.tickBin),
    };
    x += segmentWidth + gap;
    return segment;
  });
}

/** Entries with years sit at their year within the era's span; the rest spread evenly, in order. */
function ticks(era: AxisEra, x: number, width: number, bin: number): AxisTick[] {
  const years = era.entryYears.filter((y): y is number => y !== null);
  // Whole years as before; once an entry has a month or day, the era's last year counts to its end.
  const fractional = years.some((y) => !Number.isInteger(y));
  const span = periodBounds(era.period);
  const lo = Math.min(span.lo ?? Infinity, ...years);
  const hi = Math.max(span.hi === null ? -Infinity : fractional ? span.hi : span.hi - 1, ...years);
  const range = Number.isFinite(lo) && Number.isFinite(hi) ? hi - lo : 0;
  const inset = Math.min(8, width / 4);
  const inner = Math.max(0, width - inset * 2);
  const n = era.entryYears.length;
  const bins = new Map<number, number>();
  era.entryYears.forEach((year, i) => {
    const t = year !== null && range > 0 ? (year - lo) / range : n === 1 ? 0.5 : i / (n - 1);
    const at = x + inset + t * inner;
    const key = Math.round(at / bin);
    bins.set(key, (bins.get(key) ?? 0) + 1);
  });
  return [...bins].map(([key, count]) => ({ x: Math.min(x + width - inset, Math.max(x + inset, key * bin)), count }));
}

/** Whether text fits in a width, with a little padding. */
function fits(text: string, size: number, width: number): boolean {
  return text.length > 0 && textWidth(text, size) + size * 0.5 <= width;
}

/**
 * Estimated rendered width: no font is at hand at build time, so count wide
 * (CJK, full-width) characters as 1em and others as 0.6em, which errs wide.
 */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) {
    em += /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u.test(ch)
      ? 1
      : 0.6;
  }
  return em * size;
}

/** The axis's view of the timeline: each era with its entries' own years. */
export function axisEras(timeline: SiteTimeline): AxisEra[] {
  // Every era page draws the axis: compute it once per build, not once per page.
  let eras = axisCache.get(timeline);
  if (!eras) axisCache.set(timeline, (eras = computeAxisEras(timeline)));
  return eras;
}

const axisCache = new WeakMap<SiteTimeline, AxisEra[]>();

function computeAxisEras(timeline: SiteTimeline): AxisEra[] {
  return timeline.eras.map((era) => ({
    slug: era.id,
    ordinal: era.data.ordinal,
    name: era.data.name || era.data.heading,
    period: era.data.period,
    entryYears: (timeline.entriesByEra.get(era.id) ?? []).map(({ data }) =>
      data.dateSource === 'title' || data.dateSource === 'heading' || data.dateSource === 'subperiod'
        ? periodTime(data.date)
        : null,
    ),
  }));
}

/**
 * The chapters around one, for the small axis on an era page: a page must
 * not carry a copy of the whole timeline, however many chapters it has.
 */
export function axisWindow(eras: AxisEra[], current: string, size = 9): AxisEra[] {
  if (eras.length <= size) return eras;
  const at = eras.findIndex((era) => era.slug === current);
  const start = Math.min(Math.max(0, at - Math.floor(size / 2)), eras.length - size);
  return eras.slice(start, start + size);
}
