/**
 * The poster's time scale: time runs left to right, and the scale stretches
 * where entries crowd. A position is a blend of linear time (so long empty
 * stretches still look long) and the entries' rank (so 30 entries in one
 * year get room to be read); the year marks drawn on the axis show where the
 * scale stretches. Monotone, so nothing is drawn out of order.
 */

/** How much of the width follows linear time; the rest follows the entries' rank. */
export const LINEAR_SHARE = 0.25;

/** A time scale over `[t0, t1]` onto `[0, 1]`. */
export interface TimeScale {
  /** Earliest time on the scale (years, fractions for months and days). */
  t0: number;
  /** Latest time on the scale. */
  t1: number;
  /** Where a time falls, from 0 to 1. */
  at(t: number): number;
}

/**
 * A scale for entries at the given sorted times. With no span (every entry
 * in one instant, or none dated) the scale is the entries' rank alone.
 */
export function timeScale(sortedTimes: readonly number[], t0: number, t1: number): TimeScale {
  const n = sortedTimes.length;
  const span = t1 - t0;
  const linear = span > 0 ? LINEAR_SHARE : 0;
  /** Fraction of entries before `t`, ties counting half. */
  const rank = (t: number): number => {
    if (n === 0) return span > 0 ? (t - t0) / span : 0.5;
    const below = lowerBound(sortedTimes, t);
    let equal = below;
    while (equal < n && sortedTimes[equal] === t) equal++;
    return (below + (equal - below) / 2) / n;
  };
  return {
    t0,
    t1,
    at: (t) => linear * (span > 0 ? (t - t0) / span : 0) + (1 - linear) * rank(t),
  };
}

/** First index whose value is not below `value`, in a sorted array. */
export function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Steps between year marks, from coarse to fine. */
const STEPS = [1000, 500, 100, 50, 10, 5, 1];

/**
 * Years worth marking between t0 and t1 (astronomical), coarse steps first:
 * every millennium before every century, and so on, so that a greedy
 * placement of their labels keeps the round years. Round as a reader counts:
 * 500 BC (astronomical -499), not 501 BC. At most `limit` per step.
 */
export function markCandidates(t0: number, t1: number, limit = 4000): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  // Historical numbering: …, 2 BC = -2, 1 BC = -1, AD 1 = 1 (no year 0).
  const historical = (year: number) => (year <= 0 ? year - 1 : year);
  const astronomical = (year: number) => (year < 0 ? year + 1 : year);
  const h0 = historical(t0);
  const h1 = historical(t1);
  for (const step of STEPS) {
    const first = Math.ceil(h0 / step) * step;
    if ((h1 - first) / step > limit) continue;
    for (let year = first; year <= h1; year += step) {
      if (year === 0) continue;
      const astro = astronomical(year);
      if (seen.has(astro)) continue;
      seen.add(astro);
      out.push(astro);
    }
  }
  return out;
}
