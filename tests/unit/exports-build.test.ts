/**
 * The exports in a real build: `/timeline.json`, `/robots.txt`, the sitemap
 * and the link to the note in the garden. Two builds of the default note
 * into temporary directories: one with SITE_URL, GARDEN_URL and a base path,
 * one with none of them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineJs } from '../../src/utils/timelinejs.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const BUILD_TIMEOUT = 120_000;

/** The default note's permalink, percent-encoded segment by segment. */
const ENCODED_PERMALINK = `/${['日常学习', '技术学习', '大模型从零开始（零） 不完全断代史']
  .map(encodeURIComponent)
  .join('/')}/`;

/** Builds the default note with these variables (and none inherited) into a fresh directory. */
function build(vars: Record<string, string>): string {
  const outDir = mkdtempSync(join(tmpdir(), 'timeline-exports-'));
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', TIMELINE_NOTE: 'content/llm-history.md' };
  for (const name of ['BASE_PATH', 'SITE_URL', 'GARDEN_URL']) delete env[name];
  // What Vitest puts in process.env (BASE_URL, MODE, NODE_ENV=test…) would leak into Vite's build.
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST']) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
  Object.assign(env, vars);
  // Node itself (this is Node 24 under Vitest), not a bare `astro` that may pick the system Node.
  const result = spawnSync(process.execPath, [ASTRO, 'build', '--outDir', outDir], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: BUILD_TIMEOUT,
  });
  if (result.status !== 0) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error(`astro build failed (${result.status ?? result.signal}):\n${(result.stdout + result.stderr).slice(-3000)}`);
  }
  return outDir;
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => m[1]!);

describe('build with SITE_URL, GARDEN_URL and BASE_PATH', () => {
  let dir = '';
  beforeAll(() => {
    dir = build({ SITE_URL: 'https://example.org', GARDEN_URL: 'https://garden.example.org/', BASE_PATH: '/tl/' });
  }, BUILD_TIMEOUT);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a sitemap index pointing at a sitemap of every page but the 404', () => {
    const index = locs(read(dir, 'sitemap-index.xml'));
    expect(index.length).toBeGreaterThan(0);
    const pages = index.flatMap((loc) => {
      expect(loc.startsWith('https://example.org/tl/')).toBe(true);
      return locs(read(dir, new URL(loc).pathname.replace(/^\/tl\//u, '')));
    });
    expect(pages).toContain('https://example.org/tl/');
    expect(pages).toContain('https://example.org/tl/overview/');
    expect(pages).toContain(`https://example.org/tl/eras/${encodeURIComponent('序曲')}/`);
    expect(pages.filter((p) => p.includes('/eras/'))).toHaveLength(6);
    expect(pages.some((p) => p.includes('404'))).toBe(false);
  });

  it('writes robots.txt that lets crawlers in and names the sitemap', () => {
    const robots = read(dir, 'robots.txt');
    expect(robots).toMatch(/^User-agent: \*$/mu);
    expect(robots).toMatch(/^Sitemap: https:\/\/example\.org\/tl\/sitemap-index\.xml$/mu);
  });

  it('links the index to the note in the garden, percent-encoded, and keeps the dates', () => {
    const html = read(dir, 'index.html');
    expect(html).toContain(`href="https://garden.example.org${ENCODED_PERMALINK}"`);
    expect(html).toContain('<time datetime="2025-02-22T21:55:25.761+08:00"');
    expect(html).toContain('<time datetime="2025-12-26T10:01:35.132+08:00"');
  });

  it('writes timeline.json in the TimelineJS format with one event per entry', () => {
    const json = JSON.parse(read(dir, 'timeline.json')) as TimelineJs;
    expect(json.title?.text?.headline).toBe('大模型从零开始（零） 不完全断代史');
    expect(json.events).toHaveLength(48);
    expect(new Set(json.events.map((e) => e.unique_id)).size).toBe(48);
    expect(json.events.every((e) => Number.isInteger(Number(e.start_date?.year)))).toBe(true);
    expect(json.eras?.map((e) => e.text?.headline)).toEqual(['前奏', '序曲', '间章', '波澜', '奏鸣', '回响']);
  });
});

describe('build without SITE_URL or GARDEN_URL', () => {
  let dir = '';
  beforeAll(() => {
    dir = build({});
  }, BUILD_TIMEOUT);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes no sitemap, and robots.txt without a Sitemap line', () => {
    expect(existsSync(join(dir, 'sitemap-index.xml'))).toBe(false);
    expect(existsSync(join(dir, 'sitemap-0.xml'))).toBe(false);
    const robots = read(dir, 'robots.txt');
    expect(robots).toMatch(/^User-agent: \*$/mu);
    expect(robots).not.toMatch(/Sitemap:/u);
  });

  it('has no source link, but the dates and timeline.json', () => {
    const html = read(dir, 'index.html');
    expect(html).not.toContain('note-header__source');
    expect(html).toContain('<time datetime="2025-02-22T21:55:25.761+08:00"');
    expect(JSON.parse(read(dir, 'timeline.json')).events).toHaveLength(48);
    expect(existsSync(join(dir, '404.html'))).toBe(true);
  });
});
