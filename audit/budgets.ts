/**
 * The page budgets, stated once: `npm run audit` fails on them, `npm run
 * bench` marks them, docs/benchmark.md quotes them. Uncompressed bytes, in
 * decimal units (1 KB = 1,000 B), as both print them.
 */

/** 1 KB = 1,000 bytes: a budget is never met by rounding. */
export const KB = 1000;

export const BUDGETS = {
  /** An era page's HTML, for the default note: its own entries, not a copy of the timeline. */
  eraHtml: 30 * KB,
  /** The index's HTML with its inline axis, for the default note. */
  homeHtml: 50 * KB,
  /** CSS per page, whatever the note. */
  css: 15 * KB,
  /**
   * JavaScript that runs on load, on every page: only the search box's
   * listeners and the `/` key. Nothing is needed to read; search itself
   * (its script and Pagefind) loads when the reader starts searching.
   */
  requiredJs: 3 * KB,
} as const;

/** A size as the reports print it: `16.4 KB`, or `0 B`. */
export function formatKb(bytes: number): string {
  return bytes === 0 ? '0 B' : `${(bytes / KB).toFixed(1)} KB`;
}
