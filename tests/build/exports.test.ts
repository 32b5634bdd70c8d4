/**
 * The exports in a real build: `/timeline.json`, `/robots.txt`, the sitemap
 * and the link to the note in the garden. Two builds of the default note
 * into temporary directories: one with SITE_URL, GARDEN_URL and a base path,
 * one with none of them.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './support/build-site.ts';
import { parse as parseMarkwhen, type EventGroup } from '@markwhen/parser';
import type { TimelineJs } from '../../src/utils/timelinejs.ts';

const BUILD_TIMEOUT = 120_000;

/** The default note's permalink, percent-encoded segment by segment. */
const ENCODED_PERMALINK = `/${['日常学习', '技术学习', '大模型从零开始（零） 不完全断代史']
  .map(encodeURIComponent)
  .join('/')}/`;

/** Builds the default note with these variables (and none inherited) into a fresh directory. */
function build(vars: Record<string, string>): string {
  return buildSite({ TIMELINE_NOTE: 'content/llm-history.md', ...vars }, BUILD_TIMEOUT);
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

  it('writes timeline.mw, which @markwhen/parser reads as 48 events in the six eras, linked from the overview under the base', () => {
    const parsed = parseMarkwhen(read(dir, 'timeline.mw'));
    expect(parsed.parseMessages).toEqual([]);
    const sections = (parsed.events as EventGroup).children.filter((c): c is EventGroup => 'children' in c);
    expect(sections.map((s) => s.title)).toEqual([
      '前奏 2021 及之前',
      '序曲 2022',
      '间章 2023',
      '波澜 2024',
      '奏鸣 2025 - 未来',
      '回响 2023-？？？？',
    ]);
    let events = 0;
    const count = (g: EventGroup) => g.children.forEach((c) => ('children' in c ? count(c as EventGroup) : events++));
    count(parsed.events as EventGroup);
    expect(events).toBe(48);
    expect(read(dir, 'overview/index.html')).toContain('href="/tl/timeline.mw"');
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
