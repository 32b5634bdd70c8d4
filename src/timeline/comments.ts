/*
 * Obsidian's `%%comments%%` (anywhere, across lines, but not in code), lexed
 * out of the note's text before Markdown parsing: no maintained remark
 * plugin reads them as Obsidian does.
 */

/**
 * Blanks out `%%comments%%`, keeping every newline and column so that
 * positions in messages still match the note (a comment that starts a
 * line's content is removed instead: see below). Code (fenced, indented by a
 * fence, or inline) is left alone: there `%%` is literal, as in Obsidian.
 * A comment that is never closed runs to the end of the note, as in Obsidian.
 */
export function stripComments(text: string): string {
  if (!text.includes('%%')) return text;
  const out = text.split('');
  let i = 0;
  let lineStart = true;
  let fence: string | null = null;
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  const remove = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = '';
  };
  const spans = codeSpans(text);
  while (i < text.length) {
    if (lineStart) {
      const line = FENCE.exec(text.slice(i, i + 64));
      const end = text.indexOf('\n', i);
      // A backtick fence's info string holds no backtick: ```a``` is inline code.
      if (
        line &&
        !(line[1]![0] === '`' && text.slice(i + line[0].length, end === -1 ? undefined : end).includes('`'))
      ) {
        const marker = line[1]!;
        // A fence is never an inline code span: read as one, a closing fence
        // ran to the next block's opening fence and swapped inside and
        // outside of every code block below it.
        if (fence === null) {
          fence = marker;
          // The rest of an opening fence line is its info string.
          i = end === -1 ? text.length : end;
          continue;
        }
        if (marker[0] === fence[0] && marker.length >= fence.length) {
          fence = null;
          // After a closing fence, the line is text again (a comment hides there too).
          i += line[0].length;
          lineStart = false;
          continue;
        }
      }
    }
    const ch = text[i]!;
    if (ch === '\n') {
      lineStart = true;
      i++;
      continue;
    }
    lineStart = false;
    if (fence !== null) {
      i++;
      continue;
    }
    if (ch === '`') {
      // A backslash-escaped backtick is a literal one: it opens no code span.
      if (escaped(text, i)) {
        i++;
        continue;
      }
      // An inline code span: skip to the matching run of backticks, if any.
      const run = /^`+/u.exec(text.slice(i))![0];
      const close = spans.end(i, run.length);
      i = close === -1 ? i + run.length : close;
      continue;
    }
    if (ch === '%' && text[i + 1] === '%') {
      const close = text.indexOf('%%', i + 2);
      const end = close === -1 ? text.length : close + 2;
      // A comment that starts a line's content is removed, not blanked:
      // blanked, `%%todo%% Title：desc` or `- %%x%% item` began with four
      // spaces or more and read as an indented code block.
      const lineBegin = text.lastIndexOf('\n', i - 1) + 1;
      if (CONTENT_START.test(out.slice(lineBegin, i).join(''))) remove(i, end);
      else blank(i, end);
      // Newlines inside the comment still end lines for fence detection.
      lineStart = text[end - 1] === '\n';
      i = end;
      continue;
    }
    i++;
  }
  return out.join('');
}

/**
 * A code fence at the start of a line, also inside quotes, callouts and
 * list items (`> ````, `- ````, indented under a nested item): there too
 * `%%` is code, and a fence missed there was read as an inline code span.
 */
const FENCE = /^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*(`{3,}|~{3,})/u;

/** What may stand before a line's content: indentation, quote and list markers. */
const CONTENT_START = /^[ \t]*(?:(?:>|[-+*][ \t]|\d{1,9}[.)][ \t])[ \t]*)*$/u;

/** Whether the character at `index` is escaped: an odd number of backslashes before it. */
function escaped(text: string, index: number): boolean {
  let k = index;
  while (k > 0 && text[k - 1] === '\\') k--;
  return (index - k) % 2 === 1;
}

/**
 * A line that ends a paragraph: a blank line, or one that starts another
 * block (list item, quote, heading, fence). Inline code never runs past it.
 * A close approximation: a code span over two lines of one quote or list
 * item is cut short (its `%%` then hides), which is rarer and less harmful
 * than a span that runs on and shows the comments after it.
 */
const PARAGRAPH_END = /\n[ \t]*(?:\n|[-+*][ \t]|\d{1,9}[.)][ \t]|>|#{1,6}[ \t\n]|`{3}|~{3})/gu;

/**
 * Finds where inline code spans end, as CommonMark reads them: a run of
 * backticks closes at the next run of exactly as many, within the same
 * paragraph. Searching the rest of the note for the same characters instead
 * let an escaped or unmatched backtick swallow the comments of the
 * following paragraphs, list items and quotes, which were then shown.
 * Searches that failed are remembered, so many unmatched runs stay linear.
 */
function codeSpans(text: string): { end: (start: number, length: number) => number } {
  let paragraphEnd = -1;
  const failedBefore = new Map<number, number>();
  return {
    /** The index just after the span opened at `start` by `length` backticks, or -1. */
    end(start, length) {
      if (start >= paragraphEnd) {
        PARAGRAPH_END.lastIndex = start;
        paragraphEnd = PARAGRAPH_END.exec(text)?.index ?? text.length;
      }
      if (failedBefore.get(length) === paragraphEnd) return -1;
      const runs = /`+/gu;
      runs.lastIndex = start + length;
      for (let m = runs.exec(text); m && m.index < paragraphEnd; m = runs.exec(text)) {
        if (m[0].length === length) return m.index + length;
      }
      failedBefore.set(length, paragraphEnd);
      return -1;
    },
  };
}
