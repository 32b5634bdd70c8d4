/**
 * `npm run bench`: loader vs bare remark, site build vs a bare Astro build,
 * growth from 1,000 to 10,000 entries, and page weight, for synthetic notes
 * of 100, 1,000 and 10,000 entries and the default note. Prints one table
 * on stdout (progress goes to stderr) and writes it, with every sample, as
 * JSON to bench/results/. Wall times are what the targets are about; CPU
 * times are printed beside them because this machine's cores are shared and
 * wall times swell with other people's work (the header shows the load).
 *
 * `npm run bench -- --hostile` measures hostile notes instead (bench/hostile.ts),
 * `npm run bench -- --poster` only the poster's use of the sheet (bench/poster.ts),
 * `npm run bench -- --profile` where a build's time goes (bench/profile.ts).
 *
 * Settings (environment):
 * - BENCH_SIZES: entry counts, comma-separated (default 100,1000,10000);
 * - BENCH_BUILD_RUNS: builds per note and per side (default 2; the fastest counts);
 * - BENCH_LOADER_BUDGET_MS: time for the loader comparison per note (default 8000);
 * - BENCH_WORK: scratch folder (default <tmpdir>/obsidian-timeline-bench; bench/.work is git-ignored for it),
 *   removed afterwards unless BENCH_KEEP=1.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ui } from '../src/i18n/ui.ts';
import { posterInputOfNote } from '../src/poster/input.ts';
import { layoutPoster } from '../src/poster/layout.ts';
import { parseNote } from '../src/timeline/index.ts';
import { makeFloor, runBuild, snapshotSite, type BuildResult } from './build.ts';
import { generateNote } from './generate.ts';
import { measureDevLoop, type DevLoopResult } from './dev.ts';
import { compareLoader, type LoaderResult } from './loader.ts';
import { measurePosters, posterTable } from './poster.ts';
import { BUDGETS, KB } from '../audit/budgets.ts';
import { largestEraPage, pageWeight } from '../audit/weight.ts';

if (process.argv.includes('--profile')) {
  const { runProfile } = await import('./profile.ts');
  await runProfile();
  process.exit(0);
}

if (process.argv.includes('--poster')) {
  const { measurePosters, posterTable } = await import('./poster.ts');
  console.log(posterTable(measurePosters(fileURLToPath(new URL('..', import.meta.url)))));
  process.exit(0);
}

if (process.argv.includes('--hostile')) {
  const { runHostileBench } = await import('./hostile.ts');
  await runHostileBench();
  process.exit(0);
}

const root = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_NOTE = 'content/llm-history.md';
const sizes = (process.env['BENCH_SIZES'] ?? '100,1000,10000').split(',').map((s) => Number(s.trim()));
const buildRuns = Math.max(1, Number(process.env['BENCH_BUILD_RUNS'] ?? 2));
const loaderBudgetMs = Number(process.env['BENCH_LOADER_BUDGET_MS'] ?? 8000);
// Outside the checkout by default, so that other people's dev servers, type
// checks and test runners never see the bench's copies and output.
const work = resolve(process.env['BENCH_WORK'] ?? join(tmpdir(), 'obsidian-timeline-bench'));
const keep = process.env['BENCH_KEEP'] === '1';

interface Note {
  key: string;
  label: string;
  text: string;
  /** TIMELINE_NOTE for the site build, relative to the site's root. */
  sitePath: string;
  entries: number;
  eras: number;
  loader?: LoaderResult;
  site: BuildResult[];
  floor: BuildResult[];
  weight: Record<'home' | 'era' | 'overview' | 'poster', BenchWeight | null>;
  /** The poster's layout alone, median ms, and how many entries it showed. */
  poster?: { layoutMs: number; shown: number };
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
let devLoop: DevLoopResult | null = null;
const started = performance.now();
const loadAtStart = loadavg()[0]!;

const notes: Note[] = [
  ...sizes.map((entries) => ({
    key: String(entries),
    label: entries.toLocaleString('en'),
    text: generateNote({ entries, seed: 1 }),
    sitePath: `bench-notes/n${entries}.md`,
  })),
  { key: 'default', label: 'default', text: readFileSync(join(root, DEFAULT_NOTE), 'utf8'), sitePath: DEFAULT_NOTE },
].map((n) => ({
  ...n,
  ...countItems(n.text, n.sitePath),
  site: [],
  floor: [],
  weight: { home: null, era: null, overview: null, poster: null },
}));

// 1. Loader against bare remark, smallest note first.
for (const note of notes) {
  log(`loader vs remark: ${note.label} (${(note.text.length / 1000).toFixed(0)} k chars)`);
  note.loader = compareLoader(note.text, { file: note.sitePath, budgetMs: loaderBudgetMs });
}

// 1b. The poster's layout alone (poster/layout.ts), on the parsed note.
for (const note of notes) {
  const timeline = parseNote(note.text, { file: note.sitePath });
  const input = posterInputOfNote(timeline, ui(timeline.meta.lang));
  const times: number[] = [];
  let shown = 0;
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    shown = layoutPoster(input).labels.length;
    times.push(performance.now() - t0);
  }
  note.poster = { layoutMs: times.sort((a, b) => a - b)[3]!, shown };
  log(`poster layout: ${note.label}: ${note.poster.layoutMs.toFixed(1)} ms, ${shown} entries shown`);
}

// 2. Builds. Site and floor alternate (so noise hits both); the default note
// is built last in each round, like a user's last build.
try {
  log(`scratch folder: ${work}`);
  rmSync(work, { recursive: true, force: true });
  const siteDir = join(work, 'site');
  snapshotSite(root, siteDir);
  mkdirSync(join(siteDir, 'bench-notes'), { recursive: true });
  for (const note of notes) if (note.key !== 'default') writeFileSync(join(siteDir, note.sitePath), note.text);
  for (const note of notes) makeFloor(root, join(work, `floor-${note.key}`), note.text);

  // An untimed first build, so that a cold disk cache and npm's first start
  // do not land on whichever note happens to come first.
  log('warm-up build');
  await runBuild(siteDir, join(work, 'out', 'warm-up'), { TIMELINE_NOTE: notes[0]!.sitePath });

  for (let run = 0; run < buildRuns; run++) {
    for (const note of notes) {
      const siteOut = join(work, 'out', `site-${note.key}`);
      const floorOut = join(work, 'out', `floor-${note.key}`);
      const site = () => runBuild(siteDir, siteOut, { TIMELINE_NOTE: note.sitePath });
      const floor = () => runBuild(join(work, `floor-${note.key}`), floorOut, { TIMELINE_NOTE: undefined });
      if (run % 2 === 0) {
        note.site.push(await site());
        note.floor.push(await floor());
      } else {
        note.floor.push(await floor());
        note.site.push(await site());
      }
      checkBuilt(note, siteOut);
      log(
        `build ${run + 1}/${buildRuns} ${note.label}: site ${secs(note.site.at(-1)!.wallMs)}, floor ${secs(note.floor.at(-1)!.wallMs)}`,
      );
      const era = largestEraPage(siteOut);
      note.weight = {
        home: weigh(siteOut, 'index.html'),
        era: era ? weigh(siteOut, era) : null,
        overview: weigh(siteOut, 'overview/index.html'),
        poster: weigh(siteOut, 'poster/index.html'),
      };
    }
  }

  // 3. The dev loop on the default note: save → page served, and an unchanged save.
  log('dev loop: astro dev on the default note');
  devLoop = await measureDevLoop(siteDir, DEFAULT_NOTE, {
    marker: 'Whisper',
    page: `/eras/${encodeURIComponent('序曲')}/`,
  });
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
}

// 4. The table.
const MB = 1000 * KB;
const byKey = new Map(notes.map((n) => [n.key, n]));
const best = (runs: BuildResult[]) => Math.min(...runs.map((r) => r.wallMs));
const leastCpu = (runs: BuildResult[]) => {
  const values = runs.map((r) => r.cpuMs).filter((v): v is number => v !== null);
  return values.length ? Math.min(...values) : null;
};
const peak = (runs: BuildResult[]) => {
  const values = runs.map((r) => r.peakRssBytes).filter((v): v is number => v !== null);
  return values.length ? Math.max(...values) : null;
};
const growth = (metric: (n: Note) => number | null | undefined): number | null => {
  const [a, b] = [byKey.get('1000'), byKey.get('10000')];
  const [x, y] = [a && metric(a), b && metric(b)];
  return x && y ? Math.log(y / x) / Math.log(10) : null;
};

type Cell = { value: number | null; text: string; pass?: boolean };
interface Row {
  metric: string;
  target: string;
  cells: Record<string, Cell>;
}
const rows: Row[] = [];
const row = (metric: string, target: string, cell: (n: Note) => Cell | null) => {
  const cells: Record<string, Cell> = {};
  for (const n of notes) cells[n.key] = cell(n) ?? { value: null, text: '' };
  rows.push({ metric, target, cells });
};
const num = (value: number | null | undefined, format: (v: number) => string, pass?: (v: number) => boolean): Cell =>
  value === null || value === undefined || Number.isNaN(value)
    ? { value: null, text: '—' }
    : { value, text: format(value), ...(pass ? { pass: pass(value) } : {}) };
/** A target that applies to one note only: the other notes show the figure without a mark. */
const only = (key: string, n: Note, cell: Cell): Cell =>
  n.key === key ? cell : { value: cell.value, text: cell.text };

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
const ratio = (v: number) => `${v.toFixed(2)}×`;
const kb = (v: number) => (v / KB).toFixed(1);
const mb = (v: number) => (v / MB).toFixed(0);

row('entries', '', (n) => num(n.entries, (v) => v.toLocaleString('en')));
row('note size, KB', '', (n) => num(Buffer.byteLength(n.text), kb));
row('loader parseNote, ms (median)', '', (n) => num(n.loader?.loaderMs, ms));
row('bare remark+gfm, ms (median)', '', (n) => num(n.loader?.remarkMs, ms));
row('  loader ÷ remark', '≤ 1.2×', (n) =>
  num(n.loader && n.loader.loaderMs / n.loader.remarkMs, ratio, (v) => v <= 1.2),
);
row('  loader ÷ remark, CPU time', '', (n) => num(n.loader && n.loader.loaderCpuMs / n.loader.remarkCpuMs, ratio));
row('  loader iterations', '', (n) => num(n.loader?.iterations, String));
row(`build, s (best of ${buildRuns})`, '< 10 s at 10,000', (n) =>
  only(
    '10000',
    n,
    num(
      best(n.site),
      (v) => (v / 1000).toFixed(2),
      (v) => v < 10_000,
    ),
  ),
);
row(`floor build, s (best of ${buildRuns})`, '', (n) => num(best(n.floor), (v) => (v / 1000).toFixed(2)));
row(`build CPU, s (least of ${buildRuns})`, '', (n) => num(leastCpu(n.site), (v) => (v / 1000).toFixed(2)));
row(`floor CPU, s (least of ${buildRuns})`, '', (n) => num(leastCpu(n.floor), (v) => (v / 1000).toFixed(2)));
row('  build ÷ floor', '≤ 1.5× default, ≤ 3× at 10,000', (n) =>
  n.key === 'default' || n.key === '10000'
    ? num(best(n.site) / best(n.floor), ratio, (v) => v <= (n.key === 'default' ? 1.5 : 3))
    : num(best(n.site) / best(n.floor), ratio),
);
row('build peak RSS, MB', '≤ 1.0 GB at 10,000', (n) =>
  only(
    '10000',
    n,
    num(peak(n.site), mb, (v) => v <= 1000 * MB),
  ),
);
row('floor peak RSS, MB', '', (n) => num(peak(n.floor), mb));
row('  build RSS ÷ floor RSS', '', (n) => num((peak(n.site) ?? NaN) / (peak(n.floor) ?? NaN), ratio));
const atTenK = (value: number | null, pass?: (v: number) => boolean) => (n: Note) =>
  n.key === '10000' ? num(value, (v) => v.toFixed(2), pass) : null;
row(
  'growth exponent 1k→10k, build',
  '≤ 1.1',
  atTenK(
    growth((n) => best(n.site)),
    (v) => v <= 1.1,
  ),
);
row('growth exponent 1k→10k, build CPU', '', atTenK(growth((n) => leastCpu(n.site))));
row('growth exponent 1k→10k, floor', '', atTenK(growth((n) => best(n.floor))));
row(
  'growth exponent 1k→10k, loader',
  '≤ 1.1',
  atTenK(
    growth((n) => n.loader?.loaderMs),
    (v) => v <= 1.1,
  ),
);
row('growth exponent 1k→10k, loader CPU', '', atTenK(growth((n) => n.loader?.loaderCpuMs)));
row('growth exponent 1k→10k, remark', '', atTenK(growth((n) => n.loader?.remarkMs)));
// The reading site's budgets are for the default note. A synthetic era holds
// 100 long entries, and its page may grow with them (in proportion, shown per
// entry below); only the CSS and JS budgets hold whatever the note's size.
const weightRows = (
  label: string,
  page: 'home' | 'era' | 'overview' | 'poster',
  budgets: { html?: number; css?: number; js?: number },
) => {
  const target = (b: number | undefined, unit = 'KB') =>
    b === undefined ? '' : b === 0 ? '0 B' : `≤ ${b / KB} ${unit}`;
  row(`${label} HTML, KB`, budgets.html === undefined ? '' : `${target(budgets.html)} for default`, (n) =>
    only(
      'default',
      n,
      num(n.weight[page]?.html, kb, budgets.html === undefined ? undefined : (v) => v <= budgets.html!),
    ),
  );
  row(`${label} CSS, KB`, target(budgets.css), (n) =>
    num(n.weight[page]?.css, kb, budgets.css === undefined ? undefined : (v) => v <= budgets.css!),
  );
  row(`${label} JS on load, KB`, target(budgets.js), (n) =>
    num(n.weight[page]?.js, kb, budgets.js === undefined ? undefined : (v) => v <= budgets.js!),
  );
};
// Budgets: audit/budgets.ts.
weightRows('/', 'home', { html: BUDGETS.homeHtml, css: BUDGETS.css, js: BUDGETS.requiredJs });
weightRows('largest era page', 'era', { html: BUDGETS.eraHtml, css: BUDGETS.css, js: BUDGETS.requiredJs });
row('  largest era page HTML per entry, B', 'flat: no copy of the whole timeline', (n) => {
  const era = n.weight.era;
  return era && era.entries ? num(era.html / era.entries, (v) => v.toFixed(0)) : null;
});
weightRows('/overview/', 'overview', { css: BUDGETS.css, js: BUDGETS.requiredJs });
row('poster layout, ms (median of 7)', '', (n) => num(n.poster?.layoutMs, ms));
row('  poster entries shown', 'all 48 for default', (n) =>
  only(
    'default',
    n,
    num(n.poster?.shown, String, (v) => v === n.entries),
  ),
);
weightRows('/poster/', 'poster', { css: BUDGETS.css, js: BUDGETS.requiredJs });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
row('dev: save → page updated, ms (median)', '< 1000 ms', (n) =>
  n.key === 'default' && devLoop?.updateMs.length ? num(median(devLoop.updateMs), ms, (v) => v < 1000) : null,
);
row('dev: unchanged save parsed again', 'no', (n) =>
  n.key === 'default' && devLoop
    ? {
        value: null,
        text: devLoop.unchangedReparsed === null ? '?' : devLoop.unchangedReparsed ? 'yes' : 'no',
        pass: devLoop.unchangedReparsed === false,
      }
    : null,
);

const header = ['metric', ...notes.map((n) => n.label), 'target'];
const body = rows.map((r) => [
  r.metric,
  ...notes.map((n) => {
    const c = r.cells[n.key]!;
    return c.pass === undefined ? c.text : `${c.text} ${c.pass ? '✓' : '✗'}`;
  }),
  r.target,
]);
const widths = header.map((h, i) => Math.max(h.length, ...body.map((line) => line[i]!.length)));
const line = (cells: string[]) =>
  cells
    .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
    .join('  ')
    .trimEnd();
const failed = rows.flatMap((r) =>
  notes.filter((n) => r.cells[n.key]!.pass === false).map((n) => `${r.metric.trim()} (${n.label})`),
);

const loadAtEnd = loadavg()[0]!;
console.log(
  `\nobsidian-timeline bench — ${new Date().toISOString()}, ${gitDescribe()}, Node ${process.version}, ${availableParallelism()} cores, load ${loadAtStart.toFixed(1)} → ${loadAtEnd.toFixed(1)}`,
);
// Wall times mean little when other work holds the cores; say so beside them.
if (Math.max(loadAtStart, loadAtEnd) > availableParallelism())
  console.log('machine busy (load above core count): wall times are inflated; CPU-time rows are steadier');
console.log(line(header));
console.log(widths.map((w) => '─'.repeat(w)).join('  '));
for (const b of body) console.log(line(b));
const posters = measurePosters(root);
console.log(`\n${posterTable(posters)}`);
for (const p of posters) if (p.shown < p.target) failed.push(`poster entries shown (${p.note})`);
console.log(failed.length ? `\n✗ ${failed.length} target(s) missed: ${failed.join('; ')}` : '\n✓ all targets met');

const resultsDir = join(root, 'bench/results');
mkdirSync(resultsDir, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/gu, '-');
const json = {
  date: new Date().toISOString(),
  git: gitDescribe(),
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? null,
  totalMemoryBytes: totalmem(),
  settings: { sizes, buildRuns, loaderBudgetMs, seed: 1 },
  durationMs: performance.now() - started,
  loadAverage: { start: loadAtStart, end: loadAtEnd },
  notes: notes.map(({ text: _text, ...n }) => ({ ...n, bytes: Buffer.byteLength(_text) })),
  devLoop,
  posters,
  table: rows,
  failed,
};
for (const name of [`bench-${stamp}.json`, 'latest.json'])
  writeFileSync(join(resultsDir, name), JSON.stringify(json, null, 2) + '\n');
console.log(
  `\nJSON: ${relative(process.cwd(), join(resultsDir, `bench-${stamp}.json`))} (and bench/results/latest.json); took ${secs(performance.now() - started)}`,
);

function countItems(text: string, file: string): { entries: number; eras: number } {
  const { eras } = parseNote(text, { file });
  return {
    entries: eras.reduce((sum, era) => sum + era.items.filter((i) => i.kind === 'entry').length, 0),
    eras: eras.length,
  };
}

/** A build that did not pick up its note (a shared cache, a wrong path) would measure the wrong site: stop. */
function checkBuilt(note: Note, outDir: string): void {
  const eraDir = join(outDir, 'eras');
  const built = existsSync(eraDir)
    ? readdirSync(eraDir).filter((slug) => existsSync(join(eraDir, slug, 'index.html'))).length
    : 0;
  if (built !== note.eras)
    throw new Error(
      `the build of the ${note.label} note has ${built} era pages, not ${note.eras}: it did not build that note`,
    );
}

function secs(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The commit measured, with `+dirty` when the site's sources have uncommitted changes. */
function gitDescribe(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync(
      'git',
      ['status', '--porcelain', '--', 'src', 'content', 'astro.config.mjs', 'package.json'],
      { cwd: root, encoding: 'utf8' },
    ).trim();
    return dirty ? `${head}+dirty` : head;
  } catch {
    return 'no git';
  }
}

/** What the table shows of a built page (audit/weight.ts measures it), by its file under `outDir`. */
interface BenchWeight {
  /** HTML with the SVG it draws. */
  html: number;
  css: number;
  /** JavaScript that runs on load. */
  js: number;
  /** Entries on the page (era pages), to show that HTML grows with them alone. */
  entries: number;
}

function weigh(outDir: string, file: string): BenchWeight | null {
  const full = join(outDir, file);
  if (!existsSync(full)) return null;
  const weight = pageWeight(outDir, `/${file.replace(/index\.html$/u, '')}`);
  const entries = readFileSync(full, 'utf8').match(/<li class="entry"/gu)?.length ?? 0;
  return { html: weight.html + weight.svg, css: weight.css, js: weight.requiredJs, entries };
}
