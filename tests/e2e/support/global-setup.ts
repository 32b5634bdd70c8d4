/**
 * Builds every fixture site of sites.ts once per test run (one after the
 * other: the builds share Astro's content cache), serves each with
 * `astro preview` on a free port, and hands their addresses to the workers
 * in $E2E_SITES. The returned function stops the servers.
 *
 * $E2E_ONLY_SITES=default,base builds and serves only those.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { generateNote } from '../../../bench/generate.ts';
import { ROOT, SITES_DIR } from './browser.mjs';
import { SITES, type RunningSite, type SiteSpec } from './sites.ts';

const BUILD_TIMEOUT = 5 * 60_000;
const START_TIMEOUT = 60_000;
const ASTRO_BIN = join(ROOT, 'node_modules/astro/bin/astro.mjs');

const log = (message: string) => console.log(`[e2e sites] ${message}`);

/** The variables a build and its preview see: the site's own, none inherited. */
function siteEnv(spec: SiteSpec): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', TIMELINE_NOTE: spec.note };
  delete env['BASE_PATH'];
  delete env['SITE_URL'];
  if (spec.base) env['BASE_PATH'] = spec.base;
  if (spec.site) env['SITE_URL'] = spec.site;
  return env;
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}

/** Runs `npm run build -- --outDir <outDir>` with the site's variables. */
async function build(name: string, spec: SiteSpec, outDir: string, logFile: string): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  const fd = openSync(logFile, 'w');
  const started = Date.now();
  const child = spawn('npm', ['run', 'build', '--', '--outDir', outDir], {
    cwd: ROOT,
    env: siteEnv(spec),
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const timer = setTimeout(() => child.kill('SIGKILL'), BUILD_TIMEOUT);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  }).finally(() => clearTimeout(timer));
  if (code !== 0) {
    throw new Error(
      `building fixture site "${name}" failed (exit ${code}); log: ${logFile}\n--- last lines ---\n${tail(logFile)}`,
    );
  }
  log(`built ${name} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

/** A port that was free a moment ago. */
function freePort(): Promise<number> {
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

const children = new Set<ChildProcess>();
function stopAll(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
}
// If the runner dies without teardown, don't leave servers behind.
process.once('exit', stopAll);

/** Starts `astro preview` for a built site and waits until it answers. */
async function serve(name: string, spec: SiteSpec, outDir: string, logFile: string): Promise<RunningSite> {
  const base = spec.base ?? '/';
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const fd = openSync(logFile, 'w');
    // Node itself, not npx: one process to stop. --ignore-lock: several
    // previews at once, and never a background server.
    const child = spawn(
      process.execPath,
      [ASTRO_BIN, 'preview', '--outDir', outDir, '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'],
      { cwd: ROOT, env: siteEnv(spec), stdio: ['ignore', fd, fd] },
    );
    closeSync(fd);
    children.add(child);
    const origin = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + START_TIMEOUT;
    while (child.exitCode === null && child.signalCode === null && Date.now() < deadline) {
      try {
        const response = await fetch(origin + base, { signal: AbortSignal.timeout(2_000) });
        await response.body?.cancel();
        log(`serving ${name} at ${origin}${base} (${response.status})`);
        const running: RunningSite = { name, origin, base, outDir };
        if (spec.site) running.site = spec.site;
        return running;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    child.kill('SIGKILL');
    children.delete(child);
    // Someone may have taken the port between freePort() and listen: retry once.
    if (attempt >= 2 || Date.now() >= deadline) {
      throw new Error(
        `astro preview for fixture site "${name}" did not answer on ${origin}${base}; log: ${logFile}\n--- last lines ---\n${tail(logFile)}`,
      );
    }
    log(`astro preview for ${name} exited early; retrying on another port`);
  }
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const only = process.env['E2E_ONLY_SITES']
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const entries = Object.entries(SITES as Record<string, SiteSpec>).filter(([name]) => !only || only.includes(name));
  if (only)
    for (const name of only)
      if (!(name in SITES)) throw new Error(`E2E_ONLY_SITES: no fixture site "${name}" in tests/e2e/sites.ts`);

  const running: Record<string, RunningSite> = {};
  try {
    for (const [name, spec] of entries) {
      const dir = join(SITES_DIR, name);
      mkdirSync(dir, { recursive: true });
      if (spec.generate) writeFileSync(join(ROOT, spec.note), generateNote({ entries: spec.generate }));
      await build(name, spec, join(dir, 'dist'), join(dir, 'build.log'));
    }
    const served = await Promise.all(
      entries.map(([name, spec]) => {
        const dir = join(SITES_DIR, name);
        return serve(name, spec, join(dir, 'dist'), join(dir, 'preview.log'));
      }),
    );
    for (const site of served) running[site.name] = site;
  } catch (error) {
    stopAll();
    throw error;
  }
  process.env['E2E_SITES'] = JSON.stringify(running);

  return async () => {
    const exits = [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        }),
    );
    stopAll();
    await Promise.all(exits);
  };
}
