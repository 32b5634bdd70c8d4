/**
 * `npm run bench -- --profile`: where a build's time goes, phase by phase,
 * for the default note, its floor (bare Astro rendering the same note as one
 * Markdown page, bench/build.ts) and a 10,000-entry note. Each build runs once in a
 * snapshot of the working tree (bench/build.ts) under Node's `--cpu-prof`,
 * from a cold cache. Prints two tables:
 *
 * - phases, wall time, from Astro's own log lines (config and Vite start,
 *   content sync, type generation, bundling, page rendering, the
 *   integrations' `astro:build:done` hooks, Pagefind);
 * - CPU time by what ran it, from the CPU profile's samples (self time,
 *   attributed by source file: our parser, loader, pages and components,
 *   Astro's content layer, its renderer, Vite/Rolldown, zod, the store's
 *   serialisation, garbage collection…).
 *
 * Pagefind indexes in a binary of its own, whose CPU is not in the profile;
 * its wall time is in the phase table.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnBuild } from '../scripts/site.ts';
import { makeFloor, snapshotSite } from './build.ts';
import { generateNote } from './generate.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Categories of the CPU table, first match wins: a source file (or a frame name) → what it is. */
const CATEGORIES: Array<[string, RegExp]> = [
  ['garbage collection', /^\(garbage collector\)$/u],
  ['idle (waiting on I/O, workers, Pagefind)', /^\((idle|program)\)$/u],
  ['our parser (src/timeline/)', /\/src\/timeline\//u],
  ['our loader (src/loaders/)', /\/src\/loaders\//u],
  ['our pages, components, layouts (src/)', /\/src\/(pages|components|layouts|utils|poster|site|i18n|schemas)\//u],
  ['our integrations (src/integrations/)', /\/src\/integrations\//u],
  [
    'unified, micromark, mdast/hast utilities',
    /node_modules\/(micromark|mdast|hast|unist|unified|remark|rehype|vfile|property-information|parse5|@r4ai)/u,
  ],
  ['zod (parseData)', /node_modules\/zod\//u],
  ['Astro content layer (sync, store, types)', /node_modules\/astro\/dist\/content\//u],
  [
    'Astro renderer and page generation',
    /node_modules\/astro\/dist\/(runtime|core\/render|core\/build\/generate|core\/build\/pipeline)/u,
  ],
  ['Astro CSP hashing', /node_modules\/astro\/dist\/core\/csp/u],
  ['Astro (other)', /node_modules\/astro\//u],
  ['Vite, Rolldown, esbuild, Lightning CSS', /node_modules\/(vite|rolldown|@rolldown|esbuild|lightningcss|@oxc|oxc)/u],
  ['devalue (store serialisation)', /node_modules\/devalue\//u],
  ['sitemap', /node_modules\/@astrojs\/sitemap/u],
  ['Pagefind (Node side)', /node_modules\/pagefind/u],
  ['other dependencies', /node_modules\//u],
  ['Node internals', /^node:|^internal\//u],
];

/** Self time per category, in ms, from one CPU profile. */
function categorise(profile: CpuProfile): Map<string, number> {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const out = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame;
    const key = frame?.url || frame?.functionName || '';
    const category = CATEGORIES.find(([, pattern]) => pattern.test(key))?.[0] ?? 'native and other';
    out.set(category, (out.get(category) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return out;
}

/** Astro's log, timed by when each line arrived. */
interface TimedLine {
  ms: number;
  text: string;
}

/** Phases between log lines: [name, line that starts it, line that ends it]. */
const PHASES: Array<[string, RegExp, RegExp]> = [
  ['config, Vite start, content layer start', /^START$/u, /\[content\] Syncing content|\[types\] Generated/u],
  ['content sync (loaders, parseData, store)', /\[content\] Syncing content/u, /\[content\] Synced content/u],
  ['type generation', /\[content\] Synced content/u, /\[types\] Generated/u],
  ['build info', /\[types\] Generated/u, /Building static entrypoints/u],
  ['bundling (Vite: pages, scripts, CSS)', /Building static entrypoints/u, /generating static routes/u],
  ['page rendering (every route)', /generating static routes/u, /✓ Completed in [\d.]+m?s\.\s*$/u],
  ['integrations at build:done (media, Pagefind, sitemap)', /✓ Completed in [\d.]+m?s\.\s*$/u, /page\(s\) built in/u],
];

async function profiledBuild(
  cwd: string,
  note: string,
  profileDir: string,
): Promise<{ wallMs: number; lines: TimedLine[]; cpu: Map<string, number>; totalCpuMs: number }> {
  for (const cache of ['.astro', 'node_modules/.astro', 'node_modules/.vite'])
    rmSync(join(cwd, cache), { recursive: true, force: true });
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
  const start = performance.now();
  const lines: TimedLine[] = [{ ms: 0, text: 'START' }];
  // scripts/site.ts, as every build outside npm run build; an empty note is the floor's (no variable).
  const child = spawnBuild(note ? { TIMELINE_NOTE: note } : {}, {
    outDir: join(cwd, 'dist'),
    cwd,
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
  });
  let pending = '';
  const onData = (chunk: Buffer) => {
    pending += chunk.toString();
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    for (const text of parts) lines.push({ ms: performance.now() - start, text });
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  const wallMs = performance.now() - start;
  if (code !== 0)
    throw new Error(
      `profiled build of ${note} exited ${code}:\n${lines
        .map((l) => l.text)
        .join('\n')
        .slice(-3000)}`,
    );
  const cpu = new Map<string, number>();
  let totalCpuMs = 0;
  for (const file of readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as CpuProfile;
    for (const [key, ms] of categorise(profile)) {
      cpu.set(key, (cpu.get(key) ?? 0) + ms);
      if (!key.startsWith('idle')) totalCpuMs += ms;
    }
  }
  return { wallMs, lines, cpu, totalCpuMs };
}

function phases(lines: TimedLine[], wallMs: number): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  // Each phase starts where the one before it ended: log lines repeat (`✓ Completed in …`).
  let at = 0;
  for (const [name, from, to] of PHASES) {
    const a = lines.findIndex((l, i) => i >= at && from.test(l.text));
    const b = a < 0 ? -1 : lines.findIndex((l, i) => i > a && to.test(l.text));
    if (a < 0 || b < 0) continue;
    out.push([name, lines[b]!.ms - lines[a]!.ms]);
    at = b;
  }
  const last = lines.find((l) => /page\(s\) built in/u.test(l.text));
  if (last) out.push(['exit (closing Vite, writing the profile)', wallMs - last.ms]);
  const pagefind = lines.find((l) => /\[timeline-pagefind\] indexed/u.exec(l.text));
  const pagefindMs = pagefind && /in (\d+)ms/u.exec(pagefind.text);
  if (pagefindMs) out.push(['  of which Pagefind indexing', Number(pagefindMs[1])]);
  const routes = lines.filter((l) => /[├└]─ /u.test(l.text));
  const perRoute = new Map<string, number>();
  for (const line of routes) {
    const match = /[├└]─ (\S+) \(\+(\d+)ms\)/u.exec(line.text);
    if (!match) continue;
    const kind = match[1]!.startsWith('/eras/') ? '/eras/*' : match[1]!;
    perRoute.set(kind, (perRoute.get(kind) ?? 0) + Number(match[2]));
  }
  for (const [route, ms] of [...perRoute].sort((a, b) => b[1] - a[1]).slice(0, 6)) out.push([`  render ${route}`, ms]);
  return out;
}

export async function runProfile(): Promise<void> {
  const work = resolve(process.env['BENCH_WORK'] ?? join(tmpdir(), 'obsidian-timeline-bench'), 'profile');
  const site = join(work, 'site');
  process.stderr.write(`[profile] snapshot in ${site}\n`);
  snapshotSite(root, site);
  mkdirSync(join(site, 'bench-notes'), { recursive: true });
  writeFileSync(join(site, 'bench-notes/n10000.md'), generateNote({ entries: 10_000, seed: 1 }));
  const defaultText = readFileSync(join(root, 'content/llm-history.md'), 'utf8');
  makeFloor(root, join(work, 'floor'), defaultText);
  const notes = [
    { label: 'default', note: 'content/llm-history.md', cwd: site },
    { label: 'floor (default)', note: '', cwd: join(work, 'floor') },
    { label: '10,000', note: 'bench-notes/n10000.md', cwd: site },
  ];
  // An untimed build first: the disk cache and Node's compile cache are warm for both.
  await profiledBuild(site, notes[0]!.note, join(work, 'warm'));
  const results: Array<{ label: string } & Awaited<ReturnType<typeof profiledBuild>>> = [];
  for (const { label, note, cwd } of notes) {
    process.stderr.write(`[profile] build: ${label}\n`);
    results.push({ label, ...(await profiledBuild(cwd, note, join(work, `prof-${label.replace(/\W+/gu, '-')}`))) });
  }
  const fmt = (ms: number | undefined) =>
    ms === undefined ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
  const table = (title: string, rows: string[][]) => {
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    console.log(`\n${title}`);
    rows.forEach((r, k) => {
      console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
      if (k === 0) console.log(widths.map((w) => '─'.repeat(w)).join('  '));
    });
  };
  const phaseRows = results.map((r) => new Map(phases(r.lines, r.wallMs)));
  const phaseNames = [...new Set(phaseRows.flatMap((m) => [...m.keys()]))];
  table('Build phases, wall time (one profiled build each; the profiler adds a little)', [
    ['phase', ...results.map((r) => r.label)],
    ...phaseNames.map((name) => [name, ...phaseRows.map((m) => fmt(m.get(name)))]),
    ['total', ...results.map((r) => fmt(r.wallMs))],
  ]);
  const names = [...new Set(results.flatMap((r) => [...r.cpu.keys()]))].sort(
    (a, b) => (results.at(-1)?.cpu.get(b) ?? 0) - (results.at(-1)?.cpu.get(a) ?? 0),
  );
  table('CPU time by what ran it (self time from the CPU profile)', [
    ['who', ...results.map((r) => r.label)],
    ...names.map((name) => [name, ...results.map((r) => fmt(r.cpu.get(name)))]),
    ['total CPU in Node (idle aside)', ...results.map((r) => fmt(r.totalCpuMs))],
  ]);
  process.stderr.write(`[profile] CPU profiles kept in ${work}/prof-*/ (open in Chrome DevTools → Performance)\n`);
}
