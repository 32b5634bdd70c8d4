/**
 * Attribute lists are styling syntax, not text: kramdown's `{: .align-center}`
 * (and `{:toc}`) and Pandoc's `{.class #id key=value}` after a heading, an
 * image or a paragraph. Obsidian shows them as written; every publisher
 * that knows them hides them, and so does the site.
 */
import type { Root, Text } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';

const TOKEN = String.raw`(?:[.#][\p{L}\p{N}_-]{1,80}|[\p{L}\p{N}_-]{1,80}=(?:"[^"\n]{0,200}"|'[^'\n]{0,200}'|[^\s}"']{0,200}))`;
/** `{: …}` with any tokens, or `{…}` whose first token is a class or an id. */
const ATTRIBUTES = new RegExp(
  // Runs of spaces and tokens are bounded, so that no long line can make the search slow.
  String.raw`\{(?::[ \t]{0,4}(?:${TOKEN}|[\p{L}_-]+)?|[ \t]{0,4}[.#][\p{L}\p{N}_-]+)(?:[ \t]{1,4}${TOKEN}){0,16}[ \t]{0,4}\}`,
  'gu',
);

/** Removes attribute lists from the text of the tree, and paragraphs left empty by it. */
export function removeAttributeLists(tree: Root): void {
  const touched = new Set<unknown>();
  visit(tree, 'text', (node: Text, _index, parent) => {
    if (!node.value.includes('{')) return;
    // The spaces before a list go with it; `trimEnd`, not a regex, so a long run of spaces stays linear.
    const value = node.value.replace(ATTRIBUTES, '');
    if (value === node.value) return;
    touched.add(parent);
    node.value = /\}\s*$/u.test(node.value) ? value.trimEnd() : value;
  });
  if (!touched.size) return;
  visit(tree, 'paragraph', (node, index, parent) => {
    const empty = node.children.every((child) => child.type === 'text' && !child.value.trim());
    if (!touched.has(node) || !empty || !parent || index === undefined) return undefined;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
}
