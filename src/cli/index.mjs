#!/usr/bin/env node
/**
 * `obsidian-timeline`: publish one note without an Astro project of your own.
 *
 *   npx obsidian-timeline build notes/history.md [--out site] [--base /repo/] [--site https://…]
 *   npx obsidian-timeline dev notes/history.md
 *   npx obsidian-timeline pdf notes/history.md [--out site] [--paper letter]
 *
 * Paths are read from the folder you stand in. The Astro project is the
 * package's own (its astro.config.mjs and pages), kept out of your way; its
 * cache goes to your system's temporary folder.
 *
 * JavaScript, not TypeScript: Node does not strip types from files under
 * node_modules, and this file is what a user's Node runs. It checks the Node
 * version before it imports anything that needs a newer one.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * The Node versions the package runs on, as package.json's `engines` says:
 * Astro 7 needs 22.12, and jsdom (which cleans the note's SVG files) 22.22.2
 * on Node 22, else 24.15.
 */
const NODE_NEEDED = '22.22.2 or newer on Node 22, or 24.15 or newer';

const USAGE = `Usage:
  obsidian-timeline build <note> [--out <dir>] [--base </path/>] [--site <https://…>]
  obsidian-timeline dev <note> [--base </path/>] [--port <n>]
  obsidian-timeline pdf <note> [--out <dir>] [--paper a4|letter] [build's options]

  <note>       a Markdown note (.md) or a Markwhen file (.mw), from this folder
  --out        where the site goes (default: dist)
  --base       the path the site is served under, e.g. /my-repo/ (default: /)
  --site       the public address, for canonical links and the sitemap
  --vault      the folder the note may embed files from (default: the nearest above it holding .obsidian/)
  --wiki-base  where your other notes are published, for [[Other note]] links
  --wiki-links digital-garden or quartz: link them where that publisher serves them
  --port       dev only: the port to serve on (default: 4321)
  --paper      pdf only: the poster's paper, a4 or letter (default: a4)

  pdf builds the site as build does, then prints <out>/poster.pdf (one sheet)
  and <out>/overview.pdf in Chrome, Chromium or Edge ($CHROME_PATH, else one
  installed, else the Chromium playwright-core downloads), linked from the pages.`;

/** Stops with a one-line message and a hint, never a stack trace. */
function fail(message, hint) {
  console.error(`obsidian-timeline: ${message}`);
  if (hint) console.error(`  hint: ${hint}`);
  process.exit(1);
}

function checkNode(version = process.versions.node) {
  const [major, minor, patch] = version.split('.').map(Number);
  const ok =
    (major === 22 && (minor > 22 || (minor === 22 && patch >= 2))) || major > 24 || (major === 24 && minor >= 15);
  if (ok) return;
  fail(
    `needs Node.js ${NODE_NEEDED}; this is Node.js ${version}.`,
    'install a current Node.js LTS (https://nodejs.org, or `nvm install 24`) and run the command again.',
  );
}

function readArgs(argv) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        base: { type: 'string' },
        site: { type: 'string' },
        vault: { type: 'string' },
        'wiki-base': { type: 'string' },
        'wiki-links': { type: 'string' },
        port: { type: 'string' },
        paper: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error), 'obsidian-timeline --help lists the options.');
  }
}

/** The package's own Astro project: the folder above src/cli/. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The Chromium to print with, or a stop with how to get one. */
async function pdfBrowser() {
  const { findBrowser, NO_BROWSER_HINT } = await import('../pdf/browser.mjs');
  const found = findBrowser();
  if (!found) fail('pdf needs a Chromium-based browser to print with, and found none.', NO_BROWSER_HINT);
  return found.executablePath;
}

/** Serves the build (Astro's preview, on a free port) and prints its poster and overview into it. */
async function printPdfs(astro, { outDir, here, base, paper, executablePath }) {
  const { printTimeline } = await import('../pdf/print.mjs');
  const server = await astro.preview({
    root: ROOT,
    outDir,
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0 },
  });
  try {
    const path = `/${base.replace(/^\/+|\/+$/gu, '')}/`.replace('//', '/');
    const url = `http://127.0.0.1:${server.port}${path}`;
    for (const pdf of await printTimeline({ url, dir: outDir, executablePath, paper }))
      console.log(`obsidian-timeline: printed ${relative(here, pdf.file)}: ${pdf.summary}`);
  } finally {
    await server.stop();
  }
}

async function main() {
  checkNode();
  const { values, positionals } = readArgs(process.argv.slice(2));
  const [command, note, ...extra] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  if (!['build', 'dev', 'pdf'].includes(command)) fail(`unknown command "${command}".`, USAGE.split('\n')[1].trim());
  if (!note) fail(`${command} needs the note to publish.`, `obsidian-timeline ${command} notes/history.md`);
  if (extra.length) fail(`one note at a time; also given: ${extra.join(' ')}.`);

  const here = process.cwd();
  const notePath = resolve(here, note);
  if (!existsSync(notePath) || !statSync(notePath).isFile())
    fail(`no note at ${note} (looked for ${notePath}).`, 'give the path of a .md or .mw file, from this folder.');
  if (values.site && !/^https?:\/\/[^/]/u.test(values.site))
    fail(`--site must be an http(s) address, not "${values.site}".`, '--site https://example.org');
  if (values.base && !values.base.startsWith('/'))
    fail(`--base must start with /, not "${values.base}".`, '--base /my-repo/');
  const paper = (values.paper ?? 'a4').toLowerCase();
  if (paper !== 'a4' && paper !== 'letter') fail(`--paper must be a4 or letter, not "${values.paper}".`);
  // Before the build: printing needs a browser, and saying so takes a second, not a build.
  const browser = command === 'pdf' ? await pdfBrowser() : null;

  // What the package's astro.config.mjs and loader read (src/site/env.ts).
  process.env.TIMELINE_NOTE = notePath;
  if (values.base) process.env.BASE_PATH = values.base;
  if (values.site) process.env.SITE_URL = values.site;
  if (values.vault) process.env.TIMELINE_VAULT = resolve(here, values.vault);
  if (values['wiki-base']) process.env.WIKI_BASE_URL = values['wiki-base'];
  if (values['wiki-links']) process.env.WIKI_LINKS = values['wiki-links'];
  // The poster and the overview then link their PDFs.
  if (command === 'pdf') process.env.TIMELINE_PDF = '1';
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // One cache per note, out of the user's folder and the package's.
  process.env.ASTRO_CACHE_DIR ??= join(
    tmpdir(),
    'obsidian-timeline',
    createHash('sha256').update(notePath).digest('hex').slice(0, 16),
  );
  // Folders the user's shell names are the user's: from their folder, before the move below.
  for (const name of ['ASTRO_CACHE_DIR', 'TIMELINE_VAULT'])
    if (process.env[name]) process.env[name] = resolve(here, process.env[name]);

  // Astro renders pages in a folder inside the working folder, from where they import their
  // packages: the package's own project, never the user's folder (which may have no node_modules).
  process.chdir(ROOT);
  const astro = await import('astro');
  if (command === 'build' || command === 'pdf') {
    const outDir = resolve(here, values.out ?? 'dist');
    await astro.build({ root: ROOT, outDir });
    const site = `${relative(here, outDir) || '.'}/`;
    if (browser)
      await printPdfs(astro, { outDir, here, base: values.base ?? '/', paper, executablePath: browser }).catch(
        (error) =>
          fail(
            `the site is in ${site}, but printing its PDFs failed: ${error instanceof Error ? error.message.split('\n')[0] : error}`,
            `its poster and overview link poster.pdf and overview.pdf: run pdf again, or build for a site without them. The browser was ${browser} (set CHROME_PATH for another).`,
          ),
      );
    console.log(`obsidian-timeline: the site is in ${site}`);
  } else {
    const port = values.port ? Number(values.port) : undefined;
    if (values.port && !(Number.isInteger(port) && port > 0 && port < 65536))
      fail(`--port must be a port number, not "${values.port}".`);
    await astro.dev({ root: ROOT, ...(port ? { server: { port } } : {}) });
  }
}

main().catch((error) => {
  // Astro has printed the build's own error (with the note's file:line:column); this is the last line.
  fail(error instanceof Error ? error.message.split('\n')[0] : String(error));
});
