// Where the e2e tests' Chromium comes from. Shared by provision-browser.mjs
// (which may install one) and playwright.config.ts (which only reads); the
// candidates are the package's own (src/pdf/browser.mjs, which the CLI uses).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, ENV_VARS, candidates, isExecutable } from '../../../src/pdf/browser.mjs';

/** The project root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** Built sites, logs and the provisioning result live here (git-ignored). */
export const SITES_DIR = join(ROOT, 'tests/.sites');
/** What provision-browser.mjs found, for playwright.config.ts. */
export const BROWSER_JSON = join(SITES_DIR, 'browser.json');

/** The browser's version line, or null when it does not start. */
export function browserVersion(path) {
  const run = spawnSync(path, ['--version', ...CHROMIUM_ARGS], { encoding: 'utf8', timeout: 30_000 });
  const out = `${run.stdout ?? ''}`.trim();
  return run.status === 0 && out ? out.split('\n').pop() : null;
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

export { CHROMIUM_ARGS, ENV_VARS, candidates, isExecutable };
export { which } from '../../../src/pdf/browser.mjs';
