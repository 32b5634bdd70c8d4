/**
 * Puts a Content-Security-Policy `<meta>` into one built page of the
 * timeline: a host site sets none for its own pages, and the timeline's carry
 * theirs. The page's inline scripts and styles (a host's build may inline
 * small ones) are allowed by their hashes, except any inside the note's own
 * HTML (`[data-note]`): the note's HTML is cleaned of them, and were one to
 * get through, the policy would still refuse to run it.
 *
 * Parsed with parse5, the HTML parser the browsers' algorithm is written
 * for (hast-util-raw already depends on it), so that what is hashed is what
 * a browser reads.
 */
import { createHash } from 'node:crypto';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { pagePolicy, type PolicyOptions } from './policy.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const isElement = (node: Node): node is Element => 'tagName' in node;
const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** The text of a raw-text element (script, style), as the browser hashes it. */
function textOf(element: Element): string {
  return element.childNodes
    .map((child) => (child.nodeName === '#text' && 'value' in child ? child.value : ''))
    .join('');
}

/**
 * Where the note's HTML may have got out of its container: the start of the
 * first `[data-note]` element the parser closed before its own end tag (a
 * `<div>` in a `<p>`, an `<a>` in an `<a>`); what follows may be the note's.
 */
function escapedFrom(root: Node): number {
  let from = Infinity;
  const walk = (node: Node) => {
    if (isElement(node) && attr(node, 'data-note') !== undefined) {
      const at = node.sourceCodeLocation;
      if (at && !at.endTag) from = Math.min(from, at.startOffset);
      return;
    }
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return from;
}

/**
 * Hashes of the inline scripts and styles outside the note's HTML: never
 * one inside a `[data-note]` element, nor one after the note's HTML got out
 * of its container (the page's own then do not run either: safe, and warned).
 */
function inlineHashes(root: Node): { scripts: string[]; styles: string[]; refused: number } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const escaped = escapedFrom(root);
  let refused = 0;
  const walk = (node: Node) => {
    if (isElement(node)) {
      if (attr(node, 'data-note') !== undefined) return;
      const inline =
        (node.tagName === 'script' && attr(node, 'src') === undefined && runs(node)) || node.tagName === 'style';
      if (inline && (node.sourceCodeLocation?.startOffset ?? Infinity) >= escaped) refused++;
      else if (inline) (node.tagName === 'script' ? scripts : styles).add(sha256(textOf(node)));
    }
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return { scripts: [...scripts].sort(), styles: [...styles].sort(), refused };
}

/** Whether a script element runs (data blocks such as JSON-LD do not, and need no hash). */
function runs(script: Element): boolean {
  const type = (attr(script, 'type') ?? '').trim().toLowerCase();
  return !type || type === 'module' || type === 'importmap' || /javascript|ecmascript/u.test(type);
}

const escapeAttribute = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/** What {@link withPolicy} did to a page. */
export type PolicyResult =
  | { html: string; refused: number }
  /** The page has a policy already (a host that sets `security.csp`: Astro wrote it). */
  | { html: null; reason: 'has-policy' }
  /** No place for it: no `<head>` in the page's source. */
  | { html: null; reason: 'no-head' };

/**
 * The page with its policy `<meta>` first in `<head>` (after `<meta
 * charset>`, which must come early; before the first element of a head
 * whose tags the page leaves out). `refused` counts the inline scripts and
 * styles not allowed because the note's HTML got out of its container.
 */
export function withPolicy(html: string, options: PolicyOptions): PolicyResult {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const htmlElement = document.childNodes.find(isElement);
  const head = htmlElement?.childNodes.find((node): node is Element => isElement(node) && node.tagName === 'head');
  const metas = (head?.childNodes ?? []).filter((node): node is Element => isElement(node) && node.tagName === 'meta');
  if (metas.some((meta) => attr(meta, 'http-equiv')?.toLowerCase() === 'content-security-policy'))
    return { html: null, reason: 'has-policy' };
  const charset = metas.find((meta) => attr(meta, 'charset') !== undefined);
  const first = head?.childNodes.find((node) => node.sourceCodeLocation);
  const offset =
    charset?.sourceCodeLocation?.endOffset ??
    head?.sourceCodeLocation?.startTag?.endOffset ??
    first?.sourceCodeLocation?.startOffset;
  if (offset === undefined) return { html: null, reason: 'no-head' };
  const { refused, ...hashes } = inlineHashes(document);
  const meta = `<meta http-equiv="content-security-policy" content="${escapeAttribute(pagePolicy(options, hashes))}">`;
  return { html: `${html.slice(0, offset)}${meta}${html.slice(offset)}`, refused };
}
