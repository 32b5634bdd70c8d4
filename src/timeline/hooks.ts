/**
 * Render hooks: how wiki links, embeds, tags, footnote references and images
 * become mdast the site can show. The parser knows the note; the loader knows
 * where pages and files are served, and passes hooks that say so.
 */
import type { Nodes as MdastNodes, PhrasingContent } from 'mdast';
import { embedKind, embedSize, type EmbedKind, type EmbedNode, type TagNode } from './obsidian.ts';
import type { Diagnostic, Position } from './types.ts';

/** A wiki link as remark-wiki-link leaves it in mdast. */
interface WikiLinkNode {
  type: 'wikiLink';
  value: string;
  data: { alias: string; permalink: string };
  position?: MdastNodes['position'];
}

/** A wiki link or note embed to resolve: `[[target|alias]]`, `![[Other note]]`. */
export interface WikiLinkRequest {
  /** The target as written, `Note#Heading` or `#Heading`. */
  target: string;
  /** What the reader sees. */
  alias: string;
  /** `![[…]]` rather than `[[…]]`. */
  embed: boolean;
  position: Position | null;
}

/** An image to resolve: `![alt](file.png)` or `![[file.png|300]]`; or audio, video, a PDF (`![[talk.mp3]]`). */
export interface ImageRequest {
  url: string;
  /** What the file is shown as; an image when left out. */
  kind?: EmbedKind;
  alt: string;
  title: string | null;
  width?: number;
  height?: number;
  position: Position | null;
}

/**
 * How links and images that depend on the rest of the site render. The
 * parser knows the note; the loader knows where pages and files are served.
 */
export interface RenderHooks {
  wikiLink(link: WikiLinkRequest): PhrasingContent;
  image(image: ImageRequest): PhrasingContent;
  /**
   * A footnote reference `[^1]`, which must link to the page its definition
   * is shown on. Without it, mdast-util-to-hast's `#user-content-fn-1`.
   */
  footnote?(reference: { identifier: string; label: string }): PhrasingContent;
  /** A `#tag`. Without it, a tag chip (`<span class="tag">`). */
  tag?(value: string): PhrasingContent;
  /** Hears of a recoverable problem met while rendering (hidden HTML left out). */
  warn?(diagnostic: Omit<Diagnostic, 'file'>): void;
}

/** Marked plain text: never a dead link. */
export function unresolvedWikiLink(alias: string): PhrasingContent {
  return {
    type: 'emphasis',
    data: { hName: 'span', hProperties: { className: ['wikilink', 'wikilink-unresolved'] } },
    children: [{ type: 'text', value: alias }],
  };
}

/** Without a site around it: wiki links are marked text, images are left as written. */
export const defaultHooks: RenderHooks = {
  wikiLink: ({ alias }) => unresolvedWikiLink(alias),
  image: ({ url, alt, title, width, height }) => imageNode(url, alt, title, width, height),
};

/**
 * A vault file shown as what it is: an image, an audio or video player (its
 * alt text the fallback), or a link to a PDF.
 */
export function mediaNode(
  url: string,
  kind: EmbedKind,
  alt: string,
  title: string | null,
  width?: number,
  height?: number,
): PhrasingContent {
  if (kind === 'image') return imageNode(url, alt, title, width, height);
  const label: PhrasingContent = { type: 'text', value: alt || url.replace(/^.*\//u, '') };
  if (kind === 'pdf') return { type: 'link', url, title, children: [label] };
  return {
    type: 'emphasis',
    data: {
      hName: kind,
      hProperties: {
        src: url,
        controls: true,
        preload: 'metadata',
        ...(kind === 'video' && width ? { width } : {}),
        ...(kind === 'video' && height ? { height } : {}),
      },
    },
    children: [label],
  };
}

/** An mdast image with optional size. */
export function imageNode(
  url: string,
  alt: string,
  title: string | null,
  width?: number,
  height?: number,
): PhrasingContent {
  return {
    type: 'image',
    url,
    alt,
    title,
    data: {
      hProperties: { loading: 'lazy', decoding: 'async', ...(width ? { width } : {}), ...(height ? { height } : {}) },
    },
  };
}

export function positionOf(node: { position?: MdastNodes['position'] }): Position | null {
  const start = node.position?.start;
  return start ? { line: start.line, column: start.column } : null;
}

/** Replaces wiki links, embeds, tags and local images with what the hooks make of them. */
export function resolveObsidian<T extends MdastNodes>(node: T, hooks: RenderHooks): T {
  const type = (node as { type: string }).type;
  if (type === 'wikiLink') {
    const wiki = node as unknown as WikiLinkNode;
    return hooks.wikiLink({
      target: wiki.value,
      alias: wiki.data.alias,
      embed: false,
      position: positionOf(wiki),
    }) as unknown as T;
  }
  if (type === 'obsidianEmbed') {
    const embed = node as unknown as EmbedNode;
    const position = positionOf(embed);
    const kind = embedKind(embed.target);
    if (kind) {
      const alt =
        embed.option && !/^\d+(x\d+)?$/u.test(embed.option) ? embed.option : embed.target.replace(/^.*[\\/]/u, '');
      return hooks.image({
        url: embed.target,
        kind,
        alt,
        title: null,
        ...embedSize(embed.option),
        position,
      }) as unknown as T;
    }
    return hooks.wikiLink({
      target: embed.target,
      alias: embed.option ?? embed.target,
      embed: true,
      position,
    }) as unknown as T;
  }
  if (type === 'obsidianTag') {
    const value = `#${(node as unknown as TagNode).value}`;
    if (hooks.tag) return hooks.tag(value) as unknown as T;
    return {
      type: 'emphasis',
      data: { hName: 'span', hProperties: { className: ['tag'] } },
      children: [{ type: 'text', value }],
    } as unknown as T;
  }
  if (type === 'footnoteReference' && hooks.footnote) {
    const reference = node as unknown as { identifier: string; label?: string | null };
    return hooks.footnote({
      identifier: reference.identifier,
      label: reference.label ?? reference.identifier,
    }) as unknown as T;
  }
  if (type === 'image') {
    const image = node as unknown as { url: string; alt?: string | null; title?: string | null };
    // `![](talk.mp3)` of a file is audio, as in Obsidian; a remote address stays an image.
    const kind = /^[a-z][a-z0-9+.-]*:|^\/\//iu.test(image.url) ? 'image' : (embedKind(image.url) ?? 'image');
    return hooks.image({
      url: image.url,
      kind,
      alt: image.alt ?? '',
      title: image.title ?? null,
      position: positionOf(node),
    }) as unknown as T;
  }
  if ('children' in node) {
    // Copy only what changes: most subtrees hold no Obsidian node, and this runs for every fragment.
    const children = node.children as MdastNodes[];
    let changed: MdastNodes[] | null = null;
    for (let i = 0; i < children.length; i++) {
      const next = resolveObsidian(children[i]!, hooks);
      if (next !== children[i]) (changed ??= children.slice())[i] = next;
    }
    return changed ? ({ ...node, children: changed } as T) : node;
  }
  return node;
}
