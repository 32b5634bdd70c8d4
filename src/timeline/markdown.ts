import type { Element as HastElement, Nodes as HastNodes, Root as HastRoot } from 'hast';
import { raw } from 'hast-util-raw';
import { sanitize, defaultSchema, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Definition, FootnoteDefinition, Nodes as MdastNodes, PhrasingContent, Root, RootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import remarkWikiLink from 'remark-wiki-link';
import remarkCallout from '@r4ai/remark-callout';
import remarkFlexibleMarkers from 'remark-flexible-markers';
import rehypeExternalLinks from 'rehype-external-links';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { remarkGfmLinear } from './gfm.ts';
import { embedSize, isImageTarget, remarkObsidian, stripComments, type EmbedNode, type TagNode } from './obsidian.ts';
import type { Position, Rich } from './types.ts';

/** The parser: CommonMark, GFM, YAML frontmatter and Obsidian wiki links. */
const parser = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfmLinear)
  .use(remarkWikiLink, {
    aliasDivider: '|',
    // Resolution happens when rendering; keep the raw target here.
    pageResolver: (name: string) => [name],
    hrefTemplate: (permalink: string) => permalink,
  });

/**
 * Obsidian's `==highlights==`, `> [!callouts]`, `![[embeds]]` and `#tags`,
 * each a tree transform. Each walks the whole tree, so each runs only when
 * its syntax is in the note at all: most notes use one or two of them.
 */
const transforms: Array<{ present: RegExp; processor: { runSync(tree: Root): unknown } }> = [
  { present: /==/u, processor: unified().use(remarkFlexibleMarkers, { markerClassName: () => [] }) },
  {
    present: /\[![\w-]+\]/u,
    processor: unified().use(remarkCallout, {
      // Foldable callouts (`[!tip]-`, `[!tip]+`) are <details>; others a note region.
      root: (callout) => ({
        tagName: callout.isFoldable ? 'details' : 'div',
        properties: {
          className: ['callout', `callout-${callout.type.toLowerCase().replace(/[^a-z0-9-]/gu, '')}`],
          ...(callout.isFoldable ? { open: callout.defaultFolded === false } : { role: 'note' }),
        },
      }),
      title: (callout) => ({
        tagName: callout.isFoldable ? 'summary' : 'p',
        properties: { className: ['callout-title'] },
      }),
      body: () => ({ tagName: 'div', properties: { className: ['callout-body'] } }),
    }),
  },
  // `![[` or a `#` that starts a tag (a heading's `## ` does not).
  { present: /!\[\[|(?:^|[\s(（,，;；])#[\p{L}\p{N}_/-]/mu, processor: unified().use(remarkObsidian) },
];

/**
 * Parses Markdown (frontmatter included) to mdast with positions. Obsidian
 * comments are blanked first, in place, so positions still match the note.
 */
export function parseMarkdown(text: string): Root {
  const visible = stripComments(text);
  let tree = parser.parse(visible);
  // Each transform changes the tree in place and returns it.
  for (const { present, processor } of transforms) if (present.test(visible)) tree = processor.runSync(tree) as Root;
  // Without a `[label]:` anywhere there is no definition to resolve.
  if (/\[[^\]\n]+\]:/u.test(visible)) resolveReferences(tree);
  return tree;
}

/**
 * Reference-style links and images (`[text][id]`, `[id]`) point at a
 * definition that may stand anywhere in the note, but the note is rendered
 * one fragment at a time, where the definition is out of sight and the
 * reference would show as raw `[text][id]`. So each reference becomes the
 * link or image it stands for while the whole tree is at hand.
 */
function resolveReferences(tree: Root): void {
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (node) => {
    // CommonMark: the first definition of a label wins.
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
  });
  if (!definitions.size) return;
  visit(tree, (node, index, parent) => {
    if ((node.type !== 'linkReference' && node.type !== 'imageReference') || !parent || index === undefined) return;
    const definition = definitions.get(node.identifier);
    if (!definition) return;
    const { url, title = null } = definition;
    parent.children[index] =
      node.type === 'linkReference'
        ? { type: 'link', url, title, children: node.children, position: node.position }
        : { type: 'image', url, title, alt: node.alt, position: node.position };
  });
}

/**
 * What survives sanitising: GitHub's schema (rehype-sanitize's default),
 * plus the classes our own renderer sets. Raw HTML in the note is parsed and
 * then cleaned: scripts, event handlers, styles and unsafe URLs never pass.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    // Footnote references point at a label that fragments do not render.
    a: allow('a', ['wikilink'], []).filter((attribute) => attribute !== 'ariaDescribedBy'),
    span: allow('span', ['wikilink', 'wikilink-unresolved', 'tag', 'image-missing'], []),
    img: allow('img', [], ['loading', 'decoding']),
    div: allow('div', [/^callout(-[a-z0-9-]+)?$/u], [['role', 'note']]),
    details: allow('details', [/^callout(-[a-z0-9-]+)?$/u], []),
    summary: allow('summary', ['callout-title'], []),
    p: allow('p', ['callout-title'], []),
  },
  tagNames: [...(defaultSchema.tagNames ?? []), 'mark'],
};

type AttributeRule = NonNullable<Schema['attributes']>[string][number];

/**
 * GitHub's rules for a tag plus ours. The sanitizer reads only the first
 * `className` rule of a tag, so our classes join GitHub's in that one rule.
 */
function allow(tag: string, classes: Array<string | RegExp>, extra: AttributeRule[]): AttributeRule[] {
  const rules = defaultSchema.attributes?.[tag] ?? [];
  const isClassRule = (rule: AttributeRule) => Array.isArray(rule) && rule[0] === 'className';
  const existing = rules.filter(isClassRule).flatMap((rule) => (rule as unknown[]).slice(1)) as Array<string | RegExp>;
  const merged = [...existing, ...classes];
  return [
    ...rules.filter((rule) => !isClassRule(rule)),
    ...(merged.length ? [['className', ...merged] as AttributeRule] : []),
    ...extra,
  ];
}

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

/** An image to resolve: `![alt](file.png)` or `![[file.png|300]]`. */
export interface ImageRequest {
  url: string;
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

/** Renders block content (paragraphs, lists, quotes…) to sanitized HTML and plain text. */
export function renderBlocks(nodes: readonly RootContent[], hooks: RenderHooks = defaultHooks): Rich {
  const children = nodes.flatMap((node) => (node.type === 'footnoteDefinition' ? footnoteInPlace(node) : [node]));
  const root: Root = { type: 'root', children: children.map((node) => resolveObsidian(node, hooks)) };
  return { html: toHtml(toSafeHast(root, nodes, hooks)).trim(), text: plainText(nodes, '\n') };
}

/**
 * mdast-util-to-hast renders a footnote definition only in a footer listing
 * the footnotes referenced in the same fragment, so alone it rendered
 * nothing and its text was lost. It is shown where it stands instead: its
 * label, then its content, with the anchor (`fn-1`, `user-content-` added by
 * the sanitizer) that the reference's `#user-content-fn-1` link points at.
 */
function footnoteInPlace(node: FootnoteDefinition): RootContent[] {
  const label: PhrasingContent = {
    type: 'emphasis',
    data: { hName: 'sup', hProperties: { id: `fn-${encodeURI(node.identifier.toLowerCase())}` } },
    children: [{ type: 'text', value: node.label ?? node.identifier }],
  };
  const [first, ...rest] = node.children;
  if (first?.type === 'paragraph') {
    return [{ ...first, children: [label, { type: 'text', value: ' ' }, ...first.children] }, ...rest];
  }
  return [{ type: 'paragraph', children: [label] }, ...node.children];
}

/**
 * Renders inline content to sanitized HTML and plain text. It goes through a
 * paragraph: a bare root would be joined with newlines, and between inline
 * nodes a newline renders as a space.
 */
export function renderInline(nodes: readonly PhrasingContent[], hooks: RenderHooks = defaultHooks): Rich {
  const children = nodes.map((node) => resolveObsidian(node, hooks));
  const clean = toSafeHast({ type: 'root', children: [{ type: 'paragraph', children }] }, nodes, hooks);
  const paragraph = clean.children.find((child) => child.type === 'element');
  const inner: HastRoot = { type: 'root', children: paragraph && 'children' in paragraph ? paragraph.children : [] };
  return { html: toHtml(inner).trim(), text: plainText(nodes) };
}

/** External links from the note open nothing of ours: no opener, no referrer. */
const markExternalLinks = rehypeExternalLinks({ rel: ['noopener', 'noreferrer'] }) as unknown as (
  tree: HastRoot,
) => void;

function toSafeHast(root: Root, original: readonly MdastNodes[], hooks: RenderHooks): HastRoot {
  let hast = toHast(root, { allowDangerousHtml: true }) as HastRoot;
  // Raw HTML is parsed (as Obsidian shows it) only to be sanitized below.
  if (hasHtml(original)) {
    visit(hast, 'element', (node) => {
      if (node.tagName === 'img') node.properties[RESOLVED] = true;
    });
    hast = raw(hast) as HastRoot;
    const first = original.find((node) => node.position);
    resolveRawImages(hast, hooks, first ? positionOf(first) : null);
  }
  const clean = sanitize(hast as HastNodes, sanitizeSchema) as HastRoot;
  markExternalLinks(clean);
  return clean;
}

/** Marks the images that the hooks already resolved, to tell them from raw HTML ones. */
const RESOLVED = 'dataTimelineResolved';

/**
 * `<img>` written as raw HTML goes through the same hook as `![](…)`: a file
 * beside the note is served from the site (a missing one is a placeholder
 * and a warning, not a broken image), any other address must be http(s),
 * and every image gets an `alt`. Without this a raw `<img src="photo.png">`
 * pointed at a path the site does not have.
 */
function resolveRawImages(tree: HastRoot, hooks: RenderHooks, fragment: Position | null): void {
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'img' || !parent || index === undefined) return;
    const { properties } = node;
    if (properties[RESOLVED] !== undefined) {
      delete properties[RESOLVED];
      return;
    }
    const src = typeof properties['src'] === 'string' ? properties['src'].trim() : '';
    if (!src) {
      parent.children.splice(index, 1);
      return index;
    }
    const size = (value: unknown) =>
      typeof value === 'number' && value > 0 ? value : Number.parseInt(String(value ?? ''), 10) || undefined;
    const width = size(properties['width']);
    const height = size(properties['height']);
    const image = hooks.image({
      url: src,
      alt: typeof properties['alt'] === 'string' ? properties['alt'] : '',
      title: typeof properties['title'] === 'string' ? properties['title'] : null,
      ...(width ? { width } : {}),
      ...(height ? { height } : {}),
      // Parsed raw HTML has no positions of its own: the fragment's start is the nearest.
      position: node.position ? { line: node.position.start.line, column: node.position.start.column } : fragment,
    });
    parent.children[index] = toHast(image) as HastElement;
    return SKIP;
  });
}

function hasHtml(nodes: readonly MdastNodes[]): boolean {
  return nodes.some((node) => node.type === 'html' || ('children' in node && hasHtml(node.children as MdastNodes[])));
}

/**
 * Plain text of nodes, as a reader sees it (wiki links show their alias).
 * `separator` goes between the nodes: a newline between blocks, so that the
 * last word of a paragraph does not run into the first of the next.
 */
export function plainText(nodes: readonly MdastNodes[], separator = ''): string {
  return nodes.map((node) => textOf(showAliases(node))).join(separator);
}

/** Containers whose children are blocks of their own (list items, cells…). */
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'list', 'listItem', 'footnoteDefinition', 'table', 'tableRow']);

/**
 * mdast-util-to-string, except that line breaks and the gaps between blocks
 * read as white space: Obsidian shows them, and the text feeds page
 * descriptions, where `first line` + `second line` must not fuse.
 */
function textOf(node: MdastNodes): string {
  if (node.type === 'break') return '\n';
  if (!('children' in node)) return toString(node, { includeHtml: false });
  const parts = (node.children as MdastNodes[]).map(textOf);
  if (!BLOCK_PARENTS.has(node.type)) return parts.join('');
  return parts.join(node.type === 'tableRow' ? '\t' : '\n');
}

/** What a reader sees of Obsidian nodes, as text. */
const textHooks: RenderHooks = {
  wikiLink: ({ alias }) => ({ type: 'text', value: alias }),
  image: ({ alt }) => ({ type: 'text', value: alt }),
};

function showAliases<T extends MdastNodes>(node: T): T {
  return resolveObsidian(node, textHooks);
}

function positionOf(node: { position?: MdastNodes['position'] }): Position | null {
  const start = node.position?.start;
  return start ? { line: start.line, column: start.column } : null;
}

/** Replaces wiki links, embeds, tags and local images with what the hooks make of them. */
function resolveObsidian<T extends MdastNodes>(node: T, hooks: RenderHooks): T {
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
    if (isImageTarget(embed.target)) {
      const alt =
        embed.option && !/^\d+(x\d+)?$/u.test(embed.option) ? embed.option : embed.target.replace(/^.*[\\/]/u, '');
      return hooks.image({ url: embed.target, alt, title: null, ...embedSize(embed.option), position }) as unknown as T;
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
    if (hooks === textHooks) return { type: 'text', value } as unknown as T;
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
    return hooks.image({
      url: image.url,
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
