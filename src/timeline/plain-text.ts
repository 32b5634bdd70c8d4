/** Plain text of mdast, as a reader sees it: for descriptions, search and exports. */
import type { Nodes as MdastNodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { resolveObsidian, type RenderHooks } from './hooks.ts';
import { hidesText } from './html.ts';

/**
 * Plain text of nodes, as a reader sees it (wiki links show their alias).
 * `separator` goes between the nodes: a newline between blocks, so that the
 * last word of a paragraph does not run into the first of the next.
 */
export function plainText(nodes: readonly MdastNodes[], separator = ''): string {
  if (!separator) return textOf({ type: 'paragraph', children: nodes.map(showAliases) } as MdastNodes);
  return nodes.map((node) => textOf(showAliases(node))).join(separator);
}

/** Containers whose children are blocks of their own (list items, cells…). */
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'list', 'listItem', 'footnoteDefinition', 'table', 'tableRow']);

/**
 * mdast-util-to-string, except that line breaks and the gaps between blocks
 * read as white space: Obsidian shows them, and the text feeds page
 * descriptions, where `first line` + `second line` must not fuse. Raw HTML
 * is not text, and what an inline element hides (`<span hidden>…</span>`,
 * `<script>…</script>`: html.ts says which) is left out as the page leaves
 * it out.
 */
function textOf(node: MdastNodes): string {
  if (node.type === 'break') return '\n';
  if (!('children' in node)) return toString(node, { includeHtml: false });
  const parts: string[] = [];
  let hiding: { tag: string; depth: number } | null = null;
  for (const child of node.children as MdastNodes[]) {
    if (child.type === 'html') {
      if (hiding) {
        hiding.depth += balance(child.value, hiding.tag);
        if (hiding.depth <= 0) hiding = null;
      } else {
        const tag = /^<([a-z][a-z0-9-]*)\b/iu.exec(child.value.trim())?.[1]?.toLowerCase();
        // Left open here (`<span hidden>` … `</span>`, `<div hidden>` … blocks … `</div>`): hide until it closes.
        const depth = tag ? balance(child.value, tag) : 0;
        if (tag && depth > 0 && hidesText(child.value)) hiding = { tag, depth };
      }
      continue;
    }
    if (!hiding) parts.push(textOf(child));
  }
  if (!BLOCK_PARENTS.has(node.type)) return parts.join('');
  return parts.join(node.type === 'tableRow' ? '\t' : '\n');
}

/** How many `<tag` the HTML opens and does not close. */
function balance(html: string, tag: string): number {
  const opens = html.match(new RegExp(`<${tag}\\b(?:[^>"']|"[^"]*"|'[^']*')*?(?<!/)>`, 'giu'))?.length ?? 0;
  const closes = html.match(new RegExp(`</${tag}\\s*>`, 'giu'))?.length ?? 0;
  return opens - closes;
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
