import type { Image, PhrasingContent, Root, Text } from 'mdast';
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
 * positions in messages still match the note. Code (fenced, indented by a
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
  while (i < text.length) {
    if (lineStart) {
      const line = /^[ \t]{0,3}(`{3,}|~{3,})/u.exec(text.slice(i, i + 64));
      if (line) {
        const marker = line[1]!;
        if (fence === null) fence = marker;
        else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
        // The rest of a fence line is its info string or nothing: never an
        // inline code span, which would run to the next fence and swap
        // inside and outside of every code block below it.
        const end = text.indexOf('\n', i);
        i = end === -1 ? text.length : end;
        continue;
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
      // An inline code span: skip to the matching run of backticks, if any.
      const run = /^`+/u.exec(text.slice(i))![0];
      const close = text.indexOf(run, i + run.length);
      i = close === -1 ? i + run.length : close + run.length;
      continue;
    }
    if (ch === '%' && text[i + 1] === '%') {
      const close = text.indexOf('%%', i + 2);
      const end = close === -1 ? text.length : close + 2;
      blank(i, end);
      // Newlines inside the comment still end lines for fence detection.
      lineStart = text[end - 1] === '\n';
      i = end;
      continue;
    }
    i++;
  }
  return out.join('');
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
          /!\[\[([^\[\]|\n]+)(?:\|([^\[\]\n]*))?\]\]/gu,
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

/** The note an image belongs to asks where its file is; see `ParseOptions.asset`. */
export type { Image };
