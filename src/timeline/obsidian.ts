import type { PhrasingContent, Root, Text } from 'mdast';
import { findAndReplace, type RegExpMatchObject } from 'mdast-util-find-and-replace';

/*
 * Obsidian syntax that no maintained remark plugin reads as Obsidian does:
 * `%%comments%%` (anywhere, across lines, but not in code), `![[embeds]]`
 * (CommonMark reads `![` as the start of an image, so remark-wiki-link never
 * sees them) and inline `#tags`. Highlights and callouts use
 * remark-flexible-markers and @r4ai/remark-callout (see markdown.ts).
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

/** An `![[embed]]` before it is resolved: an image, or a link to another note. */
export interface EmbedNode {
  type: 'obsidianEmbed';
  target: string;
  /** `300` or `300x200` from `![[image.png|300]]`, or an alias for a note. */
  option: string | null;
  position?: Text['position'];
}

/** An inline `#tag`. */
export interface TagNode {
  type: 'obsidianTag';
  value: string;
}

const IMAGE_EXTENSIONS = /\.(avif|bmp|gif|jpe?g|png|svg|webp)$/iu;

/** Whether an embed target names an image. */
export function isImageTarget(target: string): boolean {
  return IMAGE_EXTENSIONS.test(target.split('#')[0]!.trim());
}

/**
 * Turns `![[…]]` text into embed nodes and `#tags` into tag nodes, outside
 * links and code (findAndReplace never enters code, and we skip links).
 */
export function remarkObsidian() {
  return (tree: Root) => {
    findAndReplace(
      tree,
      [
        [
          /!\[\[([^[\]|\n]+)(?:\|([^[\]\n]*))?\]\]/gu,
          (_match: string, target: string, option: string | undefined, match: RegExpMatchObject) =>
            ({
              type: 'obsidianEmbed',
              target: target.trim(),
              option: option?.trim() || null,
              position: positionInText(match),
            }) as unknown as PhrasingContent,
        ],
        [
          // Obsidian: a tag follows a space or the line start and holds at least one non-digit.
          /(^|[\s(（,，;；])#([\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*)/gu,
          (_match: string, before: string, tag: string) => [
            ...(before ? [{ type: 'text', value: before } as Text] : []),
            { type: 'obsidianTag', value: tag } as unknown as PhrasingContent,
          ],
        ],
      ],
      { ignore: ['link', 'linkReference', 'inlineCode', 'code', 'wikiLink', 'heading'] },
    );
  };
}

/** Where a match inside a text node starts in the note, for messages. */
function positionInText(match: RegExpMatchObject): Text['position'] {
  const node = match.stack[match.stack.length - 1] as Text | undefined;
  const start = node?.position?.start;
  if (!node || !start) return undefined;
  const before = node.value.slice(0, match.index);
  const lines = before.split('\n');
  const line = start.line + lines.length - 1;
  const column = lines.length === 1 ? start.column + before.length : lines[lines.length - 1]!.length + 1;
  return { start: { line, column }, end: { line, column } };
}

/** Image sizes as Obsidian writes them: `300` (width) or `300x200`. */
export function embedSize(option: string | null): { width?: number; height?: number } {
  const match = option ? /^(\d+)(?:x(\d+))?$/u.exec(option) : null;
  if (!match) return {};
  return { width: Number(match[1]), ...(match[2] ? { height: Number(match[2]) } : {}) };
}
