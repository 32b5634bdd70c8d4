/**
 * A row of boxes on one line (a row of era bands, a row of labels): which
 * stretches are taken, looked up by halving.
 */

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
