/**
 * Builds for the benchmark: the site (a snapshot of the working tree) and
 * its floor (a bare Astro project rendering the same note with Astro's own
 * Markdown), each timed wall-clock with the peak memory of its process tree.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import matter from 'gray-matter';
import { spawnBuild } from '../scripts/site.ts';

export interface BuildResult {
  wallMs: number;
  /** Peak resident memory of the build's process tree, in bytes; null where /proc is missing. */
  peakRssBytes: number | null;
  /** User + system CPU time of the build's process tree; null where /proc is missing. */
  cpuMs: number | null;
}

/** What of the project a site build needs: everything but caches, output, VCS and the test/bench tooling. */
const NOT_COPIED = new Set([
  'node_modules',
  '.git',
  'dist',
  '.astro',
  'bench',
  'tests',
  'test-results',
  'playwright-report',
]);

/**
 * Copies the working tree to `dir` (node_modules symlinked), so that the
 * bench's builds neither overwrite the checkout's `dist/` and `.astro/` nor
 * see files that other people change halfway through a run.
 */
export function snapshotSite(projectRoot: string, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(projectRoot)) {
    if (NOT_COPIED.has(name)) continue;
    cpSync(join(projectRoot, name), join(dir, name), { recursive: true });
  }
  linkNodeModules(projectRoot, dir);
}

/**
 * Gives `dir` a node_modules of its own whose packages are symlinks to the
 * project's. Not one symlink for the whole folder: Astro keeps its content
 * data store in `node_modules/.astro/` and Vite its cache in
 * `node_modules/.vite/`, and those must not be shared between the bench's
 * builds, nor with builds that others run in the checkout meanwhile.
 */
function linkNodeModules(projectRoot: string, dir: string): void {
  const source = join(projectRoot, 'node_modules');
  const target = join(dir, 'node_modules');
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(source)) {
    if (name.startsWith('.') && name !== '.bin') continue; // .astro, .vite, .cache, .package-lock.json
    symlinkSync(join(source, name), join(target, name));
  }
}

/**
 * Lays out the floor: a bare Astro project whose one page is the note
 * (frontmatter stripped) as `src/pages/index.md`, built by Astro's built-in
 * Markdown pipeline. Shares the project's node_modules, so the same Astro.
 */
export function makeFloor(projectRoot: string, dir: string, noteText: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  linkNodeModules(projectRoot, dir);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'timeline-bench-floor',
        private: true,
        type: 'module',
        scripts: { build: 'ASTRO_TELEMETRY_DISABLED=1 astro build' },
      },
      null,
      2,
    ),
  );
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n",
  );
  writeFileSync(join(dir, 'src/pages/index.md'), matter(noteText).content);
}

/**
 * `astro build --outDir <outDir>` in `cwd` (scripts/site.ts), from a cold
 * start (no content cache, empty output), as on a fresh clone.
 * Throws with the build's output when it fails.
 */
export async function runBuild(
  cwd: string,
  outDir: string,
  env: Record<string, string | undefined>,
): Promise<BuildResult> {
  const { code, output, ...result } = await runBuildOutcome(cwd, outDir, env);
  if (code !== 0) throw new Error(`build in ${cwd} exited ${code}:\n${output.slice(-4000)}`);
  return result;
}

/** A build that may fail on purpose (a hostile note): its exit code and output beside the figures. */
export interface BuildOutcome extends BuildResult {
  code: number | null;
  output: string;
}

/** Like {@link runBuild}, but a failing build is an outcome, not an error. */
export async function runBuildOutcome(
  cwd: string,
  outDir: string,
  env: Record<string, string | undefined>,
): Promise<BuildOutcome> {
  for (const cache of ['.astro', 'node_modules/.astro', 'node_modules/.vite'])
    rmSync(join(cwd, cache), { recursive: true, force: true });
  const start = performance.now();
  // scripts/site.ts: a clean environment (a developer's shell cannot move the
  // bench's output), a cache folder of its own, this Node.
  const child = spawnBuild(env, { outDir: resolve(outDir), cwd });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const watch = child.pid === undefined ? null : watchTree(child.pid);
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', done);
  });
  const wallMs = performance.now() - start;
  const usage = watch?.stop() ?? { peakRssBytes: null, cpuMs: null };
  return { wallMs, ...usage, code, output };
}

/** Linux reports CPU time in clock ticks; USER_HZ is 100 on every mainstream kernel. */
const TICKS_PER_SECOND = 100;

/**
 * Samples a process and all its descendants from /proc (Linux only; nothing
 * to install, unlike GNU time). Node gives no rusage of children, and
 * `ru_maxrss` would anyway be the largest single process, not the tree.
 * - Peak memory: the larger of the highest sampled sum of VmRSS and the
 *   highest VmHWM (a process's own peak, which catches spikes between
 *   samples) of any one process.
 * - CPU time: each process's user + system time as last seen, summed. On a
 *   shared machine it moves far less than wall time when others load the
 *   cores; a process's last tenth of a second may be missed.
 */
function watchTree(rootPid: number, everyMs = 100): { stop: () => Pick<BuildResult, 'peakRssBytes' | 'cpuMs'> } | null {
  if (!existsSync('/proc/self/stat')) return null;
  let peakKb = 0;
  const cpuTicks = new Map<number, number>();
  const sample = () => {
    let sum = 0;
    for (const [pid, ticks] of tree(rootPid)) {
      cpuTicks.set(pid, Math.max(ticks, cpuTicks.get(pid) ?? 0));
      const status = readProc(`/proc/${pid}/status`);
      if (!status) continue;
      sum += kB(status, 'VmRSS');
      peakKb = Math.max(peakKb, kB(status, 'VmHWM'));
    }
    peakKb = Math.max(peakKb, sum);
  };
  const timer = setInterval(sample, everyMs);
  sample();
  return {
    stop: () => {
      clearInterval(timer);
      const ticks = [...cpuTicks.values()].reduce((a, b) => a + b, 0);
      return { peakRssBytes: peakKb ? peakKb * 1024 : null, cpuMs: (ticks / TICKS_PER_SECOND) * 1000 };
    },
  };
}

/**
 * `rootPid` and every process below it, found from the parent ids in
 * /proc/<pid>/stat, each with its user + system CPU ticks so far.
 */
function tree(rootPid: number): Map<number, number> {
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    const stat = readProc(`/proc/${name}/stat`);
    if (!stat) continue;
    // The command name is in parentheses and may hold spaces: read past the
    // last ')'. Fields from there: state, ppid, ... utime (12th), stime (13th).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(name);
    const ppid = Number(fields[1]);
    ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  const found = new Map<number, number>();
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.pop()!;
    if (ticks.has(pid)) found.set(pid, ticks.get(pid)!);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

function readProc(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // The process ended between listing and reading.
  }
}

function kB(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'mu').exec(status);
  return match ? Number(match[1]) : 0;
}
