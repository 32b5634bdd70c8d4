/**
 * Labels in rows on both sides of the poster's strip of eras, each row a
 * track of the same time scale: an entry is drawn in its row at its own
 * date (a dot for a day, a bar as long as its year, decade or century) with
 * its label beside it, so nothing needs a leader and nothing can cross.
 * Rows are filled by interval packing, nearest the strip first, alternately
 * below and above: a label takes the first row where its mark and text are
 * free: on its bar, from the bar's start; else right of its mark; else left
 * of it, where the sheet's right edge or its neighbours leave no room. A row is used again as soon as the
 * labels before it end, so a crowd spreads over the sheet instead of
 * climbing a staircase. First fit in the order of the marks: O(n · rows · log n).
 */
import { Lane } from './lanes.ts';

/** One label to place. */
export interface PackRequest {
  /** The mark's extent on the scale: `[from, to]` (equal for a dot). */
  from: number;
  to: number;
  /** The text's width, beside the mark. */
  width: number;
}

/** Where a label went: row `lane` (0 next to the strip) on `side`; its text at `[x, x + width]`, right or left of its mark. */
export interface PackPlacement {
  side: 'above' | 'below';
  lane: number;
  x: number;
  /** The text reads right of the mark (`after`), ends at its left (`before`), or stands on it (`over`, a bar). */
  at: 'after' | 'before' | 'over';
}

export interface PackOptions {
  /** Rows above and below together. */
  lanes: number;
  /** The sheet's edges. */
  min: number;
  max: number;
  /** Space kept between two boxes of a row. */
  gap: number;
  /** Space between a mark and its text. */
  pad: number;
}

/** Places labels sorted by their marks' start; null when some label finds no row (the caller then shows fewer). */
export function packRows(requests: readonly PackRequest[], options: PackOptions): PackPlacement[] | null {
  const { lanes, min, max, gap, pad } = options;
  const rows = { below: [] as Lane[], above: [] as Lane[] };
  const out: PackPlacement[] = [];
  let previous = -Infinity;
  for (const { from, to, width } of requests) {
    if (from < previous) throw new RangeError('packRows: requests must be sorted by their start');
    previous = from;
    // A bar (a year, a decade…) carries its text on it, from its start; a dot has its text after it, or before.
    const bar = to - from >= 2.5;
    const boxes = [
      bar ? { lo: from, hi: Math.max(to, from + width), x: from, at: 'over' as const } : null,
      { lo: from - pad, hi: to + pad + width, x: to + pad, at: 'after' as const },
      { lo: from - pad - width, hi: to + pad, x: from - pad - width, at: 'before' as const },
    ].filter((b) => b !== null && b.lo >= min - pad && b.hi <= max);
    let placed: PackPlacement | null = null;
    for (let k = 0; k < 2 * lanes && !placed; k++) {
      const side = k % 2 === 0 ? 'below' : 'above';
      const lane = Math.floor(k / 2);
      const list = rows[side];
      if (lane > list.length) continue;
      if (rows.below.length + rows.above.length + (lane === list.length ? 1 : 0) > lanes) continue;
      const row = list[lane];
      const box = boxes.find((b) => !row || row!.isFree(b!.lo, b!.hi, gap));
      if (!box) continue;
      if (!row) list.push(new Lane());
      list[lane]!.add(box.lo, box.hi);
      placed = { side, lane, x: box.x, at: box.at };
    }
    if (!placed) return null;
    out.push(placed);
  }
  return out;
}
