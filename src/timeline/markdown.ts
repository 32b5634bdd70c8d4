/**
 * Markdown to mdast: CommonMark, GFM, YAML frontmatter, Obsidian wiki links,
 * highlights, callouts, embeds and tags, with positions that match the note.
 * Rendering is render.ts's; plain text is plain-text.ts's.
 */
import type { Definition, Root } from 'mdast';
import type { Extension } from 'micromark-util-types';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import remarkWikiLink from 'remark-wiki-link';
import remarkCallout from '@r4ai/remark-callout';
import remarkFlexibleMarkers from 'remark-flexible-markers';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { stripComments } from './comments.ts';
import { remarkGfmLinear } from './gfm.ts';
import { removeHiddenRuns } from './html.ts';
import { remarkObsidian } from './obsidian.ts';
import type { Diagnostic } from './types.ts';

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
  })
  .freeze();

/** The parser's micromark syntax extensions: comments.ts reads code with exactly these. */
const syntax = (parser.data('micromarkExtensions') ?? []) as Extension[];

/**
 * Obsidian's `==highlights==`, `> [!callouts]`, `![[embeds]]` and `#tags`,
 * each a tree transform. Each walks the whole tree, so each runs only when
 * its syntax is in the note at all: most notes use one or two of them.
 */
const transforms: Array<{ present: RegExp; processor: { runSync(tree: Root): unknown } }> = [
  { present: /==/u, processor: unified().use(remarkFlexibleMarkers, { markerClassName: () => [] }) },
  {
    // `[!type]`, with metadata too: `[!timeline|t-l]` (the ITS theme's timeline callout).
    present: /\[![\w-]+(?:\|[^\]\n]*)?\]/u,
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
export function parseMarkdown(text: string, file = '', warnings?: Diagnostic[]): Root {
  const visible = stripComments(text, syntax, warnings, file);
  let tree = parser.parse(visible);
  // Each transform changes the tree in place and returns it.
  for (const { present, processor } of transforms) if (present.test(visible)) tree = processor.runSync(tree) as Root;
  // What an element the author hid holds, across the nodes Markdown splits it into.
  if (/<[a-z]/iu.test(visible)) {
    removeHiddenRuns(tree, (reason, node) =>
      warnings?.push({
        file,
        line: node.position?.start.line ?? 1,
        column: node.position?.start.column ?? 1,
        message: `${reason} hides its content: it is not published`,
        hint: 'text the author hides is left out of the pages, search and exports alike; delete it, or show it',
      }),
    );
  }
  // Without a `[label]:` anywhere there is no definition to resolve.
  if (/\[[^\]\n]+\]:/u.test(visible)) resolveReferences(tree);
  // The text as parsed (comments blanked): what a node's offsets point into.
  tree.data = { ...tree.data, visible } as typeof tree.data;
  return tree;
}

/** The text a tree was parsed from, comments blanked (offsets of its nodes point into it). */
export function visibleText(tree: Root): string | null {
  return (tree.data as { visible?: string } | undefined)?.visible ?? null;
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
