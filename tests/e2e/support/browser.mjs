// Where the e2e tests' Chromium comes from. Shared by provision-browser.mjs
// (which may install one) and playwright.config.ts (which only reads).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

/** The project root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** Built sites, logs and the provisioning result live here (git-ignored). */
export const SITES_DIR = join(ROOT, 'tests/.sites');
/** What provision-browser.mjs found, for playwright.config.ts. */
export const BROWSER_JSON = join(SITES_DIR, 'browser.json');

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

/** System browsers, in order of preference. */
const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
];
const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `command -v name`, without a shell. */
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

/** The browser's version line, or null when it does not start. */
export function browserVersion(path) {
  const run = spawnSync(path, ['--version', ...CHROMIUM_ARGS], { encoding: 'utf8', timeout: 30_000 });
  const out = `${run.stdout ?? ''}`.trim();
  return run.status === 0 && out ? out.split('\n').pop() : null;
}

/**
 * Candidates in order: environment variables, Playwright's download, the
 * system's. Each is `{ path, source }`; none is checked to start.
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

/**
 * For playwright.config.ts: a browser named by an environment variable, else
 * the one that provision-browser.mjs recorded,
 * else the first candidate that exists (nothing is installed or started),
 * else null (then Playwright looks for its own and says how to install it).
 */
export function resolveBrowser() {
  for (const name of ENV_VARS) {
    const value = process.env[name];
    if (value && isExecutable(value)) return { executablePath: value, source: `$${name}` };
  }
  try {
    const saved = JSON.parse(readFileSync(BROWSER_JSON, 'utf8'));
    if (saved?.executablePath && isExecutable(saved.executablePath)) return saved;
  } catch {
    // not provisioned yet: look without installing
  }
  const first = candidates().find((c) => isExecutable(c.path));
  return first ? { executablePath: first.path, source: first.source } : null;
}

export { isExecutable };
