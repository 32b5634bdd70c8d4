/**
 * Labelled ticks for the axis: round values chosen for the span, as a
 * reader counts them (500 BC, not 501 BC; there is no year 0), and months
 * when the whole axis covers only a year or two. The finest step whose
 * labels all fit without touching wins; a stretch after a break that gets
 * no round value is labelled at its start.
 */
import { estimateWidth } from '../poster/measure.ts';
import type { AxisStretch, AxisTick } from './layout.ts';

/** A tick's unit: a year, a month, or a month that also names its year (January, or the first month drawn). */
export type TickUnit = 'year' | 'month' | 'month-year';

export interface TickOptions {
  width: number;
  tickSize: number;
  formatTick: (year: number, unit: TickUnit, month: number) => string;
}

/** Steps between year ticks, in years. */
const YEAR_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000, 50_000];
/** Steps between month ticks, in months. */
const MONTH_STEPS = [1, 2, 3, 6];
/** Space kept between two labels. */
const GAP = 8;

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

interface Candidate {
  x: number;
  label: string;
}

/** The ticks of the axis, in order, none of whose labels touch. */
export function niceTicks(stretches: readonly AxisStretch[], scale: number, options: TickOptions): AxisTick[] {
  // A step fits when its labels are disjoint, but for one or two at each break, where round values of two stretches meet.
  const fits = (ticks: Candidate[]) => {
    if (ticks.length === 0) return false;
    const kept = thin(ticks, options);
    if (ticks.length - kept.length > 2 * (stretches.length - 1)) return false;
    ticks.splice(0, ticks.length, ...kept);
    return true;
  };
  let best: Candidate[] | null = null;
  // Months, when years alone would leave the axis with fewer than three labels.
  const years = stretches.reduce((n, s) => n + (s.hi - s.lo), 0);
  if (years <= 3) {
    for (const step of MONTH_STEPS) {
      const ticks = monthTicks(stretches, scale, step, options);
      if (fits(ticks)) {
        best = ticks;
        break;
      }
    }
  }
  if (!best) {
    for (const step of YEAR_STEPS) {
      if (years / step > options.width / 4) continue;
      const ticks = yearTicks(stretches, scale, step, options);
      if (fits(ticks)) {
        best = ticks;
        break;
      }
    }
  }
  let chosen = best ?? [];
  // Where BC turns to AD, when the scale crosses it and there is room: AD 1 (there is no year 0).
  const turn = stretches.find((s) => s.lo < 1 && 1 <= s.hi);
  if (turn && !chosen.some((t) => t.label === options.formatTick(1, 'year', 1))) {
    const ad: Candidate = { x: turn.x + (1 - turn.lo) * scale, label: options.formatTick(1, 'year', 1) };
    const all = [...chosen, ad].sort((a, b) => a.x - b.x);
    if (thin(all, options).length === all.length) chosen = all;
  }
  // A stretch without a label of its own is labelled at its start: a reader must see where each part of the axis begins.
  for (const s of stretches) {
    if (chosen.some((t) => t.x >= s.x - 0.5 && t.x <= s.x + s.width + 0.5)) continue;
    const start: Candidate = { x: s.x, label: options.formatTick(Math.floor(s.lo), 'year', 1) };
    const [lo, hi] = labelBox(start.x, start.label, options);
    chosen = [
      ...chosen.filter((t) => {
        const [a, b] = labelBox(t.x, t.label, options);
        return b + GAP <= lo || a >= hi + GAP;
      }),
      start,
    ].sort((a, b) => a.x - b.x);
  }
  return chosen.map((t) => ({ x: t.x, label: t.label }));
}

/** Historical year (…, -2 = 2 BC, -1 = 1 BC, 1 = AD 1) of an astronomical one, and back. */
const historical = (year: number) => (year <= 0 ? year - 1 : year);
const astronomical = (year: number) => (year < 0 ? year + 1 : year);

function yearTicks(stretches: readonly AxisStretch[], scale: number, step: number, options: TickOptions): Candidate[] {
  const out: Candidate[] = [];
  for (const s of stretches) {
    const first = Math.ceil(historical(Math.ceil(s.lo)) / step) * step;
    // A stretch before a break ends where the break begins: its last year is not a round value to mark.
    const last = s === stretches[stretches.length - 1] ? s.hi : s.hi - 1e-9;
    for (let h = first; astronomical(h) <= last; h += step) {
      if (h === 0) continue;
      const t = astronomical(h);
      if (t < s.lo) continue;
      out.push({ x: s.x + (t - s.lo) * scale, label: options.formatTick(t, 'year', 1) });
    }
  }
  return out;
}

function monthTicks(stretches: readonly AxisStretch[], scale: number, step: number, options: TickOptions): Candidate[] {
  const out: Candidate[] = [];
  for (const s of stretches) {
    for (let year = Math.floor(s.lo); year <= s.hi; year++) {
      for (let month = 1; month <= 12; month += step) {
        const t = year + DAYS_BEFORE_MONTH[month - 1]! / 365;
        if (t < s.lo || t > s.hi) continue;
        const unit: TickUnit = month === 1 || out.length === 0 ? 'month-year' : 'month';
        out.push({ x: s.x + (t - s.lo) * scale, label: options.formatTick(year, unit, month) });
      }
    }
  }
  return out;
}

/** The ticks whose labels do not touch the label kept before them. */
function thin(ticks: readonly Candidate[], options: TickOptions): Candidate[] {
  const kept: Candidate[] = [];
  let end = -Infinity;
  for (const tick of ticks) {
    const [lo, hi] = labelBox(tick.x, tick.label, options);
    if (lo < end + GAP) continue;
    kept.push(tick);
    end = hi;
  }
  return kept;
}

/** Where a tick's label is drawn: centred on it, shifted inside the drawing at the edges. */
export function labelBox(x: number, label: string, options: Pick<TickOptions, 'width' | 'tickSize'>): [number, number] {
  const w = estimateWidth(label, options.tickSize);
  const lo = Math.min(Math.max(0, x - w / 2), options.width - w);
  return [lo, lo + w];
}
