/**
 * SVG from a vault, made safe to publish. An SVG is a document: opened by its
 * own URL it runs its scripts on the site's origin, and static hosts send no
 * CSP with it. So every SVG is parsed as XML (jsdom, the parser a browser
 * would use for `image/svg+xml`), cleaned in place by DOMPurify's SVG
 * profile, stripped of every reference that leaves the file (links, `<use>`
 * and `<image>` of other files, CSS `@import` and `url()`), and serialised as
 * XML again. What is published is that text, never the file as written.
 */
import DOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Elements that animate other attributes or embed other content: no image needs them to draw. */
const FORBID_TAGS = ['animate', 'animateMotion', 'animateTransform', 'animateColor', 'set', 'foreignObject', 'a'];
/** `<use>` of a symbol in the same file draws most icon sets and charts; its `href` is held to `#id` below. */
const ADD_TAGS = ['use'];

/** A reference inside the file (`#id`, `url(#id)`) is kept; anything else would load or link out. */
const LOCAL_REF = /^\s*#/u;
/**
 * CSS that may load something, or hide that it does: any at-rule (`@import`,
 * `@font-face`), any escape (`@\\import`, `u\\rl(`), `url(…)` not of a local
 * `#id`, `image-set(`, `src(`, old IE `expression(` and `behavior:`. Such a
 * style is dropped whole: drawings rarely need any of it.
 */
const CSS_LOADS = /[@\\]|url\s*\(\s*(?!['"]?\s*#)|image-set|src\s*\(|expression\s*\(|behavior\s*:|-moz-binding/iu;

/** How deep an SVG may nest its elements: real drawings stay far below. */
const MAX_DEPTH = 256;

/** The deepest nesting of elements in XML text, read from its tags alone. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  const tags = /<(\/?)[A-Za-z][^>]*?(\/?)>/gu;
  for (let m = tags.exec(text); m; m = tags.exec(text)) {
    if (m[1]) depth--;
    else if (!m[2]) deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

/** The result: the cleaned SVG text, or why it was refused. */
export type SvgResult = { svg: string; removed: number } | { refused: string };

/**
 * Cleans one SVG document. Refused when it is not well-formed XML with an
 * `<svg>` root in the SVG namespace (so the browser would render nothing of
 * it, or something else).
 */
export function sanitizeSvg(text: string): SvgResult {
  // Entity declarations are refused outright: the browser's XML parser would expand them.
  if (/<!ENTITY/iu.test(text)) return { refused: 'declares XML entities' };
  // Deep nesting is no drawing, and jsdom and DOMPurify walk it slowly: counted first, in one pass.
  if (nestingDepth(text) > MAX_DEPTH) return { refused: `nests elements more than ${MAX_DEPTH} deep` };
  let dom: JSDOM;
  try {
    dom = new JSDOM(text, { contentType: 'image/svg+xml' });
  } catch (error) {
    return { refused: `is not well-formed XML (${(error as Error).message.split('\n')[0]})` };
  }
  const { window } = dom;
  const root = window.document.documentElement;
  if (!root || root.namespaceURI !== SVG_NS || root.localName !== 'svg') {
    return { refused: 'has no <svg> root element in the SVG namespace' };
  }
  const purify = DOMPurify(window as unknown as Window & typeof globalThis);
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    const name = data.attrName.toLowerCase();
    if ((name === 'href' || name === 'xlink:href' || name === 'src') && !LOCAL_REF.test(data.attrValue)) {
      data.keepAttr = false;
    } else if (name === 'style' && CSS_LOADS.test(data.attrValue)) {
      data.keepAttr = false;
    } else if (/url|image-set|\\/iu.test(data.attrValue) && CSS_LOADS.test(data.attrValue)) {
      // Presentation attributes take url() too: `fill="url(http://…)"`.
      data.keepAttr = false;
    }
  });
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style' && CSS_LOADS.test(node.textContent ?? '')) node.textContent = '';
  });
  try {
    purify.sanitize(root, {
      IN_PLACE: true,
      USE_PROFILES: { svg: true, svgFilters: true },
      FORBID_TAGS,
      ADD_TAGS,
      // Comments and processing instructions are never needed to draw.
      SAFE_FOR_XML: true,
    });
    // Namespace declarations are not attributes DOMPurify knows: put back the one a drawing needs.
    root.setAttribute('xmlns', SVG_NS);
    const svg = new window.XMLSerializer().serializeToString(root);
    return { svg: `${svg}\n`, removed: purify.removed.length };
  } catch (error) {
    // A root DOMPurify will not clean in place (`<s:svg>`), nesting too deep to walk: refused, never published raw.
    return { refused: `cannot be cleaned (${(error as Error).message.split('\n')[0]?.slice(0, 80)})` };
  } finally {
    window.close();
  }
}
