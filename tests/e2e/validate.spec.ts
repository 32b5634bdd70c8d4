/**
 * Valid, linked output. For the default note and every fixture note
 * (English, mixed, Obsidian, hostile), built at `/` and under
 * `BASE_PATH=/some/sub/path/`:
 *
 * - every built page passes html-validate with `.htmlvalidate.json`
 *   (`html-validate:recommended` and a few exceptions, justified in the
 *   README's "Safety" section);
 * - every internal href, src and srcset of every page resolves to a file of
 *   the build: a crawl of dist/ on disk, URL paths under the base mapped to
 *   files (`index.html` for a directory, percent-decoded, so Chinese slugs
 *   work), `#fragments` to an id on the target page. Links to SITE_URL (the
 *   canonical link) count as internal.
 *
 * The sites that global-setup.ts serves (default, base, hostile) are
 * reused; the others are built here, each with its own Astro cache.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
// Playwright's own `test`: these tests open files of a build, not a served site.
import { expect, test, type Browser } from '@playwright/test';
import { buildSite } from '../../scripts/site.ts';
import { ROOT, SITES_DIR } from './support/browser.mjs';
import { runningSites } from './support/fixtures.ts';

const SUB = '/some/sub/path/';
const SITE_URL = 'https://timeline.example';

interface Case {
  name: string;
  note: string;
  base: string;
  site?: string;
  /** The fixture site of sites.ts with this very build, if it is running. */
  running?: string;
}

const NOTES: Array<[string, string]> = [
  ['default', 'content/llm-history.md'],
  ['english', 'tests/fixtures/english/input.md'],
  ['mixed', 'tests/fixtures/mixed/input.md'],
  ['obsidian', 'tests/fixtures/obsidian/input.md'],
  ['hostile', 'tests/fixtures/hostile/input.md'],
  ['classical', 'tests/fixtures/classical/input.md'],
  ['launches', 'tests/fixtures/launches/input.md'],
  ['japanese', 'tests/fixtures/japanese/input.md'],
  ['traditional', 'tests/fixtures/traditional/input.md'],
];
const RUNNING: Record<string, string> = {
  default: 'default',
  'default-base': 'base',
  hostile: 'hostile',
  japanese: 'japanese',
  traditional: 'traditional',
};

const CASES: Case[] = NOTES.flatMap(([name, note]): Case[] => [
  { name, note, base: '/' },
  { name: `${name}-base`, note, base: SUB, site: SITE_URL },
]).map((c) => {
  const running = RUNNING[c.name];
  return running ? { ...c, running } : c;
});

const BUILD_TIMEOUT = 6 * 60_000;

/** A build of a note into tests/.sites/validate/<name>/dist, with a cache of its own. */
async function build(c: Case): Promise<string> {
  const dir = join(SITES_DIR, 'validate', c.name);
  rmSync(dir, { recursive: true, force: true });
  const vars: Record<string, string> = { TIMELINE_NOTE: c.note };
  if (c.base !== '/') vars['BASE_PATH'] = c.base;
  if (c.site) vars['SITE_URL'] = c.site;
  return buildSite(vars, { outDir: join(dir, 'dist'), logFile: join(dir, 'build.log'), timeout: BUILD_TIMEOUT });
}

/** Every file under a folder, relative, with `/`. */
function files(dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else found.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

const config = JSON.parse(readFileSync(join(ROOT, '.htmlvalidate.json'), 'utf8')) as ConfigData;
const validator = new HtmlValidate(new StaticConfigLoader(config));

/** html-validate's complaints about each page, as `file:line:column rule: message`. */
async function validate(outDir: string, pages: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const page of pages) {
    const report = await validator.validateFile(join(outDir, page));
    for (const result of report.results) {
      for (const m of result.messages) problems.push(`${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  return problems;
}

/** The made-up origin the built pages are opened at: requests to it are answered from dist/. */
const ORIGIN = 'http://dist.test';

/** The file a URL path under the base is, or null when the path lies outside the base. */
function fileFor(outDir: string, base: string, pathname: string): string | null {
  if (!pathname.startsWith(base)) return null;
  let path: string;
  try {
    path = decodeURIComponent(pathname.slice(base.length));
  } catch {
    return null;
  }
  return join(outDir, path.endsWith('/') || path === '' ? `${path}index.html` : path);
}

const isFile = (file: string) => existsSync(file) && statSync(file).isFile();

/**
 * Opens every page (JavaScript off) and checks every href, src and srcset
 * that points into the site: its file exists, and its #fragment, if any, is
 * an id on that page.
 */
async function brokenLinks(
  browser: Browser,
  outDir: string,
  c: Case,
  pages: string[],
): Promise<{ broken: string[]; checked: number }> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const file = url.origin === ORIGIN ? fileFor(outDir, c.base, url.pathname) : null;
    if (file && isFile(file)) return route.fulfill({ path: file });
    return route.abort();
  });
  const page = await context.newPage();
  const ids = new Map<string, Set<string>>();
  const links: Array<{ url: string; from: string }> = [];
  const internal = [ORIGIN, ...(c.site ? [new URL(c.site).origin] : [])];

  for (const path of pages) {
    const pageUrl = `${ORIGIN}${c.base}${path.replace(/(^|\/)index\.html$/u, '$1')}`;
    await page.goto(pageUrl);
    const found = await page.evaluate(() => {
      const refs: Array<{ value: string; url: string; from: string }> = [];
      const add = (value: string | null, from: string) => {
        const trimmed = value?.trim();
        if (!trimmed || /^(mailto:|tel:|javascript:|data:)/iu.test(trimmed)) return;
        try {
          refs.push({ value: trimmed, url: new URL(trimmed, document.baseURI).href, from });
        } catch {
          refs.push({ value: trimmed, url: trimmed, from: `${from} (unparsable)` });
        }
      };
      for (const el of document.querySelectorAll('[href], [src], [srcset], [*|href]')) {
        const tag = el.tagName.toLowerCase();
        add(el.getAttribute('href') ?? el.getAttributeNS('http://www.w3.org/1999/xlink', 'href'), `<${tag} href>`);
        add(el.getAttribute('src'), `<${tag} src>`);
        for (const candidate of (el.getAttribute('srcset') ?? '').split(','))
          add(candidate.trim().split(/\s+/u)[0] ?? '', `<${tag} srcset>`);
      }
      return { refs, ids: [...document.querySelectorAll('[id]')].map((el) => el.id) };
    });
    const file = fileFor(outDir, c.base, new URL(pageUrl).pathname)!;
    ids.set(file, new Set(found.ids));
    for (const ref of found.refs) links.push({ url: ref.url, from: `${ref.from}="${ref.value}" on /${path}` });
  }
  await context.close();

  const broken: string[] = [];
  for (const { url, from } of links) {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      broken.push(`unparsable ${url} (${from})`);
      continue;
    }
    if (!internal.includes(u.origin)) continue;
    const file = fileFor(outDir, c.base, u.pathname);
    if (!file) {
      broken.push(`outside ${c.base}: ${u.pathname} (${from})`);
      continue;
    }
    if (!isFile(file)) {
      broken.push(`no file for ${decodeURIComponent(u.pathname)} (${from})`);
      continue;
    }
    // As a browser looks it up: the fragment as written, else percent-decoded.
    const fragment = u.hash.slice(1);
    const targets = ids.get(file);
    if (fragment && targets && !targets.has(fragment) && !targets.has(decodeURIComponent(fragment))) {
      broken.push(`no id "${decodeURIComponent(fragment)}" on ${decodeURIComponent(u.pathname)} (${from})`);
    }
  }
  return { broken, checked: links.length };
}

for (const c of CASES) {
  test(`${c.name}: every page is valid HTML and every internal link resolves`, async ({ browser }) => {
    test.setTimeout(BUILD_TIMEOUT + 3 * 60_000);
    const running = c.running ? runningSites()[c.running] : undefined;
    const outDir = running?.outDir ?? (await test.step(`build ${c.note} under ${c.base}`, () => build(c)));
    const all = files(outDir);
    const pages = all.filter((file) => file.endsWith('.html'));
    // The index, the overview, the 404 page and at least one era page.
    expect(pages).toEqual(expect.arrayContaining(['index.html', 'overview/index.html', '404.html']));
    expect(pages.filter((p) => p.startsWith('eras/')).length).toBeGreaterThan(0);

    await test.step('html-validate', async () => {
      expect.soft(await validate(outDir, pages), `html-validate on ${outDir}`).toEqual([]);
    });
    await test.step('internal links', async () => {
      const { broken, checked } = await brokenLinks(browser, outDir, c, pages);
      expect.soft(broken, `broken internal links in ${outDir}`).toEqual([]);
      expect(checked).toBeGreaterThan(pages.length);
    });
  });
}
