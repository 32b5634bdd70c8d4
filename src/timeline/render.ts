/**
 * mdast fragments to sanitized HTML (and their plain text): raw HTML parsed
 * as Obsidian shows it, then cleaned with GitHub's schema plus the site's own
 * classes; external links get `rel="noopener noreferrer"`.
 */
import type { Element as HastElement, Nodes as HastNodes, Root as HastRoot } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { FootnoteDefinition, Nodes as MdastNodes, PhrasingContent, Root, RootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import rehypeExternalLinks from 'rehype-external-links';
import { SKIP, visit } from 'unist-util-visit';
import { defaultHooks, positionOf, resolveObsidian, type RenderHooks } from './hooks.ts';
import { parseRawHtml, sanitizeSchema } from './html.ts';
import { plainText } from './plain-text.ts';
import type { Position, Rich } from './types.ts';

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
    const first = original.find((node) => node.position);
    const fragment = (first ? positionOf(first) : null) ?? { line: 1, column: 1 };
    hast = parseRawHtml(hast, (reason, element) =>
      hooks.warn?.({
        ...(element.position ? { line: element.position.start.line, column: element.position.start.column } : fragment),
        message: `${reason} hides its content: it is not published`,
        hint: 'text the author hides is left out of the pages, search and exports alike; delete the element to say nothing, or show it',
      }),
    );
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
