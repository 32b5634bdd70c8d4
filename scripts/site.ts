/**
 * The one way the project builds and serves a site outside `npm run build`:
 * the build tests, the e2e setup, the bench, the audit and `npm run pdf` all
 * come here. A build sees exactly the variables it is given (none of ours
 * leak in from the caller's shell, nor Vitest's), gets its own Astro cache
 * folder so that builds running at once never share a content data store,
 * and runs on this Node (Node 24 under npm), not a bare `astro` that may
 * pick the system's.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Astro's CLI inside a project (the project's own, or a bench snapshot's). */
const astroBin = (cwd: string) => join(cwd, 'node_modules/astro/bin/astro.mjs');

/** Our variables (src/site/env.ts): none may leak in from the caller. */
const OURS = [
  'TIMELINE_NOTE',
  'BASE_PATH',
  'SITE_URL',
  'GARDEN_URL',
  'WIKI_BASE_URL',
  'WIKI_LINKS',
  'TIMELINE_PDF',
  'POSTER_PAPER',
  'ASTRO_CACHE_DIR',
  'TIMELINE_VAULT',
  'MEDIA_MAX_MB',
  'REMOTE_IMAGES',
];
/** What Vitest puts in process.env, which would leak into Vite's build. */
const TEST_RUNNER = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'];

/** Variables for a build or preview: the caller's environment without ours, plus `vars` (undefined ones left out). */
export function siteEnv(vars: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const name of [...OURS, ...TEST_RUNNER]) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
  for (const [name, value] of Object.entries(vars)) if (value !== undefined) env[name] = value;
  return env;
}

/** The last lines of a log file, for error messages. */
export function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}

export interface BuildOptions {
  /** Where the site goes (emptied first). */
  outDir: string;
  /** The project to build; the checkout by default. */
  cwd?: string;
  /** Kill the build after this long. */
  timeout?: number;
  /** Flags for Node itself, e.g. `--cpu-prof` (bench --profile). */
  nodeArgs?: string[];
  /** Leave what `outDir` holds: a build that fails or is stopped must leave it as it was (safety tests). */
  keep?: boolean;
  /** Astro's cache folder; a new temporary one, removed when the build exits, by default. */
  cacheDir?: string;
}

/**
 * Starts `astro build` with `vars` and a cache folder of its own (removed
 * when the build exits). For callers that watch the process (the bench
 * times it and samples its memory); the others use {@link buildSite}.
 */
export function spawnBuild(
  vars: Record<string, string | undefined>,
  { outDir, cwd = ROOT, nodeArgs = [], keep = false, cacheDir: given }: BuildOptions,
  stdio: 'pipe' | number = 'pipe',
): ChildProcess {
  if (!keep) rmSync(outDir, { recursive: true, force: true });
  const cacheDir = given ?? mkdtempSync(join(tmpdir(), 'timeline-cache-'));
  const child = spawn(process.execPath, [...nodeArgs, astroBin(cwd), 'build', '--outDir', outDir], {
    cwd,
    env: siteEnv({ ...vars, ASTRO_CACHE_DIR: cacheDir }),
    stdio: ['ignore', stdio, stdio],
  });
  if (!given) child.once('exit', () => rmSync(cacheDir, { recursive: true, force: true }));
  return child;
}

/** Builds into `outDir`, with the build's output in `logFile`. Throws with the log's tail when it fails. */
export async function buildSite(
  vars: Record<string, string | undefined>,
  { logFile, timeout = 360_000, ...options }: BuildOptions & { logFile: string },
): Promise<string> {
  mkdirSync(dirname(logFile), { recursive: true });
  const fd = openSync(logFile, 'w');
  const child = spawnBuild(vars, options, fd);
  closeSync(fd);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  }).finally(() => clearTimeout(timer));
  if (code !== 0)
    throw new Error(`astro build failed (exit ${code}); log: ${logFile}\n--- last lines ---\n${tail(logFile)}`);
  return options.outDir;
}

/**
 * The same build, blocking, into a new temporary folder, with its output:
 * for Vitest's `beforeAll`, which may block. Throws with the output's tail.
 */
export function buildSiteSync(vars: Record<string, string>, timeout = 180_000): { outDir: string; log: string } {
  const outDir = mkdtempSync(join(tmpdir(), 'timeline-build-'));
  const cacheDir = mkdtempSync(join(tmpdir(), 'timeline-cache-'));
  const result = spawnSync(process.execPath, [astroBin(ROOT), 'build', '--outDir', outDir], {
    cwd: ROOT,
    env: siteEnv({ ...vars, ASTRO_CACHE_DIR: cacheDir }),
    encoding: 'utf8',
    timeout,
  });
  rmSync(cacheDir, { recursive: true, force: true });
  const log = result.stdout + result.stderr;
  if (result.status !== 0) {
    rmSync(outDir, { recursive: true, force: true });
    const why = String(result.status ?? result.signal);
    throw new Error(`astro build failed (${why}):\n${log.trimEnd().split('\n').slice(-40).join('\n')}`);
  }
  return { outDir, log };
}

/** A port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** A built site served by `astro preview`. */
export interface Preview {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string;
  /** Stops the server and waits for it to exit. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
/** Kills the servers still running: a runner that dies without stopping them does not leave them behind. */
function killAll(): void {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
let handlersInstalled = false;
/** On exit, and on the signals that end a runner without an `exit` event. */
function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
}

/**
 * Serves `outDir` with `astro preview` on a free port (one retry if another
 * process took it first) and waits until `base` answers. `--ignore-lock`:
 * several previews at once, and never a background server.
 */
export async function previewSite(
  outDir: string,
  {
    vars = {},
    base = '/',
    logFile,
    timeout = 60_000,
    cwd = ROOT,
  }: {
    vars?: Record<string, string | undefined>;
    base?: string;
    logFile: string;
    timeout?: number;
    /** The Astro project whose config serves the site (a host site's, in the package tests). */
    cwd?: string;
  },
): Promise<Preview> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const fd = openSync(logFile, 'w');
    const child = spawn(
      process.execPath,
      [astroBin(cwd), 'preview', '--outDir', outDir, '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'],
      { cwd, env: siteEnv(vars), stdio: ['ignore', fd, fd] },
    );
    closeSync(fd);
    running.add(child);
    installHandlers();
    const origin = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + timeout;
    while (child.exitCode === null && child.signalCode === null && Date.now() < deadline) {
      try {
        const response = await fetch(origin + base, { signal: AbortSignal.timeout(2_000) });
        await response.body?.cancel();
        return { origin, stop: () => stop(child) };
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    await stop(child);
    if (attempt >= 2 || Date.now() >= deadline) {
      throw new Error(
        `astro preview did not answer on ${origin}${base}; log: ${logFile}\n--- last lines ---\n${tail(logFile)}`,
      );
    }
  }
}

async function stop(child: ChildProcess): Promise<void> {
  running.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
