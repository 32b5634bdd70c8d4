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

/** Hashes of the inline scripts and styles outside the note's HTML. */
function inlineHashes(root: Node): { scripts: string[]; styles: string[] } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const walk = (node: Node) => {
    if (isElement(node)) {
      if (attr(node, 'data-note') !== undefined) return;
      if (node.tagName === 'script' && attr(node, 'src') === undefined) {
        const type = (attr(node, 'type') ?? '').trim().toLowerCase();
        // Data blocks (JSON-LD, importmap aside) never run; only scripts need a hash.
        if (!type || type === 'module' || type === 'importmap' || /javascript|ecmascript/u.test(type))
          scripts.add(sha256(textOf(node)));
      }
      if (node.tagName === 'style') styles.add(sha256(textOf(node)));
    }
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}

const escapeAttribute = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/**
 * The page with its policy `<meta>` first in `<head>` (after `<meta
 * charset>`, which must come early); `null` when the page already has a
 * policy (a host that sets `security.csp`: Astro wrote it) or has no head.
 */
export function withPolicy(html: string, options: PolicyOptions): string | null {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const htmlElement = document.childNodes.find(isElement);
  const head = htmlElement?.childNodes.find((node): node is Element => isElement(node) && node.tagName === 'head');
  if (!head?.sourceCodeLocation?.startTag) return null;
  const metas = head.childNodes.filter((node): node is Element => isElement(node) && node.tagName === 'meta');
  if (metas.some((meta) => attr(meta, 'http-equiv')?.toLowerCase() === 'content-security-policy')) return null;
  const charset = metas.find((meta) => attr(meta, 'charset') !== undefined);
  const at = (charset ?? head).sourceCodeLocation!;
  const offset = charset ? at.endOffset : at.startTag!.endOffset;
  const policy = pagePolicy(options, inlineHashes(document));
  const meta = `<meta http-equiv="content-security-policy" content="${escapeAttribute(policy)}">`;
  return `${html.slice(0, offset)}${meta}${html.slice(offset)}`;
}
