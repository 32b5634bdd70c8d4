/**
 * The package as a user gets it (issue #24): `npm pack`, then in a fresh
 * temporary folder with only the package and its runtime dependencies
 * installed from the registry, `npx obsidian-timeline build` run from the
 * user's own folder on a note of theirs, and `pdf` from a folder with no
 * node_modules at all. Also: the CLI refuses an old Node with the version it
 * needs, and a missing note with a hint. Then Astro sites that add the
 * integration: at /timeline/ with `trailingSlash: 'never'` (its search used
 * in Chromium), and with `build.format: 'file'` and `search: false`. Prints
 * the installed size and the build's time (the closing note quotes them).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { freePort, previewSite, siteEnv, type Preview } from '../../scripts/site.ts';
import { CHROMIUM_ARGS, resolveBrowser } from '../e2e/support/browser.mjs';

const ROOT = join(import.meta.dirname, '../..');
const NOTE = `---
title: A Short History of Flight
---

# A Short History of Flight

## Pioneers (1783–1914)

- 1783: The Montgolfier brothers fly a hot-air balloon over Annonay.
- 1903: The Wright brothers' Flyer makes the first powered flight.

## The Jet Age (1939–1970)

- 1939: The Heinkel He 178 flies on jet power alone.
- 1969: Concorde's first flight, at Toulouse.
`;

let work: string;
let user: string;
let tarball: string;

/** Every HTML file under `dir`. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(dir, file));
}

/**
 * Internal links (href, src) of every page of a built site that lead nowhere,
 * under `base`, as a static host serves files: in the form the site writes
 * its pages, `slash` (`/x/` is `x/index.html`), `bare` (`/x` is
 * `x/index.html`, and no page link ends in `/` but the site's root) or
 * `html` (`/x.html` is that file); a link to a file names the file.
 */
function deadLinks(
  dist: string,
  base: string,
  form: 'slash' | 'bare' | 'html',
  pages = (_file: string) => true,
): string[] {
  const dead: string[] = [];
  const isFile = (path: string) => existsSync(path) && statSync(path).isFile();
  for (const file of htmlFiles(dist).filter(pages)) {
    const html = readFileSync(file, 'utf8');
    for (const [, raw] of html.matchAll(/(?:href|src)="([^"]+)"/gu)) {
      const href = raw!.replaceAll('&amp;', '&');
      if (!href.startsWith('/') || href.startsWith('//')) continue;
      const path = decodeURIComponent(new URL(href, 'http://site.invalid').pathname);
      const local = join(dist, path.slice(base.length));
      const served =
        path === base || path.endsWith('/')
          ? path === base || form === 'slash'
            ? isFile(join(local, 'index.html'))
            : false
          : isFile(local) || (form === 'bare' && isFile(join(local, 'index.html')));
      if (!path.startsWith(base) || !served) dead.push(`${file.slice(dist.length)} → ${href}`);
    }
  }
  return dead;
}

/**
 * A user's shell: none of this repository's variables, nor those Vitest sets
 * (its BASE_URL would become the site's base in Vite).
 */
const USER_ENV = { ...siteEnv({}), ASTRO_TELEMETRY_DISABLED: '1' };

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = USER_ENV) {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 10 * 60_000 });
}

// One tarball for every test here, as `npm publish` would upload it.
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'obsidian-timeline-pack-'));
  const packed = execFileSync('npm', ['pack', '--pack-destination', work, '--silent'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .at(-1)!;
  tarball = join(work, packed);
}, 5 * 60_000);
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package, installed in a fresh folder', () => {
  beforeAll(() => {
    user = join(work, 'user');
    mkdirSync(join(user, 'notes'), { recursive: true });
    writeFileSync(join(user, 'package.json'), JSON.stringify({ name: 'my-history', private: true }));
    writeFileSync(join(user, 'notes/history.md'), NOTE);
    const install = run('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', tarball], user);
    expect(install.status, install.stderr).toBe(0);
    const bytes = Number(execFileSync('du', ['-sb', join(user, 'node_modules')], { encoding: 'utf8' }).split('\t')[0]);
    console.log(`[package] installed: ${(bytes / 1e6).toFixed(0)} MB in node_modules`);
  }, 15 * 60_000);

  it('installs only what publishing needs: no test, lint, audit or bench tool', () => {
    const installed = readdirSync(join(user, 'node_modules'));
    for (const tool of ['vitest', '@playwright', 'eslint', 'prettier', 'lighthouse', 'knip', 'fast-check'])
      expect(installed, tool).not.toContain(tool);
    expect(installed).toContain('astro');
    // The package itself: its source and its Astro project, no tests, notes or tools of this repository.
    expect(readdirSync(join(user, 'node_modules/obsidian-timeline')).sort()).toEqual([
      'README.md',
      'astro.config.mjs',
      'package.json',
      'src',
      'tsconfig.json',
    ]);
  });

  it(
    '`npx obsidian-timeline build notes/history.md --out site` publishes the note from the user’s folder',
    () => {
      const started = performance.now();
      const build = run('npx', ['obsidian-timeline', 'build', 'notes/history.md', '--out', 'site'], user, USER_ENV);
      console.log(`[package] npx obsidian-timeline build: ${((performance.now() - started) / 1000).toFixed(1)} s`);
      expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
      const home = readFileSync(join(user, 'site/index.html'), 'utf8');
      expect(home).toContain('A Short History of Flight');
      const eras = readdirSync(join(user, 'site/eras'));
      expect(eras.sort()).toEqual(['pioneers', 'the-jet-age']);
      expect(readFileSync(join(user, 'site/eras/pioneers/index.html'), 'utf8')).toContain('Montgolfier');
      expect(existsSync(join(user, 'site/pagefind/pagefind.js')), 'the search index').toBe(true);
      expect(existsSync(join(user, 'site/timeline.json'))).toBe(true);
      // Nothing written into the user's folder but the site.
      expect(readdirSync(user).sort()).toEqual(['node_modules', 'notes', 'package-lock.json', 'package.json', 'site']);
    },
    10 * 60_000,
  );

  it(
    '`--base /my-repo/` puts every link, the search index and the exports under that path',
    () => {
      const build = run(
        'npx',
        ['obsidian-timeline', 'build', 'notes/history.md', '--out', '../repo-site', '--base', '/my-repo/'],
        user,
        USER_ENV,
      );
      expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
      const dist = join(work, 'repo-site');
      expect(htmlFiles(dist).length).toBeGreaterThan(4);
      expect(deadLinks(dist, '/my-repo/', 'slash')).toEqual([]);
      expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain('href="/my-repo/eras/pioneers/"');
      expect(existsSync(join(dist, 'pagefind/pagefind.js'))).toBe(true);
    },
    10 * 60_000,
  );

  it(
    '`obsidian-timeline pdf` prints the poster on one sheet and the overview, from a folder with no node_modules',
    () => {
      // The notes' own folder, no package installed in it: the CLI is run by its path, as a global install or npx does.
      const elsewhere = join(work, 'elsewhere');
      mkdirSync(join(elsewhere, 'notes'), { recursive: true });
      writeFileSync(join(elsewhere, 'notes/history.md'), NOTE);
      const bin = join(user, 'node_modules/.bin/obsidian-timeline');
      const started = performance.now();
      const result = run(bin, ['pdf', 'notes/history.md', '--out', 'site', '--paper', 'letter'], elsewhere);
      console.log(`[package] obsidian-timeline pdf: ${((performance.now() - started) / 1000).toFixed(1)} s`);
      expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
      expect(result.stdout).toMatch(/printed site\/poster\.pdf: 1 page\(s\)/u);
      const site = join(elsewhere, 'site');
      const info = (file: string) => execFileSync('pdfinfo', [join(site, file)], { encoding: 'utf8' });
      expect(info('poster.pdf')).toMatch(/^Pages:\s+1$/mu);
      expect(info('poster.pdf')).toMatch(/^Page size:\s+792 x 612 pts \(letter\)/mu);
      expect(info('poster.pdf')).toMatch(/^Title:\s+A Short History of Flight$/mu);
      const overview = execFileSync('pdftotext', [join(site, 'overview.pdf'), '-'], { encoding: 'utf8' });
      for (const text of ['Montgolfier', 'Wright', 'Heinkel', 'Concorde']) expect(overview).toContain(text);
      // The pages of this build link their PDFs; a plain build's do not.
      expect(readFileSync(join(site, 'poster/index.html'), 'utf8')).toContain('href="/poster.pdf"');
      expect(readFileSync(join(site, 'overview/index.html'), 'utf8')).toContain('href="/overview.pdf"');
      expect(readFileSync(join(user, 'site/poster/index.html'), 'utf8')).not.toContain('poster.pdf');
      expect(readdirSync(elsewhere).sort(), 'nothing written there but the site').toEqual(['notes', 'site']);
    },
    10 * 60_000,
  );

  it(
    '`obsidian-timeline dev` serves the note, and a saved change shows on the next load',
    async () => {
      const port = await freePort();
      const dev = spawn('npx', ['obsidian-timeline', 'dev', 'notes/history.md', '--port', String(port)], {
        cwd: user,
        env: USER_ENV,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      let output = '';
      dev.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      dev.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      /** The era page's HTML once it holds `text`, within a minute. */
      const eraHolding = async (text: string) => {
        const deadline = Date.now() + 60_000;
        while (Date.now() < deadline) {
          try {
            const html = await (await fetch(`http://127.0.0.1:${port}/eras/pioneers/`)).text();
            if (html.includes(text)) return html;
          } catch {
            // not listening yet
          }
          await new Promise((resolve) => setTimeout(resolve, 300));
        }
        throw new Error(`the dev server never served "${text}":\n${output}`);
      };
      try {
        expect(await eraHolding('Montgolfier')).toContain('Wright');
        writeFileSync(join(user, 'notes/history.md'), NOTE.replace('Annonay', 'Annonay, before the king'));
        expect(await eraHolding('before the king')).toContain('Montgolfier');
      } finally {
        writeFileSync(join(user, 'notes/history.md'), NOTE);
        process.kill(-dev.pid!, 'SIGTERM');
      }
    },
    3 * 60_000,
  );

  it('a missing note is one line and a hint, not a stack trace', () => {
    const result = run('npx', ['obsidian-timeline', 'build', 'notes/nope.md'], user);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^obsidian-timeline: no note at notes\/nope\.md/mu);
    expect(result.stderr).toMatch(/hint: /u);
    expect(result.stderr).not.toMatch(/\n\s+at /u);
  });

  // Where the machine's own Node is older than Astro's minimum (Node 20 on these machines).
  const system = spawnSync('/usr/bin/node', ['--version'], { encoding: 'utf8' });
  const systemNode = system.status === 0 ? system.stdout.trim().replace(/^v/u, '') : null;
  it.runIf(systemNode && Number(systemNode.split('.')[0]) < 22)(
    'an older Node is refused first, naming the version needed',
    () => {
      const result = run(
        '/usr/bin/node',
        [join(user, 'node_modules/obsidian-timeline/src/cli/index.mjs'), 'build', 'notes/history.md'],
        user,
      );
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('needs Node.js 22.22.2 or newer on Node 22, or 24.15 or newer');
      expect(result.stderr).toContain(`this is Node.js ${systemNode}`);
    },
  );
});

/** The provisioned Chromium (tests/e2e/support/provision-browser.mjs runs before the unit tests). */
async function launch(): Promise<Browser> {
  const found = resolveBrowser();
  if (!found) throw new Error('no Chromium: run `node tests/e2e/support/provision-browser.mjs` first');
  return chromium.launch({ executablePath: found.executablePath, args: CHROMIUM_ARGS });
}

/** Every `<meta>` policy of a built page. */
const policies = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)"/giu)].map(
    (match) => match[1]!,
  );

describe('an Astro site that adds the integration at /timeline/', () => {
  let host: string;
  beforeAll(() => {
    host = join(work, 'host');
    mkdirSync(join(host, 'src/pages'), { recursive: true });
    mkdirSync(join(host, 'notes'));
    writeFileSync(join(host, 'notes/history.md'), NOTE);
    const astro = (
      JSON.parse(readFileSync(join(ROOT, 'node_modules/astro/package.json'), 'utf8')) as { version: string }
    ).version;
    writeFileSync(join(host, 'package.json'), JSON.stringify({ name: 'host', private: true, type: 'module' }));
    /** An Astro config of the site: its own settings, and the timeline's options. */
    const config = (file: string, settings: string[], options: string) =>
      writeFileSync(
        join(host, file),
        [
          "import { defineConfig } from 'astro/config';",
          "import timeline from 'obsidian-timeline';",
          'export default defineConfig({',
          ...settings.map((line) => `  ${line}`),
          `  integrations: [timeline({ note: 'notes/history.md', route: '/timeline/'${options} })],`,
          '});',
        ].join('\n'),
      );
    // The site's own config: its home page, trailingSlash 'never', the timeline beside it, with its PDFs.
    config('astro.config.mjs', ["trailingSlash: 'never',"], ', pdf: true');
    // Another site's config: pages as files (`overview.html`), no search.
    config('astro.file.mjs', ["build: { format: 'file' },", "outDir: 'dist-file',"], ', search: false');
    // A site that sets its own policy with Astro's security.csp.
    config(
      'astro.csp.mjs',
      ['security: { csp: { directives: ["default-src \'self\'"] } },', "outDir: 'dist-csp',"],
      '',
    );
    writeFileSync(
      join(host, 'src/content.config.ts'),
      "import { timelineCollections } from 'obsidian-timeline/loader';\nexport const collections = { ...timelineCollections() };\n",
    );
    writeFileSync(
      join(host, 'src/pages/index.astro'),
      '<html lang="en"><head><title>My site</title></head><body><h1>My site</h1><a href="/timeline">History</a></body></html>\n',
    );
    const install = run('npm', ['install', '--no-audit', '--no-fund', tarball, `astro@${astro}`], host);
    expect(install.status, install.stderr).toBe(0);
  }, 15 * 60_000);

  it(
    'builds the site with the timeline under /timeline/ and its PDFs, every internal link resolving, none ending in /',
    () => {
      const build = run('npx', ['astro', 'build'], host, USER_ENV);
      expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
      const dist = join(host, 'dist');
      expect(readFileSync(join(dist, 'index.html'), 'utf8'), 'the site keeps its own home page').toContain('My site');
      expect(readFileSync(join(dist, 'timeline/index.html'), 'utf8')).toContain('A Short History of Flight');
      expect(readFileSync(join(dist, 'timeline/index.html'), 'utf8')).toMatch(
        /href="\/timeline"[^>]*aria-current="page"/u,
      );
      expect(readdirSync(join(dist, 'timeline/eras')).sort()).toEqual(['pioneers', 'the-jet-age']);
      for (const file of [
        'pagefind/pagefind.js',
        'timeline.json',
        'timeline.mw',
        'poster/index.html',
        'overview/index.html',
        'poster.pdf',
        'overview.pdf',
      ])
        expect(existsSync(join(dist, 'timeline', file)), file).toBe(true);
      // Printed in the build (pdf: true), linked from the poster (deadLinks below checks the link leads there).
      expect(execFileSync('pdfinfo', [join(dist, 'timeline/poster.pdf')], { encoding: 'utf8' })).toMatch(
        /^Pages:\s+1$/mu,
      );
      expect(execFileSync('pdftotext', [join(dist, 'timeline/overview.pdf'), '-'], { encoding: 'utf8' })).toContain(
        'Concorde',
      );
      expect(readFileSync(join(dist, 'timeline/poster/index.html'), 'utf8')).toContain('href="/timeline/poster.pdf"');
      // Nothing site-wide: no 404 page or robots.txt of the timeline's at the site's root, no policy on its pages.
      expect(existsSync(join(dist, '404.html'))).toBe(false);
      expect(existsSync(join(dist, 'robots.txt'))).toBe(false);
      expect(policies(join(dist, 'index.html')), 'the site’s own page').toEqual([]);
      // The timeline's pages carry their own.
      for (const file of htmlFiles(join(dist, 'timeline'))) {
        const [policy, ...more] = policies(file);
        expect(more, file).toEqual([]);
        expect(policy, file).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/u);
        expect(policy, file).toMatch(/object-src 'none'/u);
      }
      expect(deadLinks(dist, '/', 'bare')).toEqual([]);
    },
    10 * 60_000,
  );

  it(
    'in Chromium: its pages break no policy, and search finds an entry and links it as the site writes links',
    async () => {
      const browser = await launch();
      let preview: Preview | undefined;
      try {
        preview = await previewSite(join(host, 'dist'), {
          cwd: host,
          base: '/timeline',
          logFile: join(work, 'host-preview.log'),
        });
        const page = await browser.newPage();
        const refused: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error') refused.push(message.text());
        });
        page.on('pageerror', (error) => refused.push(error.message));
        const response = await page.goto(`${preview.origin}/timeline/eras/pioneers`);
        expect(response?.status()).toBe(200);
        await page.getByRole('search').getByRole('searchbox').fill('Wright');
        const hit = page.locator('.search__result a').first();
        await hit.waitFor({ timeout: 30_000 });
        const href = await hit.getAttribute('href');
        expect(href).toMatch(/^\/timeline\/eras\/pioneers#/u);
        await hit.click();
        await page.waitForURL(/\/timeline\/eras\/pioneers#/u);
        expect(await page.locator('h1').first().textContent()).toContain('Pioneers');
        for (const path of ['/timeline', '/timeline/overview', '/timeline/poster', '/timeline/eras/the-jet-age'])
          expect((await page.goto(`${preview.origin}${path}`))?.status(), path).toBe(200);
        expect(refused, 'console errors (a refused script or style is one)').toEqual([]);
      } finally {
        await preview?.stop();
        await browser.close();
      }
    },
    5 * 60_000,
  );

  it(
    'honours build.format "file" (pages as .html, linked so) and search: false (no index, no search box)',
    () => {
      const build = run('npx', ['astro', 'build', '--config', 'astro.file.mjs'], host, USER_ENV);
      expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
      const dist = join(host, 'dist-file');
      for (const file of [
        'timeline.html',
        'timeline/overview.html',
        'timeline/poster.html',
        'timeline/eras/pioneers.html',
      ])
        expect(existsSync(join(dist, file)), file).toBe(true);
      const home = readFileSync(join(dist, 'timeline.html'), 'utf8');
      expect(home).toContain('href="/timeline/eras/pioneers.html"');
      expect(home).toContain('href="/timeline/overview.html"');
      // The header marks the page it is on, however the site writes addresses.
      expect(home).toMatch(/href="\/timeline\.html"[^>]*aria-current="page"/u);
      expect(readFileSync(join(dist, 'timeline/overview.html'), 'utf8')).toMatch(
        /href="\/timeline\/overview\.html"[^>]*aria-current="page"/u,
      );
      // The timeline's pages (the site's own home page links `/timeline`, as a site with clean URLs would).
      expect(deadLinks(dist, '/', 'html', (file) => file !== join(dist, 'index.html'))).toEqual([]);
      expect(existsSync(join(dist, 'timeline/pagefind')), 'no search index').toBe(false);
      for (const file of htmlFiles(join(dist, 'timeline')).concat(join(dist, 'timeline.html'))) {
        const html = readFileSync(file, 'utf8');
        expect(html, file).not.toMatch(/role="search"|data-search/u);
        expect(policies(file)[0], file).toMatch(/script-src 'self'(;|$)/u);
      }
    },
    10 * 60_000,
  );

  it(
    'with the site’s own security.csp, the timeline’s pages have that one policy, with what they need added',
    () => {
      const build = run('npx', ['astro', 'build', '--config', 'astro.csp.mjs'], host, USER_ENV);
      expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
      const dist = join(host, 'dist-csp');
      const [home, ...more] = policies(join(dist, 'index.html'));
      expect(more).toEqual([]);
      expect(home, 'the site’s own page: its policy as it set it').not.toMatch(/wasm-unsafe-eval|img-src/u);
      for (const file of htmlFiles(join(dist, 'timeline'))) {
        const found = policies(file);
        expect(found, file).toHaveLength(1);
        expect(found[0], file).toMatch(/^default-src 'self'/u);
        expect(found[0], file).toMatch(/script-src 'self' 'wasm-unsafe-eval'/u);
        expect(found[0], file).toMatch(/img-src 'self' https:/u);
      }
    },
    10 * 60_000,
  );
});
