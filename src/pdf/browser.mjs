/**
 * Where a Chromium comes from, for printing the PDFs (`obsidian-timeline
 * pdf`, `npm run pdf`) and for this repository's browser tests: a browser
 * named by an environment variable, else the one `npx playwright install
 * chromium` downloaded (the same version as this package's playwright-core), else an installed
 * Chrome, Chromium or Edge.
 *
 * JavaScript, not TypeScript: the CLI runs it from node_modules, where Node
 * strips no types.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { chromium } from 'playwright-core';

/** Flags for Chromium in a container: root, no GPU, no network of its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Environment variables that name a browser, checked first, in this order. */
export const ENV_VARS = ['CHROME_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH'];

/** Installed browsers, in order of preference, on Linux, macOS and Windows. */
const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/usr/bin/microsoft-edge',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ...['PROGRAMFILES', 'PROGRAMFILES(X86)', 'LOCALAPPDATA'].flatMap((name) =>
    process.env[name]
      ? [
          join(process.env[name], 'Google/Chrome/Application/chrome.exe'),
          join(process.env[name], 'Microsoft/Edge/Application/msedge.exe'),
        ]
      : [],
  ),
];
const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];

/** @param {string} path */
export function isExecutable(path) {
  try {
    accessSync(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `command -v name`, without a shell. @param {string} name */
export function which(name) {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return null;
}

/** Playwright's own Chromium, where `playwright install` put it; null if absent. */
export function playwrightChromium() {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * Candidates in order: environment variables, Playwright's download, the
 * system's. None is checked to start.
 * @returns {Array<{ path: string, source: string }>}
 */
export function candidates() {
  const found = [];
  for (const name of ENV_VARS) {
    const value = process.env[name];
    if (value) found.push({ path: value, source: `$${name}` });
  }
  const own = playwrightChromium();
  if (own) found.push({ path: own, source: "Playwright's downloaded Chromium" });
  for (const path of SYSTEM_PATHS) found.push({ path, source: 'system' });
  for (const name of SYSTEM_NAMES) {
    const path = which(name);
    if (path) found.push({ path, source: `system (${name} on PATH)` });
  }
  return found;
}

/** The version of playwright-core, whose own Chromium download this package finds. */
const PLAYWRIGHT_VERSION = createRequire(import.meta.url)('playwright-core/package.json').version;

/** What to do when no browser is found: one line, for the CLI's hint. */
export const NO_BROWSER_HINT = `install Google Chrome or Chromium, or run \`npx playwright-core@${PLAYWRIGHT_VERSION} install chromium\` (the build of Chromium this package drives), or set CHROME_PATH to a Chromium-based browser.`;

/** The first candidate that exists, or null. @returns {{ executablePath: string, source: string } | null} */
export function findBrowser() {
  const first = candidates().find((c) => isExecutable(c.path));
  return first ? { executablePath: first.path, source: first.source } : null;
}
