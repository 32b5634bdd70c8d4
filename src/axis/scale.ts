/**
 * A time scale drawn true: the same units per year all along, except across
 * the longest stretches where nothing happens, which are cut out and drawn
 * as breaks of a fixed width. Shared by the index's axis and the poster.
 */

/** A stretch drawn to scale: years `[lo, hi]` at `[x, x + width]`. */
export interface ScaleStretch {
  lo: number;
  hi: number;
  x: number;
  width: number;
}

/** A long empty stretch cut out of the scale: `[x, x + width]`, from year `from` to year `to`. */
export interface ScaleBreak {
  x: number;
  width: number;
  from: number;
  to: number;
}

export interface BrokenScale {
  stretches: ScaleStretch[];
  breaks: ScaleBreak[];
  /** Units per year, the same in every stretch. */
  scale: number;
  /** Where a time falls, from `x0` to `x0 + width`; a time inside a break falls across it in proportion. */
  x(t: number): number;
}

export interface BrokenScaleOptions {
  /** Where the scale starts, and how wide it is. */
  x0: number;
  width: number;
  /** Width a break takes. */
  breakWidth: number;
  /** An empty stretch longer than this share of the whole span becomes a break. */
  breakShare: number;
  /** At most this many breaks (the longest): beyond, the scale would say more about the cuts than about time. */
  maxBreaks?: number;
}

/**
 * The scale over `[lo, hi]` for what happens at the `busy` intervals of
 * time (an era's start or end, an entry's year). Empty stretches longer than
 * `breakShare` of the whole, at most `maxBreaks` of them, are cut out.
 */
export function brokenScale(
  busy: ReadonlyArray<readonly [number, number]>,
  lo: number,
  hi: number,
  options: BrokenScaleOptions,
): BrokenScale {
  const { x0, width, breakWidth, breakShare, maxBreaks = 3 } = options;
  if (!(hi > lo)) hi = lo + 1;
  const whole = hi - lo;
  const sorted = [...busy].filter(([a, b]) => b >= lo && a <= hi).sort((a, b) => a[0] - b[0]);
  const gaps: Array<[number, number]> = [];
  let reach = lo;
  for (const [from, to] of sorted) {
    if (from - reach > breakShare * whole) gaps.push([reach, from]);
    reach = Math.max(reach, to);
  }
  const cuts = gaps
    .sort((a, b) => b[1] - b[0] - (a[1] - a[0]))
    .slice(0, maxBreaks)
    .sort((a, b) => a[0] - b[0]);
  const years = whole - cuts.reduce((n, [from, to]) => n + (to - from), 0);
  const scale = (width - cuts.length * breakWidth) / years;
  const stretches: ScaleStretch[] = [];
  const breaks: ScaleBreak[] = [];
  let at = x0;
  let start = lo;
  for (const [from, to] of [...cuts, [hi, hi] as [number, number]]) {
    stretches.push({ lo: start, hi: from, x: at, width: (from - start) * scale });
    at += (from - start) * scale;
    if (to > from) {
      breaks.push({ x: at, width: breakWidth, from, to });
      at += breakWidth;
    }
    start = to;
  }
  const x = (t: number): number => {
    for (const [i, s] of stretches.entries()) {
      if (t <= s.hi) return s.x + Math.max(0, t - s.lo) * scale;
      const cut = breaks[i];
      if (cut && t < cut.to) return cut.x + ((t - cut.from) / (cut.to - cut.from)) * cut.width;
    }
    const last = stretches[stretches.length - 1]!;
    return last.x + last.width;
  };
  return { stretches, breaks, scale, x };
}
