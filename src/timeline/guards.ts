/**
 * Guards that run on a note's text before micromark sees it, so that no
 * note can hang or exhaust the build. Each is one linear pass over the
 * lines. micromark, GFM and remark-wiki-link are superlinear on a few
 * constructs (deep nesting, long runs of emphasis and link marks, unclosed
 * `[[`; see docs/safety.md for the figures and reproductions); a note past
 * these limits is refused with its position, or the offending paragraph is
 * shown as plain text with a warning. No person writes anywhere near them.
 */
import { TimelineError } from './errors.ts';
import type { Diagnostic } from './types.ts';

/** The longest note read, in characters (UTF-16 code units): 40 times the default note's 10,000-entry benchmark needs. */
export const MAX_NOTE_LENGTH = 4_000_000;
/** How deep block quotes and lists may nest, together. */
export const MAX_NESTING = 100;
/** How many emphasis, link and code marks one paragraph may hold before it is shown as plain text. */
export const MAX_MARKS_PER_PARAGRAPH = 2_000;

/** A fence line: three or more backticks or tildes, indented at most three spaces. */
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/u;
/** The marks whose runs micromark and its extensions pair up in superlinear time. */
const MARKS = /[*_[\]`<>()~=!]/gu;
/** Block syntax at the start of a line, which escaping must leave alone: quotes, list markers, a heading's hashes. */
const BLOCK_PREFIX = /^(?:[ \t]*(?:>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+))*(?:[ \t]{0,3}#{1,6}(?:[ \t]+|$))?/u;
/** A list item marker at the start of a line's content. */
const LIST_MARKER = /^([-*+]|\d{1,9}[.)])(?:[ \t]+|$)/u;

/**
 * Checks and, where needed, defuses a note's text (already normalised to
 * `\n` line ends). Throws a {@link TimelineError} for a note too long or
 * nested too deep; escapes the marks of a paragraph that holds too many
 * (what the reader sees is the same text, unformatted) and warns; warns
 * about an HTML comment or a code fence that never closes and so hides the
 * rest of the note. Returns the text to parse.
 */
export function guardNote(text: string, file: string, warnings: Diagnostic[]): string {
  if (text.length > MAX_NOTE_LENGTH) {
    throw new TimelineError({
      file,
      line: 1,
      column: 1,
      message: `the note is ${(text.length / 1e6).toFixed(1)} million characters long; the limit is ${MAX_NOTE_LENGTH / 1e6} million`,
      hint: 'split the timeline into several notes, one site each; a history of 10,000 entries is about 1 million characters',
    });
  }
  const lines = text.split('\n');
  checkNesting(lines, file);
  warnUnclosed(lines, file, warnings);
  // A note that uses the stand-ins' code points itself keeps its marks: rare, and then only slower.
  return usesStandIns(text) ? text : (escapeHeavyParagraphs(lines, file, warnings) ?? text);
}

/** Follows fenced code line by line: each line is inside a fence (`code`), opens one (`fence`), or is `text`. */
function fenceTracker(): (line: string) => 'code' | 'fence' | 'text' {
  let fence: string | null = null;
  return (line) => {
    if (fence !== null) {
      if (line.trimStart().startsWith(fence)) fence = null;
      return 'code';
    }
    const open = FENCE.exec(line);
    if (!open) return 'text';
    fence = open[1]!.slice(0, 3);
    return 'fence';
  };
}

/**
 * Refuses block quotes and lists nested more than {@link MAX_NESTING}
 * levels deep: micromark takes quadratic time on them (400 levels: 2 s;
 * 3,000: minutes) and the tree they make is as deep. Lists are followed by
 * the columns their items' content starts at; fenced code is skipped.
 */
function checkNesting(lines: readonly string[], file: string): void {
  const stack: number[] = [];
  const kind = fenceTracker();
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (kind(line) !== 'text') continue;
    if (!line.trim()) continue;
    // Block quote markers, then list items, on this line; `over` is where the limit is first passed.
    let at = 0;
    let quotes = 0;
    let over = -1;
    for (;;) {
      let i = at;
      while (i < line.length && i - at < 4 && (line[i] === ' ' || line[i] === '\t')) i++;
      if (line[i] !== '>') break;
      quotes++;
      if (quotes > MAX_NESTING && over === -1) over = i;
      at = i + 1;
      if (line[at] === ' ') at++;
    }
    let indent = at;
    while (indent < line.length && (line[indent] === ' ' || line[indent] === '\t')) indent++;
    while (stack.length && indent < stack[stack.length - 1]!) stack.pop();
    let rest = line.slice(indent);
    let column = indent;
    for (let m = LIST_MARKER.exec(rest); m && rest; m = LIST_MARKER.exec(rest)) {
      if (stack.length + 1 + quotes > MAX_NESTING && over === -1) over = column;
      column += m[0].length;
      stack.push(column);
      rest = rest.slice(m[0].length);
    }
    const depth = stack.length + quotes;
    if (depth > MAX_NESTING) {
      throw new TimelineError({
        file,
        line: n + 1,
        // Where the limit was passed on this line, else where the line's content starts (the lists above made it deep).
        column: (over === -1 ? indent : over) + 1,
        message: `block quotes and lists are nested ${depth} levels deep here; the limit is ${MAX_NESTING}`,
        hint: 'nest quotes and lists less deeply; indentation of four spaces or more after a list starts code, not a deeper list',
      });
    }
  }
}

/**
 * The characters stood in, in the order their stand-ins take: the marks,
 * and what GFM's autolink literals look for (`:`, `/`, `.`, `@`), which is
 * also superlinear on a long paragraph full of URLs.
 */
const MARK_CHARS = '*_[]`<>()~=!:/.@';
/** Stand-ins from the Private Use Area: letters to micromark, one per mark, the same length. */
const STAND_IN_BASE = 0xe000;
const STAND_INS = new RegExp(
  `[\\u${STAND_IN_BASE.toString(16)}-\\u${(STAND_IN_BASE + MARK_CHARS.length - 1).toString(16)}]`,
  'gu',
);

/**
 * Shows a paragraph (a run of non-blank lines outside code fences) that
 * holds more than {@link MAX_MARKS_PER_PARAGRAPH} marks as plain text:
 * each mark after the lines' block syntax is replaced by a stand-in that
 * micromark reads as a letter, in linear time, and {@link restoreMarks}
 * puts the marks back into the tree's text. Backslash escapes are not
 * enough: GFM's autolink literals stay quadratic on `c\* c\* …`. Returns
 * null when no paragraph needed it.
 */
function escapeHeavyParagraphs(lines: string[], file: string, warnings: Diagnostic[]): string | null {
  let start = -1;
  let marks = 0;
  let changed = false;
  const flush = (end: number) => {
    if (start !== -1 && marks > MAX_MARKS_PER_PARAGRAPH) {
      for (let n = start; n < end; n++) lines[n] = standInMarks(lines[n]!);
      changed = true;
      warnings.push({
        file,
        line: start + 1,
        column: 1,
        message: `this paragraph holds ${marks} emphasis, link and code marks (the limit is ${MAX_MARKS_PER_PARAGRAPH}); it is shown as plain text`,
        hint: 'split it into shorter paragraphs; marks meant as text can be escaped with `\\`',
      });
    }
    start = -1;
    marks = 0;
  };
  const kind = fenceTracker();
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const k = kind(line);
    if (k === 'code') continue;
    if (k === 'fence' || !line.trim()) {
      flush(n);
      continue;
    }
    if (start === -1) start = n;
    // Block syntax (`> `, `- `, `## `) is no mark: only what follows it on the line counts.
    MARKS.lastIndex = BLOCK_PREFIX.exec(line)?.[0].length ?? 0;
    for (let m = MARKS.exec(line); m; m = MARKS.exec(line)) marks++;
  }
  flush(lines.length);
  return changed ? lines.join('\n') : null;
}

/** A line with each mark after its block syntax replaced by its stand-in. */
function standInMarks(line: string): string {
  const prefix = BLOCK_PREFIX.exec(line)?.[0] ?? '';
  let out = prefix;
  for (let i = prefix.length; i < line.length; i++) {
    const ch = line[i]!;
    const index = MARK_CHARS.indexOf(ch);
    out += index === -1 ? ch : String.fromCharCode(STAND_IN_BASE + index);
  }
  return out;
}

/** Whether a note's own text uses the stand-ins' code points, which then cannot stand in. */
export function usesStandIns(text: string): boolean {
  STAND_INS.lastIndex = 0;
  return STAND_INS.test(text);
}

/** Puts the marks back where {@link guardNote} stood them in: in every text value of the tree, without recursion. */
export function restoreMarks(tree: { children?: unknown[] }): void {
  const stack: Array<{ value?: unknown; children?: unknown[] }> = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node.value === 'string' && node.value.length > 0) {
      STAND_INS.lastIndex = 0;
      if (STAND_INS.test(node.value)) {
        node.value = node.value.replace(STAND_INS, (ch) => MARK_CHARS[ch.charCodeAt(0) - STAND_IN_BASE]!);
      }
    }
    if (Array.isArray(node.children)) for (const child of node.children) stack.push(child as typeof node);
  }
}

/**
 * Warns about an HTML comment that opens a line and never closes, and a
 * code fence never closed: each turns the rest of the note into something
 * that is not shown as entries. The warning says how many lines, and how
 * many lines that look like entries, it hides.
 */
function warnUnclosed(lines: readonly string[], file: string, warnings: Diagnostic[]): void {
  let fence: { marker: string; line: number; column: number } | null = null;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (fence !== null) {
      if (
        line.trimStart().startsWith(fence.marker) &&
        !line.trim().slice(fence.marker.length).replace(/[`~]/gu, '').trim()
      )
        fence = null;
      continue;
    }
    const open = FENCE.exec(line);
    if (open) {
      fence = { marker: open[1]!, line: n, column: line.indexOf(open[1]!) + 1 };
      continue;
    }
    const comment = /^[ \t]{0,3}<!--/u.exec(line);
    if (comment && !closesLater(lines, n, line.indexOf('<!--') + 4)) {
      warnings.push({
        file,
        line: n + 1,
        column: line.indexOf('<!--') + 1,
        message: `this HTML comment is never closed: it hides the rest of the note (${describeHidden(lines, n + 1)})`,
        hint: 'close it with `-->`, or remove the `<!--`',
      });
      return;
    }
  }
  if (fence !== null) {
    warnings.push({
      file,
      line: fence.line + 1,
      column: fence.column,
      message: `this code fence is never closed: the rest of the note is shown as code (${describeHidden(lines, fence.line + 1)})`,
      hint: `close it with a line \`${fence.marker}\``,
    });
  }
}

function closesLater(lines: readonly string[], from: number, column: number): boolean {
  if (lines[from]!.indexOf('-->', column) !== -1) return true;
  for (let n = from + 1; n < lines.length; n++) if (lines[n]!.includes('-->')) return true;
  return false;
}

/** `12 lines, 3 eras and 9 entries` hidden below a line. */
function describeHidden(lines: readonly string[], from: number): string {
  let count = 0;
  let eras = 0;
  let entries = 0;
  for (let n = from; n < lines.length; n++) {
    const line = lines[n]!;
    if (!line.trim()) continue;
    count++;
    if (/^[ \t]{0,3}##[ \t]/u.test(line)) eras++;
    else if (/(?:：|:\s)/u.test(line) && !/^[ \t]{0,3}#/u.test(line)) entries++;
  }
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${plural(count, 'line', 'lines')}, ${plural(eras, 'era heading', 'era headings')} and ${plural(entries, 'line that reads as an entry', 'lines that read as entries')}`;
}
