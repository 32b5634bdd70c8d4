/**
 * Page weight: bytes of a built page's HTML, and of the CSS and JavaScript
 * it makes the browser load (stylesheets and scripts it references, plus
 * inline <style> and <script>). Uncompressed bytes, each file counted once.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface PageWeight {
  /** The page, relative to the output folder. */
  page: string;
  html: number;
  css: number;
  js: number;
  /** Entries on the page (era pages), to show that HTML grows with them alone. */
  entries: number;
  /** Referenced assets that are not in the output (external URLs): not counted. */
  external: string[];
}

/*
 * Tags are found with regular expressions rather than an HTML parser: the
 * input is Astro's own, regular output, and only <link>, <script> and
 * <style> are looked at.
 */
const TAG = /<(link|script|style)\b([^>]*)>/giu;
const ATTR = /([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gu;
/** Script types the browser runs; JSON-LD, import maps and templates are data. */
const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

export function pageWeight(outDir: string, page: string): PageWeight | null {
  const file = join(outDir, page);
  if (!existsSync(file)) return null;
  const html = readFileSync(file, 'utf8');
  const entries = html.match(/<li class="entry"/gu)?.length ?? 0;
  const weight: PageWeight = { page, html: Buffer.byteLength(html), css: 0, js: 0, entries, external: [] };
  const seen = new Set<string>();
  const asset = (url: string): number => {
    if (/^(?:[a-z]+:)?\/\//iu.test(url) || url.startsWith('data:')) {
      weight.external.push(url);
      return 0;
    }
    const path = url.split(/[?#]/u)[0]!;
    const onDisk = path.startsWith('/')
      ? join(outDir, decodeURIComponent(path))
      : join(dirname(file), decodeURIComponent(path));
    if (seen.has(onDisk)) return 0;
    seen.add(onDisk);
    return existsSync(onDisk) ? statSync(onDisk).size : 0;
  };

  for (const match of html.matchAll(TAG)) {
    const tag = match[1]!.toLowerCase();
    const attrs = readAttrs(match[2]!);
    const end = match.index! + match[0].length;
    if (tag === 'link') {
      if ((attrs.get('rel') ?? '').toLowerCase().split(/\s+/u).includes('stylesheet') && attrs.has('href'))
        weight.css += asset(attrs.get('href')!);
    } else if (tag === 'style') {
      weight.css += Buffer.byteLength(inner(html, end, 'style'));
    } else if (JS_TYPES.has((attrs.get('type') ?? '').toLowerCase())) {
      weight.js += attrs.has('src') ? asset(attrs.get('src')!) : Buffer.byteLength(inner(html, end, 'script'));
    }
  }
  return weight;
}

/** The largest `eras/<slug>/index.html` by HTML bytes, relative to `outDir`. */
export function largestEraPage(outDir: string): string | null {
  const eras = join(outDir, 'eras');
  if (!existsSync(eras)) return null;
  let best: { page: string; size: number } | null = null;
  for (const slug of readdirSync(eras)) {
    const page = join('eras', slug, 'index.html');
    const full = join(outDir, page);
    if (!existsSync(full)) continue;
    const size = statSync(full).size;
    if (!best || size > best.size) best = { page, size };
  }
  return best?.page ?? null;
}

function readAttrs(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of source.matchAll(ATTR)) attrs.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  return attrs;
}

function inner(html: string, from: number, tag: string): string {
  const close = new RegExp(`</${tag}`, 'giu');
  close.lastIndex = from;
  const found = close.exec(html);
  return found ? html.slice(from, found.index) : '';
}
