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

/** Tokens whose text is literal: there `%%` is not a comment. */
const CODE_TOKENS = new Set(['codeFenced', 'codeIndented', 'codeText']);

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
 */
export function stripComments(
  text: string,
  extensions: readonly Extension[] = [],
  warnings?: Diagnostic[],
  file = '',
): string {
  if (!text.includes('%%')) return text;
  /** The note as it will be parsed: '' where a character is removed. */
  const out = text.split('');
  let reading = read(text, extensions, 0);
  let codeIndex = 0;
  let budget = Math.max(1_000_000, 8 * text.length);
  let blind = false;
  /**
   * Where the last comment removed from a line's start stood, and the
   * reading from before: the indentation a removal leaves never makes the
   * rest of its line an indented code block that shields a `%%` (its code
   * spans still do).
   */
  let removedLine = -1;
  let beforeRemoval: Reading | null = null;
  let i = text.indexOf('%%');
  while (i !== -1) {
    // The code range at or after i, if i falls inside one.
    while (codeIndex < reading.code.length && reading.code[codeIndex]![1] <= i) codeIndex++;
    const range = reading.code[codeIndex];
    const lineBegin = text.lastIndexOf('\n', i - 1) + 1;
    const shields =
      range &&
      range[0] <= i &&
      !(range[2] === 'codeFenced' && closesFence(text, range[0], out.slice(lineBegin, i).join(''))) &&
      !(range[2] === 'codeIndented' && removedLine === lineBegin && !inCode(beforeRemoval, i));
    if (!blind && shields) {
      // The next `%%` in a fenced block may stand on its closing fence's line.
      i = text.indexOf('%%', range[2] === 'codeFenced' ? i + 2 : range[1]);
      continue;
    }
    const close = text.indexOf('%%', i + 2);
    const end = close === -1 ? text.length : close + 2;
    const removed = CONTENT_START.test(out.slice(lineBegin, i).join(''));
    for (let k = i; k < end; k++) if (text[k] !== '\n') out[k] = removed ? '' : ' ';
    if (removed && removedLine !== lineBegin) {
      removedLine = lineBegin;
      beforeRemoval = reading;
    }
    if (!blind && (removed || STRUCTURAL.test(text.slice(i, end)))) {
      // Read again from the top-level block that held the comment: what is code after it may have changed.
      const from = blockStart(reading.blocks, i);
      const reread = rereadFrom(out, from, end, extensions, reading, budget);
      budget -= reread.cost;
      if (!reread.reading) {
        blind = true;
        warnings?.push({
          file,
          ...lineColumn(text, i),
          message:
            'too many comments that hide code syntax to re-read the note after each: from here on every `%%` is a comment, in code too',
          hint: 'write `%%` in code blocks before this line only, or use fewer block comments',
        });
      } else {
        reading = reread.reading;
        codeIndex = 0;
      }
    }
    i = close === -1 ? -1 : text.indexOf('%%', end);
  }
  return out.join('');
}

/**
 * Whether the line before a `%%` inside a fenced block would close the
 * block once the comment is hidden: ```` ``` %%note%% ```` is a closing fence
 * and a comment in Obsidian, though CommonMark reads a fence with more on its
 * line as code.
 */
function closesFence(text: string, blockStart: number, before: string): boolean {
  const opening = /^[ \t]*(`{3,}|~{3,})/u.exec(text.slice(blockStart, blockStart + 256))?.[1];
  const closing = /^[ \t]*(?:(?:>|[-+*]|\d{1,9}[.)])[ \t]*)*(`{3,}|~{3,})[ \t]*$/u.exec(before)?.[1];
  return Boolean(opening && closing && closing[0] === opening[0] && closing.length >= opening.length);
}

/** Whether `offset` lies in code, as `reading` has it. */
function inCode(reading: Reading | null, offset: number): boolean {
  return reading?.code.some(([start, end]) => start <= offset && offset < end) ?? false;
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

/**
 * Reads the note again from `from` (an offset of the original text, a
 * top-level block's start) after a comment that ended at `after` was hidden.
 * Only a window is read: once the new reading starts a top-level block where
 * the old one did, past the comment and not at the window's edge, the text
 * from there on is the same and so is its reading. The window doubles until
 * that happens, or reaches the note's end. Null when the budget runs out.
 */
function rereadFrom(
  out: readonly string[],
  from: number,
  after: number,
  extensions: readonly Extension[],
  before: Reading,
  budget: number,
): { reading: Reading | null; cost: number } {
  const later = before.blocks.filter((start) => start >= after);
  let cost = 0;
  for (let take = 4; ; take *= 2) {
    const windowEnd = take < later.length ? later[take]! : out.length;
    cost += windowEnd - from;
    if (cost > budget) return { reading: null, cost };
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
    return {
      cost,
      reading: {
        code: [
          ...before.code.filter(([start]) => start < from),
          ...now.code
            .map(([s, e, type]) => [map(s), map(e), type] as [number, number, string])
            .filter(([start]) => start < sync),
          ...before.code.filter(([start]) => start >= sync),
        ],
        blocks: [
          ...before.blocks.filter((start) => start < from),
          ...now.blocks.map(map).filter((start) => start < sync),
          ...before.blocks.filter((start) => start >= sync),
        ],
      },
    };
  }
}

function lineColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** What may stand before a line's content: indentation, quote and list markers. */
const CONTENT_START = /^[ \t]*(?:(?:>|[-+*][ \t]|\d{1,9}[.)][ \t])[ \t]*)*$/u;
