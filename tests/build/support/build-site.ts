/**
 * A real `astro build` of the project, for tests that read the built files.
 * Each build gets its own cache folder, so that builds running at the same
 * time (Vitest runs test files in parallel, Playwright runs workers) never
 * share Astro's content data store.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

/** Variables of ours that must not leak in from the caller's environment. */
const OURS = ['TIMELINE_NOTE', 'BASE_PATH', 'SITE_URL', 'GARDEN_URL', 'WIKI_BASE_URL', 'ASTRO_CACHE_DIR'];

/** The caller's environment without our variables or the test runner's, plus `vars`. */
function buildEnv(vars: Record<string, string>, cacheDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const name of OURS) delete env[name];
  // What Vitest puts in process.env (BASE_URL, MODE, NODE_ENV=test…) would leak into Vite's build.
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST']) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
  return Object.assign(env, { ASTRO_CACHE_DIR: cacheDir }, vars);
}

/** Node itself (Node 24 under the test runners), not a bare `astro` that may pick the system Node. */
const buildArgs = (outDir: string) => [ASTRO, 'build', '--outDir', outDir];

function failure(status: unknown, log: string): Error {
  return new Error(`astro build failed (${String(status)}):\n${log.trimEnd().split('\n').slice(-40).join('\n')}`);
}

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
  const result = spawnSync(process.execPath, buildArgs(outDir), {
    cwd: ROOT,
    env: buildEnv(vars, cacheDir),
    encoding: 'utf8',
    timeout,
  });
  rmSync(cacheDir, { recursive: true, force: true });
  const log = result.stdout + result.stderr;
  if (result.status !== 0) {
    rmSync(outDir, { recursive: true, force: true });
    throw failure(result.status ?? result.signal, log);
  }
  return { outDir, log };
}

/**
 * The same build without blocking the process, into `outDir`, with its
 * output in `logFile`: for Playwright, whose workers must stay responsive.
 */
export async function buildSiteTo(
  vars: Record<string, string>,
  { outDir, logFile, timeout = 360_000 }: { outDir: string; logFile: string; timeout?: number },
): Promise<string> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(dirname(logFile), { recursive: true });
  const cacheDir = mkdtempSync(join(tmpdir(), 'timeline-cache-'));
  const fd = openSync(logFile, 'w');
  const child = spawn(process.execPath, buildArgs(outDir), {
    cwd: ROOT,
    env: buildEnv(vars, cacheDir),
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  }).finally(() => {
    clearTimeout(timer);
    rmSync(cacheDir, { recursive: true, force: true });
  });
  if (code !== 0) throw failure(`exit ${code}; log: ${logFile}`, readFileSync(logFile, 'utf8'));
  return outDir;
}
