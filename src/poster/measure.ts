/**
 * Text widths for laying out labels at build time, when no font is at hand.
 *
 * Each character counts by its class, measured on DejaVu Sans (the widest
 * common sans-serif, Debian's default) so that Helvetica, Arial, Noto Sans
 * and system-ui, all narrower, fit inside the same box. Wide scripts (Han,
 * kana, Hangul, full-width forms) count a whole em.
 */

const WIDE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u2e80-\u303f\u3200-\u33ff\uff00-\uff60\uffe0-\uffe6]/u;
const NARROW = /[\s.,:;'|!ijlI()[\]{}`·]/u;
const THIN = /[ftr\-"/\\]/u;
const BROAD = /[mwMW@%]/u;
const UPPER = /[A-Z&#]/u;
const DIGIT = /\d/u;

/** Widths already worked out, by character: a note repeats few characters many times. */
const known = new Map<string, number>();

/** Estimated advance of one character, in ems. */
export function charWidth(ch: string): number {
  let width = known.get(ch);
  if (width === undefined) known.set(ch, (width = classify(ch)));
  return width;
}

function classify(ch: string): number {
  if (WIDE.test(ch)) return 1;
  if (NARROW.test(ch)) return 0.34;
  if (THIN.test(ch)) return 0.44;
  if (BROAD.test(ch)) return 1;
  if (UPPER.test(ch)) return 0.78;
  if (DIGIT.test(ch)) return 0.64;
  // Lowercase Latin, Greek, Cyrillic and anything else.
  return 0.64;
}

/** Estimated width of a line of text at `size` (same unit as the result), erring wide. */
export function estimateWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch);
  return em * size;
}
