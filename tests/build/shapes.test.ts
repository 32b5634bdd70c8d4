/**
 * Notes in the shapes people write, built for real and read back from the
 * site: `timeline.json` (the TimelineJS export, every dated event with its
 * date), the chapter pages, and the build's counts line. An English note
 * mixing shapes (a dated sentence, `|`, a date-first list, a table, a year
 * heading with bullets, a topic section, a Chronos block), a Japanese day
 * log and table, a Chinese outline with no headings.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineJs } from '../../src/utils/timelinejs.ts';
import { buildSiteWithLog } from './support/build-site.ts';

const BUILD_TIMEOUT = 180_000;
const events = (dir: string) => {
  const tl = JSON.parse(readFileSync(join(dir, 'timeline.json'), 'utf8')) as TimelineJs;
  return tl.events.map((e) => [
    (e.text?.headline ?? '').replace(/<[^>]+>/gu, ''),
    e.start_date?.year,
    e.start_date?.month ?? null,
    e.start_date?.day ?? null,
  ]);
};

describe.each([
  {
    name: 'build-mixed',
    counts: '4 chapters, 11 entries (11 dated), 2 blocks kept as text',
    pages: ['before-the-voyages', 'the-atlantic', '1519', 'the-pacific'],
    expected: [
      ['Portuguese forces took Ceuta on the North African coast', 1415, null, null],
      ['Gil Eanes rounds Cape Bojador', 1434, null, null],
      ['Dias sails for the southern tip of Africa', 1487, null, null],
      ['Columbus reaches the Bahamas', 1492, null, null],
      ['Vasco da Gama reaches Calicut', 1498, null, null],
      ['Newfoundland', 1497, null, null],
      ['Brazil', 1500, null, null],
      ['Magellan leaves Sanlúcar with five ships', 1519, null, null],
      ['Cortés lands at Veracruz', 1519, null, null],
      ['Magellan enters the Pacific', 1520, 11, 28],
      ['Magellan killed at Mactan', 1521, 4, 27],
    ],
  },
  {
    name: 'build-ja',
    counts: '2 chapters, 4 entries (4 dated), 0 blocks kept as text',
    pages: ['2019', '2020'],
    expected: [
      ['夜遅くに大阪に着いた', 2019, 9, 21],
      ['大阪城を見た', 2019, 9, 22],
      ['緊急事態宣言', 2020, 4, 7],
      ['Go To トラベル開始', 2020, 7, 22],
    ],
  },
  {
    name: 'build-zh',
    counts: '2 chapters, 4 entries (4 dated), 0 blocks kept as text',
    pages: ['东汉', '三国'],
    expected: [
      ['刘秀称帝，定都洛阳', 25, null, null],
      ['蔡伦改进造纸术', 105, null, null],
      ['曹丕称帝', 220, null, null],
      ['魏灭蜀', 263, null, null],
    ],
  },
])('$name, built', ({ name, counts, pages, expected }) => {
  let dir = '';
  let log = '';
  beforeAll(() => {
    ({ outDir: dir, log } = buildSiteWithLog(
      { TIMELINE_NOTE: `tests/fixtures/shapes/${name}/input.md` },
      BUILD_TIMEOUT,
    ));
  }, BUILD_TIMEOUT);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('publishes every event with its date', () => {
    expect(events(dir)).toEqual(expected);
  });

  it('gives each chapter its page, and says how the note was read, without a warning', () => {
    for (const slug of pages) expect(existsSync(join(dir, 'eras', slug, 'index.html')), slug).toBe(true);
    expect(log).toContain(counts);
    expect(log).not.toMatch(/\[WARN\]|warning/iu);
  });
});
