/**
 * A real `astro build` of the project, for tests that read the built files.
 * Each build gets its own output and cache folders, so that builds running
 * at the same time (Vitest runs test files in parallel) never share Astro's
 * content data store.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

/** Variables of ours that must not leak in from the caller's environment. */
const OURS = ['TIMELINE_NOTE', 'BASE_PATH', 'SITE_URL', 'GARDEN_URL', 'WIKI_BASE_URL', 'ASTRO_CACHE_DIR'];

/**
 * Builds the site with exactly these variables of ours into a new temporary
 * folder and returns its path. Throws with the build's output when it fails.
 */
export function buildSite(vars: Record<string, string>, timeout = 180_000): string {
  return buildSiteWithLog(vars, timeout).outDir;
}

/** The build's output, warnings included, for tests that check what the build said. */
export function buildSiteWithLog(vars: Record<string, string>, timeout = 180_000): { outDir: string; log: string } {
  const outDir = mkdtempSync(join(tmpdir(), 'timeline-build-'));
  const cacheDir = mkdtempSync(join(tmpdir(), 'timeline-cache-'));
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const name of OURS) delete env[name];
  // What Vitest puts in process.env (BASE_URL, MODE, NODE_ENV=test…) would leak into Vite's build.
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST']) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
  Object.assign(env, { ASTRO_CACHE_DIR: cacheDir }, vars);
  // Node itself (Node 24 under Vitest), not a bare `astro` that may pick the system Node.
  const result = spawnSync(process.execPath, [ASTRO, 'build', '--outDir', outDir], { cwd: ROOT, env, encoding: 'utf8', timeout });
  rmSync(cacheDir, { recursive: true, force: true });
  const log = result.stdout + result.stderr;
  if (result.status !== 0) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error(`astro build failed (${result.status ?? result.signal}):\n${log.slice(-3000)}`);
  }
  return { outDir, log };
}
