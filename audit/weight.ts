/**
 * What one built page makes the browser fetch, in uncompressed bytes:
 *
 * - html: the page's own file (an inline SVG is part of it); `svg` adds SVG
 *   files it draws from outside (<img>, <object>, <embed>, <use>, <image>);
 * - css: the stylesheets it links (and their @imports), <style> elements
 *   and style="" attributes; printCss: those linked for print only
 *   (media="print"), which a screen fetches without waiting for them;
 * - js, split by when it runs:
 *   - required: <script> elements the browser runs on load (inline or src,
 *     classic or module), the modules they import statically, and
 *     <link rel="modulepreload">: fetched whether or not anyone interacts;
 *   - lazy: on* event-handler attributes, and modules reached only through a
 *     dynamic import() (from a required script or a handler; for
 *     import(`${base}file.js`) the literal tail is read under the site's base), or
 *     <link rel="prefetch"> of a script: fetched only on interaction/idle;
 * - renderBlocking: classic scripts in <head> without async or defer (module
 *   scripts are deferred by definition).
 *
 * Each file is counted once per page. Tags are found with regular expressions
 * rather than an HTML parser: the input is Astro's own, regular output.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface PageWeight {
  /** Path of the page, e.g. `/eras/序曲/`. */
  path: string;
  html: number;
  /** SVG files the page draws from outside its HTML. */
  svg: number;
  css: number;
  /** Stylesheets linked with media="print": reported, outside the CSS budget (they never delay the screen). */
  printCss: number;
  requiredJs: number;
  lazyJs: number;
  /** Files/inline scripts behind requiredJs and lazyJs, for the report. */
  requiredJsSources: string[];
  lazyJsSources: string[];
  /** Render-blocking scripts (classic, in <head>, no async/defer). */
  renderBlocking: string[];
  /** Referenced URLs outside the build (other origins, missing files): not counted. */
  unresolved: string[];
}

const TAG = /<([a-zA-Z][\w:-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gu;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/gu;
/** Script types the browser runs; JSON, JSON-LD, import maps, speculation rules and templates are data. */
const CLASSIC = new Set(['', 'text/javascript', 'application/javascript', 'text/ecmascript', 'application/ecmascript']);
const STATIC_IMPORT = /(?:^|[^.\w$])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+)["']/gu;
const DYNAMIC_IMPORT = /(?:^|[^.\w$])import\s*\(\s*["'`]([^"'`$]+)["'`]\s*\)/gu;
/** import(`${base}path/file.js`): a computed prefix (the site's base), a literal tail. */
const DYNAMIC_TEMPLATE = /(?:^|[^.\w$])import\s*\(\s*`\$\{[^}`]*\}([^`$]+)`\s*\)/gu;
const CSS_IMPORT = /@import\s+(?:url\(\s*)?["']?([^"')\s;]+)/gu;

/**
 * Measures `<outDir><path>index.html` (or `<outDir><path>` for a file path).
 * `base` is the site's base path (`/` unless BASE_PATH is set).
 */
export function pageWeight(outDir: string, path: string, base = '/'): PageWeight {
  const file = path.endsWith('/')
    ? join(outDir, decodeURIComponent(path), 'index.html')
    : join(outDir, decodeURIComponent(path));
  const html = readFileSync(file, 'utf8');
  const pageUrl = new URL(path, 'http://site.invalid');
  const w: PageWeight = {
    path,
    html: Buffer.byteLength(html),
    svg: 0,
    css: 0,
    printCss: 0,
    requiredJs: 0,
    lazyJs: 0,
    requiredJsSources: [],
    lazyJsSources: [],
    renderBlocking: [],
    unresolved: [],
  };

  /** A site URL to a file in outDir, or null (recorded as unresolved). */
  const toFile = (href: string, from: URL): { url: URL; file: string } | null => {
    if (href.startsWith('data:')) return null;
    const url = new URL(href, from);
    if (url.origin !== 'http://site.invalid') {
      w.unresolved.push(href);
      return null;
    }
    let pathname = decodeURIComponent(url.pathname);
    const b = base.endsWith('/') ? base : `${base}/`;
    if (b !== '/' && pathname.startsWith(b)) pathname = `/${pathname.slice(b.length)}`;
    const onDisk = join(outDir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!existsSync(onDisk) || !statSync(onDisk).isFile()) {
      w.unresolved.push(href);
      return null;
    }
    return { url, file: onDisk };
  };
  const label = (file: string) => `/${relative(outDir, file)}`;

  const seen = new Set<string>();
  const addCss = (href: string, from: URL, into: 'css' | 'printCss' = 'css') => {
    const target = toFile(href, from);
    if (!target || seen.has(target.file)) return;
    seen.add(target.file);
    const text = readFileSync(target.file, 'utf8');
    w[into] += Buffer.byteLength(text);
    for (const m of text.matchAll(CSS_IMPORT)) addCss(m[1]!, target.url, into);
  };
  const addSvg = (href: string) => {
    if (!/\.svgz?(?:[?#]|$)/iu.test(href)) return;
    const target = toFile(href.split('#')[0]!, pageUrl);
    if (!target || seen.has(target.file)) return;
    seen.add(target.file);
    w.svg += statSync(target.file).size;
  };

  // Module graph: static imports inherit the importer's class, dynamic ones are lazy.
  const jsClass = new Map<string, 'required' | 'lazy'>();
  const walkJs = (source: string, from: URL, kind: 'required' | 'lazy') => {
    for (const m of source.matchAll(STATIC_IMPORT)) addJs(m[1]!, from, kind);
    for (const m of source.matchAll(DYNAMIC_IMPORT)) addJs(m[1]!, from, 'lazy');
    // Read the prefix as the site's base: how Vite-ignored imports of files outside the bundle are written.
    for (const m of source.matchAll(DYNAMIC_TEMPLATE))
      addJs(`${base.endsWith('/') ? base : `${base}/`}${m[1]!.replace(/^\//u, '')}`, from, 'lazy');
  };
  const addJs = (href: string, from: URL, kind: 'required' | 'lazy') => {
    if (!/^(?:\.{0,2}\/|[a-z]+:)/iu.test(href)) return; // a bare specifier: not a file the browser can load
    const target = toFile(href, from);
    if (!target) return;
    const before = jsClass.get(target.file);
    if (before === 'required' || before === kind) return;
    jsClass.set(target.file, kind);
    walkJs(readFileSync(target.file, 'utf8'), target.url, kind);
  };
  const inline = (kind: 'required' | 'lazy', what: string, code: string) => {
    const bytes = Buffer.byteLength(code);
    if (!bytes) return;
    if (kind === 'required') {
      w.requiredJs += bytes;
      w.requiredJsSources.push(`${what} (${bytes} B)`);
    } else {
      w.lazyJs += bytes;
      w.lazyJsSources.push(`${what} (${bytes} B)`);
    }
    walkJs(code, pageUrl, kind);
  };

  const headEnd = html.search(/<\/head\s*>|<body\b/iu);
  // Skip comments and the bodies of <script> and <style>: no tags in there.
  let skipUntil = 0;
  for (const match of html.matchAll(TAG)) {
    if (match.index! < skipUntil) continue;
    const commentAt = html.lastIndexOf('<!--', match.index!);
    if (commentAt >= 0 && commentAt >= skipUntil) {
      const commentEnd = html.indexOf('-->', commentAt);
      if (commentEnd < 0 || commentEnd > match.index!) {
        skipUntil = commentEnd < 0 ? html.length : commentEnd + 3;
        continue;
      }
    }
    const tag = match[1]!.toLowerCase();
    const attrs = readAttrs(match[2]!);
    const end = match.index! + match[0].length;
    const inHead = headEnd < 0 || match.index! < headEnd;

    for (const [name, value] of attrs) {
      if (name === 'style') w.css += Buffer.byteLength(value);
      else if (/^on[a-z]+$/u.test(name) && value) inline('lazy', `<${tag} ${name}>`, decodeEntities(value));
    }

    if (tag === 'link') {
      const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/u);
      const href = attrs.get('href');
      if (!href) continue;
      if (rel.includes('stylesheet') && !attrs.has('disabled'))
        addCss(href, pageUrl, attrs.get('media')?.trim().toLowerCase() === 'print' ? 'printCss' : 'css');
      else if (rel.includes('modulepreload')) addJs(href, pageUrl, 'required');
      else if (rel.includes('prefetch') && /\.m?js(?:[?#]|$)/iu.test(href)) addJs(href, pageUrl, 'lazy');
    } else if (tag === 'style') {
      const css = inner(html, end, 'style');
      w.css += Buffer.byteLength(css);
      skipUntil = end + css.length;
    } else if (tag === 'script') {
      const type = (attrs.get('type') ?? '').trim().toLowerCase();
      skipUntil = end + inner(html, end, 'script').length;
      const isModule = type === 'module';
      if (!isModule && !CLASSIC.has(type)) continue;
      const src = attrs.get('src');
      if (src !== undefined) {
        addJs(src, pageUrl, 'required');
        if (!isModule && inHead && !attrs.has('async') && !attrs.has('defer')) w.renderBlocking.push(src);
      } else {
        const code = inner(html, end, 'script');
        inline('required', `inline <script${type ? ` type=${type}` : ''}>`, code);
        if (!isModule && inHead && code.trim()) w.renderBlocking.push('inline <script> in <head>');
      }
    } else if (tag === 'img' || tag === 'embed') {
      if (attrs.get('src')) addSvg(attrs.get('src')!);
    } else if (tag === 'object') {
      if (attrs.get('data')) addSvg(attrs.get('data')!);
    } else if (tag === 'use' || tag === 'image') {
      const href = attrs.get('href') ?? attrs.get('xlink:href');
      if (href && !href.startsWith('#')) addSvg(href);
    }
  }

  for (const [file, kind] of jsClass) {
    const size = statSync(file).size;
    if (kind === 'required') {
      w.requiredJs += size;
      w.requiredJsSources.push(`${label(file)} (${size} B)`);
    } else {
      w.lazyJs += size;
      w.lazyJsSources.push(`${label(file)} (${size} B)`);
    }
  }
  return w;
}

function readAttrs(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of source.matchAll(ATTR)) {
    const name = m[1]!.toLowerCase();
    if (!attrs.has(name)) attrs.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/gu, '"')
    .replace(/&#39;|&apos;/gu, "'")
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&#x([\da-f]+);/giu, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/gu, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&amp;/gu, '&');
}

function inner(html: string, from: number, tag: string): string {
  const close = new RegExp(`</${tag}\\s*>`, 'giu');
  close.lastIndex = from;
  const found = close.exec(html);
  return found ? html.slice(from, found.index) : '';
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
