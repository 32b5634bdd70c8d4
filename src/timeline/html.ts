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
    // Players for the vault's audio and video files (their `src` is checked like an image's).
    audio: ['src', 'controls', 'preload'],
    video: ['src', 'controls', 'preload', 'width', 'height'],
    div: allow('div', [/^callout(-[a-z0-9-]+)?$/u], [['role', 'note']]),
    details: allow('details', [/^callout(-[a-z0-9-]+)?$/u], []),
    summary: allow('summary', ['callout-title'], []),
    p: allow('p', ['callout-title'], []),
  },
  tagNames: [...(defaultSchema.tagNames ?? []), 'mark', 'audio', 'video'],
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

/** A tag in raw HTML: end tag or not, its name. Attribute values may hold `>`. */
const TAG = /<(\/?)([a-z][a-z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>/giu;

/** Elements that hold no content: they never open a run. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** Why an opening tag hides what it holds (its attributes read by the page's HTML parser), or null. */
function tagHides(tag: string, name: string): string | null {
  if (name === 'script') return '<script>';
  if (!/hidden|style|template/iu.test(tag)) return null;
  const tree = raw({ type: 'root', children: [{ type: 'raw', value: tag }] } as Root) as Root;
  const element = tree.children.find((child) => child.type === 'element');
  return element?.type === 'element' ? hidingReason(element) : null;
}

/**
 * The outermost element that hides its content and that raw HTML leaves
 * open at its end (`<p>x</p><div hidden>`), with where its tag starts and
 * how deep its name is open; null when none is left open. A `/>` on an
 * element that is not void closes nothing, as for the browser.
 */
function openHider(html: string): { tag: string; reason: string; index: number; depth: number } | null {
  const stack: Array<{ tag: string; reason: string | null; index: number }> = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = m[2]!.toLowerCase();
    if (m[1]) {
      const at = stack.map((open) => open.tag).lastIndexOf(name);
      if (at !== -1) stack.length = at;
    } else if (!VOID.has(name)) {
      stack.push({ tag: name, reason: tagHides(m[0], name), index: m.index });
    }
  }
  const at = stack.findIndex((open) => open.reason !== null);
  if (at === -1) return null;
  const { tag, reason, index } = stack[at]!;
  return { tag, reason: reason!, index, depth: stack.slice(at).filter((open) => open.tag === tag).length };
}

/** Where, in raw HTML, a run open `depth` deep on `tag` closes (just after its end tag), or -1 with the new depth. */
function closeIn(html: string, tag: string, depth: number): { at: number; depth: number } {
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (m[2]!.toLowerCase() !== tag) continue;
    depth += m[1] ? -1 : 1;
    if (depth === 0) return { at: m.index + m[0].length, depth };
  }
  return { at: -1, depth };
}

/**
 * Removes what a hiding element left open in one HTML node holds until it
 * closes in a later sibling: `<span hidden>`, its text, `</span>` (three
 * nodes of a paragraph), or `<div hidden>`, paragraphs, `</div>` (blocks).
 * Markdown is rendered one block at a time, so the page's HTML parser never
 * sees such a run whole. What the opening node holds before the element and
 * the closing node after it stays. `found` hears of each hiding element
 * (a `<script>`'s text goes silently, as the sanitizer drops it).
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
        if (child.type !== 'html') continue;
        const closed = closeIn(child.value, hiding.tag, hiding.depth);
        hiding.depth = closed.depth;
        if (closed.at === -1) continue;
        hiding = null;
        const rest = child.value.slice(closed.at);
        if (rest.trim()) kept!.push({ ...child, value: rest });
        continue;
      }
      const opener = child.type === 'html' ? openHider(child.value) : null;
      if (opener && child.type === 'html') {
        if (opener.reason !== '<script>') found?.(opener.reason, child);
        kept ??= children.slice(0, i);
        const head = child.value.slice(0, opener.index);
        if (head.trim()) kept.push({ ...child, value: head });
        hiding = { tag: opener.tag, depth: opener.depth };
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
