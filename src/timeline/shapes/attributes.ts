/**
 * Attribute lists are styling syntax, not text: kramdown's `{: .align-center}`
 * (and `{:toc}`) and Pandoc's `{.class #id key=value}` after a heading, an
 * image or a paragraph. Obsidian shows them as written; every publisher
 * that knows them hides them, and so does the site.
 */
import type { Root, Text } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';

const TOKEN = String.raw`(?:[.#][\p{L}\p{N}_-]+|[\p{L}\p{N}_-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s}"']*))`;
/** `{: …}` with any tokens, or `{…}` whose first token is a class or an id. */
const ATTRIBUTES = new RegExp(
  String.raw`[ \t]*\{(?::[ \t]*(?:${TOKEN}|[\p{L}_-]+)?|[ \t]*[.#][\p{L}\p{N}_-]+)(?:[ \t]+${TOKEN})*[ \t]*\}`,
  'gu',
);

/** Removes attribute lists from the text of the tree, and paragraphs left empty by it. */
export function removeAttributeLists(tree: Root): void {
  const touched = new Set<unknown>();
  visit(tree, 'text', (node: Text, _index, parent) => {
    if (!node.value.includes('{')) return;
    const value = node.value.replace(ATTRIBUTES, '');
    if (value !== node.value) touched.add(parent);
    node.value = value;
  });
  if (!touched.size) return;
  visit(tree, 'paragraph', (node, index, parent) => {
    const empty = node.children.every((child) => child.type === 'text' && !child.value.trim());
    if (!touched.has(node) || !empty || !parent || index === undefined) return undefined;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
}
