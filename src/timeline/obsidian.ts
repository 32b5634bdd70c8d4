import type { PhrasingContent, Root, Text } from 'mdast';
import { findAndReplace, type RegExpMatchObject } from 'mdast-util-find-and-replace';

/*
 * A remark plugin for Obsidian syntax that no maintained remark plugin reads
 * as Obsidian does: `![[embeds]]` (CommonMark reads `![` as the start of an
 * image, so remark-wiki-link never sees them) and inline `#tags`. Comments
 * (`%%…%%`) are lexed before parsing (comments.ts); highlights and callouts
 * use remark-flexible-markers and @r4ai/remark-callout (see markdown.ts).
 */

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

/** What a vault file embedded with `![[…]]` or `![](…)` is shown as, by its extension. */
export type EmbedKind = 'image' | 'audio' | 'video' | 'pdf';

const KINDS: Array<[RegExp, EmbedKind]> = [
  [/\.(avif|bmp|gif|jpe?g|png|svg|webp|ico|tiff?)$/iu, 'image'],
  [/\.(mp3|wav|m4a|flac|ogg|oga|opus)$/iu, 'audio'],
  [/\.(mp4|m4v|webm|ogv|mov|mkv|3gp)$/iu, 'video'],
  [/\.pdf$/iu, 'pdf'],
];

/** The kind of file an embed target names, or null for another note. */
export function embedKind(target: string): EmbedKind | null {
  const path = target.split('#')[0]!.trim();
  return KINDS.find(([pattern]) => pattern.test(path))?.[1] ?? null;
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
