#!/usr/bin/env node
/**
 * `obsidian-timeline`: publish one note without an Astro project of your own.
 *
 *   npx obsidian-timeline build notes/history.md [--out site] [--base /repo/] [--site https://…]
 *   npx obsidian-timeline dev notes/history.md
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

  <note>       a Markdown note (.md) or a Markwhen file (.mw), from this folder
  --out        where the site goes (default: dist)
  --base       the path the site is served under, e.g. /my-repo/ (default: /)
  --site       the public address, for canonical links and the sitemap
  --vault      the folder the note may embed files from (default: the nearest above it holding .obsidian/)
  --wiki-base  where your other notes are published, for [[Other note]] links
  --wiki-links digital-garden or quartz: link them where that publisher serves them
  --port       dev only: the port to serve on (default: 4321)`;

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
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error), 'obsidian-timeline --help lists the options.');
  }
}

/** The package's own Astro project: the folder above src/cli/. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

async function main() {
  checkNode();
  const { values, positionals } = readArgs(process.argv.slice(2));
  const [command, note, ...extra] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  if (command !== 'build' && command !== 'dev') fail(`unknown command "${command}".`, USAGE.split('\n')[1].trim());
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

  // What the package's astro.config.mjs and loader read (src/site/env.ts).
  process.env.TIMELINE_NOTE = notePath;
  if (values.base) process.env.BASE_PATH = values.base;
  if (values.site) process.env.SITE_URL = values.site;
  if (values.vault) process.env.TIMELINE_VAULT = resolve(here, values.vault);
  if (values['wiki-base']) process.env.WIKI_BASE_URL = values['wiki-base'];
  if (values['wiki-links']) process.env.WIKI_LINKS = values['wiki-links'];
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // One cache per note, out of the user's folder and the package's.
  process.env.ASTRO_CACHE_DIR ??= join(
    tmpdir(),
    'obsidian-timeline',
    createHash('sha256').update(notePath).digest('hex').slice(0, 16),
  );

  const astro = await import('astro');
  if (command === 'build') {
    const outDir = resolve(here, values.out ?? 'dist');
    await astro.build({ root: ROOT, outDir });
    console.log(`obsidian-timeline: the site is in ${relative(here, outDir) || '.'}/`);
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
