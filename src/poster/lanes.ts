/**
 * Lays labels out in lanes beside a baseline (the time axis), each joined to
 * its point on the baseline by a straight leader, so that no label overlaps
 * another and no leader crosses a label. Labels are boxes of known width;
 * a lane is one line of text.
 *
 * The rule: a label lies in a lane farther from the baseline than every
 * leader that rises under it. Placing labels from the last point to the
 * first, each takes the nearest lane that keeps that rule, has room, and
 * that no nearer label blocks its own leader from. A crowded run of points
 * therefore steps away from the baseline like a staircase and comes back
 * where the points thin out. About O(n · lanes · log n).
 */
import { lowerBound } from './scale.ts';

/** One label to place. */
export interface LabelRequest {
  /** Where its leader meets the baseline. */
  anchor: number;
  /** The label's width, leader padding included. */
  width: number;
}

/** Where a label went: the box `[x, x + width]` in `lane` (0 is next to the baseline), `x` its anchor. */
export interface LabelPlacement {
  lane: number;
  x: number;
}

export interface LaneOptions {
  /** How many lanes there are room for. */
  lanes: number;
  /** The sheet's left and right edges. */
  min: number;
  max: number;
  /** Space kept between two boxes in a lane. */
  gap: number;
  /** Space kept between a leader and a box. */
  clearance: number;
}

/** Boxes of one lane (or row), sorted and disjoint. */
export class Lane {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** Whether `[lo, hi]` is clear of every box, `gap` kept. */
  isFree(lo: number, hi: number, gap: number): boolean {
    const i = lowerBound(this.starts, lo);
    if (i < this.starts.length && this.starts[i]! < hi + gap) return false;
    return i === 0 || this.ends[i - 1]! + gap <= lo;
  }

  /** Whether a box covers `x`, `gap` kept. */
  covers(x: number, gap: number): boolean {
    const i = lowerBound(this.starts, x + gap);
    return i > 0 && this.ends[i - 1]! + gap > x;
  }

  /** Where the first box starting at or after `x` begins; Infinity when none does. */
  nextStart(x: number): number {
    const i = lowerBound(this.starts, x);
    return i < this.starts.length ? this.starts[i]! : Infinity;
  }

  /** Where the last box starting before `x` ends; -Infinity when none does. */
  previousEnd(x: number): number {
    const i = lowerBound(this.starts, x);
    return i > 0 ? this.ends[i - 1]! : -Infinity;
  }

  add(lo: number, hi: number): void {
    const i = lowerBound(this.starts, lo);
    this.starts.splice(i, 0, lo);
    this.ends.splice(i, 0, hi);
  }
}

/**
 * Places labels sorted by anchor, each box starting at its anchor. Returns
 * one placement per request, or null when some label cannot be placed
 * within the lanes or the sheet (the caller then shows fewer labels).
 */
export function packLabels(requests: readonly LabelRequest[], options: LaneOptions): LabelPlacement[] | null {
  const { lanes: laneCount, min, max, gap, clearance } = options;
  const n = requests.length;
  const anchors = requests.map((r) => r.anchor);
  for (let i = 1; i < n; i++)
    if (anchors[i]! < anchors[i - 1]!) throw new RangeError('packLabels: requests must be sorted by anchor');
  const lanes = Array.from({ length: laneCount }, () => new Lane());
  const laneOf = new Int32Array(n).fill(-1);
  const placed: LabelPlacement[] = new Array(n);

  for (let j = n - 1; j >= 0; j--) {
    const { anchor, width } = requests[j]!;
    // The nearest lane whose box would block this label's own leader.
    let ceiling = laneCount;
    for (let m = 0; m < laneCount; m++) {
      if (lanes[m]!.covers(anchor, clearance)) {
        ceiling = m;
        break;
      }
    }
    if (anchor + width > max || anchor < min) return null;
    const hi = anchor + width;
    // Leaders already placed under this box: the label must lie beyond them all.
    let floor = 0;
    const from = lowerBound(anchors, anchor - clearance);
    for (let i = from; i < n && anchors[i]! <= hi + clearance; i++) {
      if (i !== j && laneOf[i]! >= 0) floor = Math.max(floor, laneOf[i]! + 1);
    }
    let best: LabelPlacement | null = null;
    for (let lane = floor; lane < ceiling; lane++) {
      if (lanes[lane]!.isFree(anchor, hi, gap)) {
        best = { lane, x: anchor };
        break;
      }
    }
    if (!best) return null;
    laneOf[j] = best.lane;
    lanes[best.lane]!.add(best.x, best.x + width);
    placed[j] = best;
  }
  return placed;
}
