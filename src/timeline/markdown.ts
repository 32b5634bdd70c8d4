import type { Nodes as HastNodes, Root as HastRoot } from 'hast';
import { raw } from 'hast-util-raw';
import { sanitize, defaultSchema, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Definition, FootnoteDefinition, Nodes as MdastNodes, PhrasingContent, Root, RootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkWikiLink from 'remark-wiki-link';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Rich } from './types.ts';

/** The parser: CommonMark, GFM, YAML frontmatter and Obsidian wiki links. */
const parser = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkWikiLink, {
    aliasDivider: '|',
    // Resolution happens when rendering; keep the raw target here.
    pageResolver: (name: string) => [name],
    hrefTemplate: (permalink: string) => permalink,
  });

/** Parses Markdown (frontmatter included) to mdast with positions. */
export function parseMarkdown(text: string): Root {
  const tree = parser.parse(text);
  resolveReferences(tree);
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
    span: [...(defaultSchema.attributes?.span ?? []), ['className', 'wikilink', 'wikilink-unresolved']],
    a: [...(defaultSchema.attributes?.a ?? []), ['className', 'wikilink', 'internal']],
  },
};

/** A wiki link as remark-wiki-link leaves it in mdast. */
interface WikiLinkNode {
  type: 'wikiLink';
  value: string;
  data: { alias: string; permalink: string };
}

/** Turns a wiki link into mdast that renders without dead links. */
export type WikiLinkRenderer = (target: string, alias: string) => PhrasingContent;

/** Until a note says where other notes live, a wiki link is marked plain text. */
export const plainWikiLink: WikiLinkRenderer = (_target, alias) => ({
  type: 'emphasis',
  data: { hName: 'span', hProperties: { className: ['wikilink', 'wikilink-unresolved'] } },
  children: [{ type: 'text', value: alias }],
});

/** Renders block content (paragraphs, lists, quotes…) to sanitized HTML and plain text. */
export function renderBlocks(nodes: readonly RootContent[], wikiLink: WikiLinkRenderer = plainWikiLink): Rich {
  const children = nodes.flatMap((node) => (node.type === 'footnoteDefinition' ? footnoteInPlace(node) : [node]));
  const root: Root = { type: 'root', children: children.map((node) => resolveWikiLinks(node, wikiLink)) };
  return { html: toHtml(toSafeHast(root, nodes)).trim(), text: plainText(nodes, '\n') };
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
export function renderInline(nodes: readonly PhrasingContent[], wikiLink: WikiLinkRenderer = plainWikiLink): Rich {
  const children = nodes.map((node) => resolveWikiLinks(node, wikiLink));
  const clean = toSafeHast({ type: 'root', children: [{ type: 'paragraph', children }] }, nodes);
  const paragraph = clean.children.find((child) => child.type === 'element');
  const inner: HastRoot = { type: 'root', children: paragraph && 'children' in paragraph ? paragraph.children : [] };
  return { html: toHtml(inner).trim(), text: plainText(nodes) };
}

function toSafeHast(root: Root, original: readonly MdastNodes[]): HastRoot {
  let hast = toHast(root, { allowDangerousHtml: true }) as HastRoot;
  // Raw HTML is parsed (as Obsidian shows it) only to be sanitized below.
  if (hasHtml(original)) hast = raw(hast) as HastRoot;
  return sanitize(hast as HastNodes, sanitizeSchema) as HastRoot;
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

function showAliases<T extends MdastNodes>(node: T): T {
  return resolveWikiLinks(node, (_target, alias) => ({ type: 'text', value: alias }));
}

function resolveWikiLinks<T extends MdastNodes>(node: T, wikiLink: WikiLinkRenderer): T {
  if ((node as unknown as WikiLinkNode).type === 'wikiLink') {
    const wiki = node as unknown as WikiLinkNode;
    return wikiLink(wiki.value, wiki.data.alias) as unknown as T;
  }
  if ('children' in node) {
    return {
      ...node,
      children: (node.children as MdastNodes[]).map((child) => resolveWikiLinks(child, wikiLink)),
    } as T;
  }
  return node;
}
