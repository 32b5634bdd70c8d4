#!/usr/bin/env node
// Runs before `playwright test` (see the test:e2e script). Makes sure that:
//  - a Chromium exists: $CHROME_PATH / $PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH,
//    else Playwright's downloaded one, else the system's; else it tries
//    `npx playwright install chromium`, else (as root with apt-get) Debian's
//    `chromium` package;
//  - fonts-noto-cjk (CJK glyphs in screenshots and PDFs) and poppler-utils
//    (pdftotext, for print tests) are there, installing them with apt-get
//    when it can.
// It writes what it chose to tests/.sites/browser.json for playwright.config.ts,
// and exits 1 with a readable message when no browser can be had.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import {
  BROWSER_JSON,
  ENV_VARS,
  ROOT,
  SITES_DIR,
  browserVersion,
  candidates,
  isExecutable,
  which,
} from './browser.mjs';

const log = (message) => console.log(`[provision] ${message}`);
const warn = (message) => console.warn(`[provision] warning: ${message}`);

/** Runs a command with its output shown; returns true when it exits 0. */
function run(command, args, { timeout = 15 * 60_000, env = {} } = {}) {
  log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout,
    env: { ...process.env, ...env },
  });
  if (result.error) warn(`${command}: ${result.error.message}`);
  return result.status === 0;
}

/** The first candidate that exists and starts, or null. */
function findBrowser() {
  for (const { path, source } of candidates()) {
    if (!isExecutable(path)) {
      if (source.startsWith('$')) warn(`${source} is set to ${path}, which is not an executable file; ignoring it`);
      continue;
    }
    const version = browserVersion(path);
    if (version) return { executablePath: path, source, version };
    warn(`${path} (${source}) did not start with --version; skipping it`);
  }
  return null;
}

const canApt = process.getuid?.() === 0 && which('apt-get') !== null;
let aptUpdated = false;
function aptInstall(packages) {
  if (!canApt) return false;
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    if (!run('apt-get', ['update'], { env })) warn('apt-get update failed; trying to install anyway');
    aptUpdated = true;
  }
  return run('apt-get', ['install', '-y', ...packages], { env });
}

// --- fonts and pdftotext: collected first, so apt runs once where it can ---
const hasCjkFont = () => {
  if (!which('fc-list')) return false;
  const out = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return out.status === 0 && out.stdout.trim().length > 0;
};
const hasPdftotext = () => which('pdftotext') !== null;

const extras = [];
if (!hasCjkFont()) extras.push(...(which('fc-list') ? [] : ['fontconfig']), 'fonts-noto-cjk');
if (!hasPdftotext()) extras.push('poppler-utils');

// --- the browser ---
let browser = findBrowser();
if (browser) {
  log(`browser: ${browser.executablePath} (${browser.source}): ${browser.version}`);
} else {
  log(`no Chromium found (looked at ${ENV_VARS.map((v) => `$${v}`).join(', ')}, Playwright's download, the system's)`);
  log('trying `npx playwright install chromium`…');
  if (run('npx', ['--no-install', 'playwright', 'install', 'chromium'], { timeout: 10 * 60_000 })) {
    browser = findBrowser();
  }
  if (!browser && canApt) {
    log("Playwright's download failed; installing Debian's chromium with apt-get");
    if (aptInstall(['chromium', ...extras])) extras.length = 0;
    browser = findBrowser();
  }
  if (browser) log(`browser installed: ${browser.executablePath} (${browser.source}): ${browser.version}`);
}

if (extras.length > 0) {
  if (canApt) {
    log(`installing ${extras.join(', ')} with apt-get`);
    aptInstall(extras);
  } else {
    warn(`missing ${extras.join(', ')} and cannot install (needs root and apt-get)`);
  }
}
log(`CJK font: ${hasCjkFont() ? 'yes' : 'MISSING (CJK text will render as boxes)'}`);
log(`pdftotext: ${hasPdftotext() ? which('pdftotext') : 'MISSING (print tests that read PDFs will fail)'}`);

if (!browser) {
  console.error(
    [
      '',
      '[provision] error: no Chromium for the e2e tests.',
      `  - set ${ENV_VARS.join(' or ')} to a Chromium or Chrome executable, or`,
      "  - run `npx playwright install chromium` (needs network access to Playwright's CDN), or",
      "  - install the system's: `apt-get install chromium` (Debian) / `chromium-browser` (Ubuntu).",
      canApt ? '  (apt-get was tried here and did not provide one: see its output above.)' : '',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  process.exit(1);
}

mkdirSync(SITES_DIR, { recursive: true });
writeFileSync(BROWSER_JSON, `${JSON.stringify(browser, null, 2)}\n`);
log(`wrote ${BROWSER_JSON.slice(ROOT.length + 1)}`);
