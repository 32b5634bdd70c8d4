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
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import { raw } from 'hast-util-raw';
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
 * The element that raw HTML opens at its start, when it hides its content
 * (above) or is a `<script>`, whose text the sanitizer drops: read with the
 * same HTML parser as the page.
 */
function openingHider(html: string): { tag: string; reason: string | null } | null {
  const tag = /^<([a-z][a-z0-9-]*)\b/iu.exec(html.trimStart())?.[1]?.toLowerCase();
  if (!tag) return null;
  const tree = raw({ type: 'root', children: [{ type: 'raw', value: html }] } as Root) as Root;
  const first = tree.children.find((child) => child.type === 'element');
  if (first?.type !== 'element') return null;
  if (first.tagName === 'script') return { tag, reason: null };
  const reason = hidingReason(first);
  return reason ? { tag, reason } : null;
}

/** How many `<tag` raw HTML opens and does not close. */
function balance(html: string, tag: string): number {
  const opens = html.match(new RegExp(`<${tag}\\b(?:[^>"']|"[^"]*"|'[^']*')*?(?<!/)>`, 'giu'))?.length ?? 0;
  const closes = html.match(new RegExp(`</${tag}\\s*>`, 'giu'))?.length ?? 0;
  return opens - closes;
}

/**
 * Removes what a hiding element left open in one HTML node holds until it
 * closes in a later sibling: `<span hidden>`, its text, `</span>` (three
 * nodes of a paragraph), or `<div hidden>`, paragraphs, `</div>` (blocks).
 * Markdown is rendered one block at a time, so the page's HTML parser never
 * sees such a run whole. The closing node stays: a stray end tag shows
 * nothing. `found` hears of each hiding element.
 */
export function removeHiddenRuns(tree: MdastRoot, found?: (reason: string, node: MdastNodes) => void): void {
  const walk = (node: MdastNodes) => {
    if (!('children' in node)) return;
    const children = node.children as MdastNodes[];
    let kept: MdastNodes[] | null = null;
    let hiding: { tag: string; depth: number } | null = null;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (hiding) {
        if (child.type === 'html') hiding.depth += balance(child.value, hiding.tag);
        if (hiding.depth <= 0 && child.type === 'html') {
          hiding = null;
          kept!.push(child);
        }
        continue;
      }
      const opener = child.type === 'html' ? openingHider(child.value) : null;
      const depth = opener ? balance((child as { value: string }).value, opener.tag) : 0;
      if (opener && depth > 0) {
        if (opener.reason) found?.(opener.reason, child);
        kept ??= children.slice(0, i);
        hiding = { tag: opener.tag, depth };
        continue;
      }
      kept?.push(child);
      walk(child);
    }
    if (kept) (node as { children: MdastNodes[] }).children = kept;
  };
  walk(tree);
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
