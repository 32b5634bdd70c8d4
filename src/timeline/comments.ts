/*
 * Obsidian's `%%comments%%`, told from code by the parser that decides what
 * code is. A `%%` outside code opens a comment that runs to the next `%%`
 * (across lines and blocks, as in Obsidian) or, never closed, to the end of
 * the note; `%%` inside fenced, indented or inline code is literal. What is
 * code is read from micromark's own tokens, with the note's syntax
 * extensions, never from a second hand-written lexer that could disagree
 * with it (an indented fence, a fence left open in a callout, a fence inside
 * `<pre>`, a stray backtick: each made a lexer and micromark disagree, and
 * the comments after it were published).
 *
 * A comment can itself hide code syntax (a fence, a backtick, a list
 * marker), which changes what is code after it; so once such a comment is
 * hidden, the note is read again from the top-level block that holds it.
 * The re-reading is bounded: past a budget, every later `%%` counts as a
 * comment, code or not, and a warning says so (no real note comes near it).
 */
import { parse, postprocess, preprocess } from 'micromark';
import type { Extension } from 'micromark-util-types';
import type { Diagnostic } from './types.ts';

/**
 * Tokens whose text is literal: there `%%` is not a comment. The
 * frontmatter too: a `%%` in a field (`title: Up 50%%`) would otherwise hide
 * the closing `---` and every field after it, `dg-publish: false` among them.
 */
const CODE_TOKENS = new Set(['codeFenced', 'codeIndented', 'codeText', 'yaml', 'toml']);

/** How micromark reads a stretch of the note: its code ranges and where its top-level blocks start. */
interface Reading {
  /** [start, end) offsets of code, in order, and its token type. */
  code: Array<[number, number, string]>;
  /** Offsets where top-level blocks start, in order. */
  blocks: number[];
}

/** Reads `text` with micromark; offsets are shifted by `at`. */
function read(text: string, extensions: readonly Extension[], at: number): Reading {
  const events = postprocess(
    parse({ extensions: [...extensions] })
      .document()
      .write(preprocess()(text, undefined, true)),
  );
  const code: Array<[number, number, string]> = [];
  const blocks: number[] = [];
  let depth = 0;
  let codeDepth = 0;
  for (const [kind, token] of events) {
    if (kind === 'enter') {
      // Line endings between blocks are no place to start reading again from.
      if (depth === 0 && !token.type.startsWith('lineEnding')) blocks.push(token.start.offset + at);
      depth++;
      if (CODE_TOKENS.has(token.type) && codeDepth++ === 0)
        code.push([token.start.offset + at, token.end.offset + at, token.type]);
    } else {
      depth--;
      if (CODE_TOKENS.has(token.type)) codeDepth--;
    }
  }
  return { code, blocks };
}

/** Characters whose hiding can change what is code after them: fences, spans, HTML blocks, lines, containers. */
const STRUCTURAL = /[`~<\n]/u;

/**
 * Blanks out `%%comments%%`, keeping every newline and column so that
 * positions in messages still match the note. A comment that starts a
 * line's content is removed instead, with what follows it on its line
 * moved left: blanked, `%%todo%% Title：desc` or `- %%x%% item` began with
 * four spaces or more and read as an indented code block.
 *
 * When done, the text is read once more: every `%%` left must be code as
 * the text now reads. One that is not (a comment changed the reading in a
 * way the windows did not see: an HTML tag or a table completed by hiding)
 * is a comment too, and the scan goes on from it.
 */
export function stripComments(
  text: string,
  extensions: readonly Extension[] = [],
  warnings?: Diagnostic[],
  file = '',
): string {
  if (!text.includes('%%')) return text;
  const scan: Scan = {
    text,
    out: text.split(''),
    extensions,
    reading: read(text, extensions, 0),
    budget: Math.max(1_000_000, 8 * text.length),
    blind: false,
    removedLine: -1,
    beforeRemoval: [],
    forced: new Set(),
    warn: (index) =>
      warnings?.push({
        file,
        ...lineColumn(text, index),
        message:
          'too many comments that hide code syntax to re-read the note after each: from here on every `%%` is a comment, in code too',
        hint: 'write `%%` in code blocks before this line only, or use fewer block comments',
      }),
  };
  let from = text.indexOf('%%');
  for (let round = 0; from !== -1; round++) {
    scanFrom(scan, from);
    if (scan.blind) break;
    const final: Reading = { code: [], blocks: [] };
    rereadFrom(scan.out, 0, scan.out.length, extensions, final, Infinity);
    scan.budget -= text.length;
    from = firstUnshielded(scan, final);
    if (from === -1) break;
    scan.reading = final;
    scan.forced.add(from);
    if (round >= 20 || scan.budget < 0) {
      scan.blind = true;
      scan.warn(from);
      scanFrom(scan, from);
      break;
    }
  }
  return scan.out.join('');
}

/** The state of one stripping. */
interface Scan {
  text: string;
  /** The note as it will be parsed: '' where a character is removed, ' ' where blanked. */
  out: string[];
  extensions: readonly Extension[];
  reading: Reading;
  /** Characters left to read again; past it, every `%%` is a comment. */
  budget: number;
  blind: boolean;
  /**
   * Where the last comment that left a line starting anew stood (removed
   * from a line's start, or ending a comment over several lines), and the
   * reading from before: the indentation that leaves never makes the rest
   * of its line an indented code block that shields a `%%` (its code spans
   * still do).
   */
  removedLine: number;
  beforeRemoval: Reading['code'];
  /** `%%` that a final reading found outside code: comments whatever the reading says. */
  forced: Set<number>;
  warn: (index: number) => void;
}

/** The longest line prefix that can be only indentation and markers, or a fence: longer ones are neither. */
const PREFIX_LIMIT = 256;

/** Hides every comment from the `%%` at `start` on. */
function scanFrom(scan: Scan, start: number): void {
  const { text, out, extensions } = scan;
  let codeIndex = 0;
  // Line starts found walking forward: never a search back over a long line for each `%%`.
  let lineBegin = text.lastIndexOf('\n', start - 1) + 1;
  let walked = start;
  const lineOf = (index: number) => {
    for (; walked < index; walked++) if (text[walked] === '\n') lineBegin = walked + 1;
    return lineBegin;
  };
  let i = start;
  while (i !== -1) {
    while (codeIndex < scan.reading.code.length && scan.reading.code[codeIndex]![1] <= i) codeIndex++;
    const range = scan.reading.code[codeIndex];
    const begin = lineOf(i);
    const prefix = () => (i - begin > PREFIX_LIMIT ? null : out.slice(begin, i).join(''));
    const shields =
      !scan.blind &&
      !scan.forced.has(i) &&
      range !== undefined &&
      range[0] <= i &&
      !(range[2] === 'codeFenced' && closesFence(text, range[0], prefix())) &&
      !(range[2] === 'codeIndented' && scan.removedLine === begin && !inCode(scan.beforeRemoval, i));
    if (shields) {
      // The next `%%` in a fenced block may stand on its closing fence's line.
      i = text.indexOf('%%', range[2] === 'codeFenced' ? i + 2 : range[1]);
      continue;
    }
    const close = text.indexOf('%%', i + 2);
    const end = close === -1 ? text.length : close + 2;
    const before = prefix();
    const removed = before !== null && CONTENT_START.test(before);
    for (let k = i; k < end; k++) if (text[k] !== '\n') out[k] = removed ? '' : ' ';
    const endLine = text.lastIndexOf('\n', end - 1) + 1;
    if ((removed || endLine > begin) && scan.removedLine !== endLine) {
      scan.removedLine = endLine;
      // The code ranges that touched the line before: the reading changes in place.
      const lineEnd = text.indexOf('\n', endLine);
      const first = Math.max(0, firstRangeFrom(scan.reading.code, endLine) - 1);
      const last = firstRangeFrom(scan.reading.code, lineEnd === -1 ? text.length : lineEnd);
      scan.beforeRemoval = scan.reading.code.slice(first, last).map((range) => [...range] as [number, number, string]);
    }
    if (!scan.blind && (removed || STRUCTURAL.test(text.slice(i, end)))) {
      // Read again from the top-level block that held the comment: what is code after it may have changed.
      const reread = rereadFrom(out, blockStart(scan.reading.blocks, i), end, extensions, scan.reading, scan.budget);
      scan.budget -= reread.cost;
      if (reread.done) {
        codeIndex = firstRangeFrom(scan.reading.code, blockStart(scan.reading.blocks, i));
        codeIndex = Math.max(0, codeIndex - 1);
      } else {
        scan.blind = true;
        scan.warn(i);
      }
    }
    i = close === -1 ? -1 : text.indexOf('%%', end);
  }
}

/** The first `%%` still in the text that `reading` does not read as code, or -1. */
function firstUnshielded(scan: Scan, reading: Reading): number {
  const { text, out } = scan;
  let codeIndex = 0;
  for (let i = text.indexOf('%%'); i !== -1; i = text.indexOf('%%', i + 1)) {
    if (out[i] !== '%' || out[i + 1] !== '%') continue;
    while (codeIndex < reading.code.length && reading.code[codeIndex]![1] <= i) codeIndex++;
    const range = reading.code[codeIndex];
    if (!range || range[0] > i) return i;
  }
  return -1;
}

/**
 * Whether the line before a `%%` inside a fenced block would close the
 * block once the comment is hidden: ```` ``` %%note%% ```` is a closing fence
 * and a comment in Obsidian, though CommonMark reads a fence with more on its
 * line as code.
 */
function closesFence(text: string, blockStart: number, before: string | null): boolean {
  if (before === null) return false;
  const opening = /^[ \t]*(`{3,}|~{3,})/u.exec(text.slice(blockStart, blockStart + 256))?.[1];
  const closing = /^[ \t]*(?:(?:>|[-+*]|\d{1,9}[.)])[ \t]*)*(`{3,}|~{3,})[ \t]*$/u.exec(before)?.[1];
  return Boolean(opening && closing && closing[0] === opening[0] && closing.length >= opening.length);
}

/** Whether `offset` lies in code, as `reading` has it. */
function inCode(code: Reading['code'], offset: number): boolean {
  return code.some(([start, end]) => start <= offset && offset < end);
}

/** The start of the top-level block that holds `offset`. */
function blockStart(blocks: readonly number[], offset: number): number {
  let low = 0;
  let high = blocks.length - 1;
  let found = 0;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (blocks[mid]! <= offset) {
      found = blocks[mid]!;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** The index of the first number in a sorted array that is at least `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The index of the first code range that starts at or after `value`. */
function firstRangeFrom(code: Reading['code'], value: number): number {
  let low = 0;
  let high = code.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (code[mid]![0] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Reads the note again from `from` (an offset of the original text, a
 * top-level block's start) after a comment that ended at `after` was hidden,
 * and splices what changed into `reading`. Only a window is read: once the
 * new reading starts a top-level block where the old one did, past the
 * comment and not at the window's edge, the text from there on is the same
 * and so is its reading. The window doubles until that happens, or reaches
 * the note's end. False when the budget runs out first.
 */
function rereadFrom(
  out: readonly string[],
  from: number,
  after: number,
  extensions: readonly Extension[],
  reading: Reading,
  budget: number,
): { done: boolean; cost: number } {
  const firstLater = lowerBound(reading.blocks, after);
  let cost = 0;
  for (let take = 4; ; take *= 2) {
    const later = reading.blocks.slice(firstLater, firstLater + take + 1);
    const windowEnd = take < later.length ? later[take]! : out.length;
    cost += windowEnd - from;
    if (cost > budget) return { done: false, cost };
    // Offsets of the text as parsed, mapped back to the original's.
    const original: number[] = [];
    const parts: string[] = [];
    for (let k = from; k < windowEnd; k++) {
      const part = out[k]!;
      if (part === '') continue;
      original.push(k);
      parts.push(part);
    }
    original.push(windowEnd);
    const now = read(parts.join(''), extensions, 0);
    const map = (offset: number) => original[Math.min(offset, original.length - 1)]!;
    const starts = new Set(now.blocks.map(map));
    // In step again: a block the old reading also started, with one more before the window's edge.
    const sync = windowEnd === out.length ? out.length : later.slice(0, take - 1).find((start) => starts.has(start));
    if (sync === undefined) continue;
    const codeFrom = firstRangeFrom(reading.code, from);
    reading.code.splice(
      codeFrom,
      firstRangeFrom(reading.code, sync) - codeFrom,
      ...now.code
        .map(([s, e, type]) => [map(s), map(e), type] as [number, number, string])
        .filter(([start]) => start < sync),
    );
    const blockFrom = lowerBound(reading.blocks, from);
    reading.blocks.splice(
      blockFrom,
      lowerBound(reading.blocks, sync) - blockFrom,
      ...now.blocks.map(map).filter((start) => start < sync),
    );
    return { done: true, cost };
  }
}

function lineColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** What may stand before a line's content: indentation, quote and list markers. */
const CONTENT_START = /^[ \t]*(?:(?:>|[-+*][ \t]|\d{1,9}[.)][ \t])[ \t]*)*$/u;
