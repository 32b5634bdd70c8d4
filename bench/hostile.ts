/**
 * `npm run bench -- --hostile`: what hostile notes cost.
 *
 * 1. Each family of bench/hostile-families.ts at 10 KB, 100 KB and 1 MB,
 *    parsed in a process of its own: parse time, outcome, peak memory, and
 *    the growth exponent from 10 KB to 1 MB (1 is linear; the target is
 *    ≤ 1.2), from the 100 KB and 1 MB times, where start-up noise is small.
 * 2. cmark's pathological inputs (tests/parser/support/pathological.ts), each as a
 *    note built for real, beside an empty note's build: wall time, the
 *    difference from the empty build (the target: within 4 s), peak memory
 *    of the build, and how it ended (a site, or the message it printed).
 *
 * Prints a table and writes JSON to bench/results/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asNote, pathologicalInputs } from '../tests/parser/support/pathological.ts';
import { runBuildOutcome, snapshotSite } from './build.ts';
import { HOSTILE_FAMILIES } from './hostile-families.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = resolve(process.env['BENCH_WORK'] ?? join(tmpdir(), 'obsidian-timeline-bench-hostile'));
const SIZES = [10_000, 100_000, 1_000_000];
const log = (message: string) => process.stderr.write(`[bench --hostile] ${message}\n`);
const mb = (bytes: number | null) => (bytes === null ? '–' : `${Math.round(bytes / 1e6)} MB`);

interface ParseSample {
  chars: number;
  ms: number;
  outcome: string;
  peakRssBytes: number;
}

export async function runHostileBench(): Promise<void> {
  const load = loadavg()[0]!;
  const families: Array<{ name: string; samples: ParseSample[]; exponent: number }> = [];
  for (const family of HOSTILE_FAMILIES) {
    const samples = SIZES.map((size) => {
      log(`${family.name} at ${size.toLocaleString('en')} characters`);
      const out = execFileSync(
        process.execPath,
        ['--max-old-space-size=4096', join(root, 'bench/hostile-parse.ts'), family.name, String(size)],
        {
          cwd: root,
          encoding: 'utf8',
          timeout: 10 * 60_000,
        },
      );
      return JSON.parse(out.trim().split('\n').pop()!) as ParseSample;
    });
    const [, mid, big] = samples as [ParseSample, ParseSample, ParseSample];
    // Times under a millisecond say nothing of growth: the floor keeps the ratio honest.
    const exponent = Math.log(Math.max(big.ms, 1) / Math.max(mid.ms, 1)) / Math.log(big.chars / mid.chars);
    families.push({ name: family.name, samples, exponent });
  }

  mkdirSync(work, { recursive: true });
  const site = join(work, 'site');
  log('copying the site');
  snapshotSite(root, site);
  mkdirSync(join(site, 'hostile-notes'), { recursive: true });
  const build = async (name: string, text: string) => {
    const file = `hostile-notes/${name.replace(/[^a-z0-9]+/giu, '-')}.md`;
    writeFileSync(join(site, file), text);
    log(`building ${name}`);
    const result = await runBuildOutcome(site, join(work, 'out'), { TIMELINE_NOTE: file });
    const message = /(hostile-notes\/[^\s:]+:\d+:\d+: [^\n]+)/u.exec(result.output)?.[1];
    const stack = /^\s+at .+\(.+:\d+:\d+\)$/mu.test(result.output);
    const ended =
      result.code === 0
        ? 'site'
        : message
          ? `message: ${message.replace(/^hostile-notes\/[^:]+:/u, '').slice(0, 70)}`
          : 'FAILED without a message';
    return { name, wallMs: result.wallMs, peakRssBytes: result.peakRssBytes, ended, stack };
  };
  // Twice: the first build of a run also warms the machine's caches, which would flatter every case after it.
  const emptyNote = '---\ntitle: Empty\n---\n\n## Era 2000\n\nEntry (2000): an ordinary entry.\n';
  await build('empty note', emptyNote);
  const empty = await build('empty note', emptyNote);
  const cmark = [];
  for (const input of pathologicalInputs()) cmark.push(await build(input.name, asNote(input)));

  const lines: string[] = [];
  lines.push(`# Hostile notes (load ${load.toFixed(1)} at start)`, '');
  lines.push('## Parser, per family (one process each)', '');
  lines.push(
    '| family | 10 KB | 100 KB | 1 MB | growth exponent 100 KB→1 MB | peak memory at 1 MB | outcome at 1 MB |',
  );
  lines.push('| --- | --- | --- | --- | --- | --- | --- |');
  for (const f of families) {
    const [a, b, c] = f.samples as [ParseSample, ParseSample, ParseSample];
    lines.push(
      `| ${f.name} | ${a.ms.toFixed(0)} ms | ${b.ms.toFixed(0)} ms | ${c.ms.toFixed(0)} ms | ${f.exponent.toFixed(2)} | ${mb(c.peakRssBytes)} | ${c.outcome} |`,
    );
  }
  lines.push('', "## cmark's pathological inputs, built for real", '');
  lines.push(`Empty note: ${(empty.wallMs / 1000).toFixed(1)} s, ${mb(empty.peakRssBytes)}.`, '');
  lines.push('| input | build | beyond the empty build | peak memory | ended with | stack trace |');
  lines.push('| --- | --- | --- | --- | --- | --- |');
  for (const c of cmark) {
    lines.push(
      `| ${c.name} | ${(c.wallMs / 1000).toFixed(1)} s | ${((c.wallMs - empty.wallMs) / 1000).toFixed(1)} s | ${mb(c.peakRssBytes)} | ${c.ended} | ${c.stack ? 'YES' : 'no'} |`,
    );
  }
  const table = lines.join('\n');
  console.log(table);
  const results = join(root, 'bench/results');
  mkdirSync(results, { recursive: true });
  const file = join(results, `hostile-${new Date().toISOString().replace(/[:.]/gu, '-')}.json`);
  writeFileSync(file, JSON.stringify({ load, families, empty, cmark }, null, 2));
  log(`wrote ${file}`);
  if (process.env['BENCH_KEEP'] !== '1') rmSync(work, { recursive: true, force: true });
}
