/**
 * Raw HTML of a note as its pages show it: what survives sanitizing, and
 * one rule for text the author hid with HTML: an element with the `hidden`
 * attribute, an inline `display: none` or `visibility: hidden`, or a
 * `<template>` is removed, with everything inside it, from the note's HTML
 * as parsed by the browser's own algorithm (hast-util-raw, parse5). Pages,
 * search and both exports take their text from that same cleaned tree
 * (plain-text.ts), so none of them carries text the pages do not show.
 */
import type { Element, Root } from 'hast';
import { raw } from 'hast-util-raw';
import { toText } from 'hast-util-to-text';
import { defaultSchema, type Schema } from 'hast-util-sanitize';
import { SKIP, visit } from 'unist-util-visit';

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

/** `display: none` or `visibility: hidden|collapse` in an inline style. */
const HIDING_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/iu;

/** Why an element hides its content, or null when it shows it. */
export function hidingReason(element: Element): string | null {
  if (element.tagName === 'template') return '<template>';
  const { properties } = element;
  if (properties['hidden'] !== undefined && properties['hidden'] !== false && properties['hidden'] !== null) {
    return `<${element.tagName} hidden>`;
  }
  const style = properties['style'];
  if (typeof style === 'string' && HIDING_STYLE.test(style.replace(/\/\*[\s\S]*?\*\//gu, ''))) {
    return `<${element.tagName} style="${style.trim().slice(0, 40)}">`;
  }
  return null;
}

/**
 * Whether raw HTML that opens an element hides what follows it until the
 * element closes: a hiding element (above), or `<script>` whose text the
 * sanitizer drops. Read with the same HTML parser as the page.
 */
export function hidesText(html: string): boolean {
  const tree = raw({ type: 'root', children: [{ type: 'raw', value: html }] } as Root) as Root;
  const first = tree.children.find((child) => child.type === 'element');
  return first?.type === 'element' && (first.tagName === 'script' || hidingReason(first) !== null);
}

/**
 * Parses the raw HTML in a hast tree (as Obsidian shows it) and removes the
 * elements that hide their content. `found` hears of each, for a warning.
 */
export function parseRawHtml(tree: Root, found?: (reason: string, element: Element) => void): Root {
  const parsed = raw(tree) as Root;
  visit(parsed, 'element', (node, index, parent) => {
    const reason = hidingReason(node);
    if (!reason || !parent || index === undefined) return;
    found?.(reason, node);
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  return parsed;
}

/**
 * The text a reader sees of a hast tree, as a browser's `innerText` gives
 * it (hast-util-to-text), with each image as its `alt`.
 */
export function hastText(tree: Root): string {
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'img' || !parent || index === undefined) return;
    parent.children[index] = { type: 'text', value: String(node.properties['alt'] ?? '') };
  });
  return toText(tree).trim();
}
