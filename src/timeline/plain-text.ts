/** Plain text of mdast, as a reader sees it: for descriptions, search and exports. */
import type { Nodes as MdastNodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { resolveObsidian, type RenderHooks } from './hooks.ts';

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
  tag: (value) => ({ type: 'text', value }),
};

function showAliases<T extends MdastNodes>(node: T): T {
  return resolveObsidian(node, textHooks);
}
