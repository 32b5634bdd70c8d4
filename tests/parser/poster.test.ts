/**
 * The poster's layout, on real notes: every entry of the default note on
 * one sheet at a printable size, in time order, no label over another and
 * no leader through a label; overlapping eras in rows of their own; a
 * 1,000-entry note that names every era and counts what it leaves out; BCE
 * and undated notes. The lane packer is also checked on random input.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateNote } from '../../bench/generate.ts';
import { ui } from '../../src/i18n/ui.ts';
import { posterInputOfNote } from '../../src/poster/input.ts';
import { packLabels, type LabelRequest } from '../../src/poster/lanes.ts';
import {
  MIN_FONT,
  MM_PER_UNIT,
  SHEET_MAX_HEIGHT,
  SHEET_WIDTH,
  labelWidth,
  layoutPoster,
  priorityOrder,
  type PosterInput,
  type PosterLayout,
} from '../../src/poster/layout.ts';
import { markCandidates } from '../../src/poster/scale.ts';
import { parseNote } from '../../src/timeline/index.ts';
import { DEFAULT_NOTE, fixturePath } from './support/helpers.ts';

/** Parsing a 10,000-entry note takes seconds on a loaded machine: more than vitest's default 5 s allows. */
const HEAVY = 60_000;

/** The poster's input from a parsed note, through the adapter the site's collections go through too. */
function inputOf(source: string): PosterInput {
  const note = parseNote(source, { file: 'note.md' });
  return posterInputOfNote(note, ui(note.meta.lang));
}

const POINTS_PER_MM = 72 / 25.4;

/** Every pair of label boxes that overlap (entries and eras placed outside their band), as text. */
function overlaps(layout: PosterLayout, input: PosterInput): string[] {
  const boxes = layout.labels.map((label) => ({
    name: input.entries[label.entry]!.title,
    x0: label.x,
    x1: label.x + label.width,
    y0: label.y,
    y1: label.y + layout.entryFont * 1.3,
  }));
  const found: string[] = [];
  const sorted = [...boxes].sort((a, b) => a.x0 - b.x0);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.x0 < sorted[i]!.x1; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      if (a.y0 < b.y1 - 0.01 && b.y0 < a.y1 - 0.01) found.push(`${a.name} × ${b.name}`);
    }
  }
  return found;
}

/** Leaders (dot down to its label) that pass through another label's box. */
function crossings(layout: PosterLayout, input: PosterInput): string[] {
  const line = layout.entryFont * 1.3;
  const found: string[] = [];
  for (const leader of layout.labels) {
    for (const box of layout.labels) {
      if (box === leader || box.y >= leader.y) continue;
      if (leader.anchor > box.x && leader.anchor < box.x + box.width && box.y + line > layout.axisY) {
        found.push(`${input.entries[leader.entry]!.title} through ${input.entries[box.entry]!.title}`);
      }
    }
  }
  return found;
}

describe('the default note on one sheet', () => {
  const input = inputOf(readFileSync(DEFAULT_NOTE, 'utf8'));
  const layout = layoutPoster(input);

  it('shows all 48 entries at 6 pt or more, within one sheet', () => {
    expect(input.entries).toHaveLength(48);
    expect(layout.labels).toHaveLength(48);
    expect(layout.entriesHidden).toBe(0);
    expect(layout.entryFont).toBeGreaterThanOrEqual(MIN_FONT);
    for (const size of [layout.entryFont, layout.eraFont, layout.markFont]) {
      expect(size * MM_PER_UNIT * POINTS_PER_MM).toBeGreaterThanOrEqual(6);
    }
    expect(layout.height).toBeLessThanOrEqual(SHEET_MAX_HEIGHT);
    for (const label of layout.labels) {
      expect(label.x).toBeGreaterThanOrEqual(0);
      expect(label.x + label.width).toBeLessThanOrEqual(SHEET_WIDTH);
      expect(label.y).toBeLessThan(layout.height);
    }
  });

  it('lays no label over another and runs no leader through a label', () => {
    expect(overlaps(layout, input)).toEqual([]);
    expect(crossings(layout, input)).toEqual([]);
  });

  it('places entries in time order along the axis', () => {
    const year = (i: number) => input.entries[i]!.period?.start?.year ?? null;
    const dated = input.entries.map((_, i) => i).filter((i) => input.entries[i]!.ownDate && year(i) !== null);
    for (const a of dated) {
      for (const b of dated) {
        if (year(a)! < year(b)!)
          expect(layout.dots[a]!, `${input.entries[a]!.title} before ${input.entries[b]!.title}`).toBeLessThan(
            layout.dots[b]!,
          );
      }
    }
  });

  it('names every era, and draws 回响 (2023–?) in its own row beside 间章 (2023)', () => {
    expect(layout.erasUnnamed).toBe(0);
    expect(layout.bands.every((band) => band.label !== null)).toBe(true);
    const band = (id: string) => layout.bands[input.eras.findIndex((era) => era.id === id)]!;
    const echo = band('回响');
    const interlude = band('间章');
    expect(echo.y).not.toBe(interlude.y);
    // They overlap in time, so in x too: each is drawn whole in its own row.
    expect(echo.x).toBeLessThan(interlude.x + interlude.width);
    expect(interlude.x).toBeLessThan(echo.x + echo.width);
    // Bands in one row never overlap.
    for (const a of layout.bands) {
      for (const b of layout.bands) {
        if (a !== b && a.y === b.y)
          expect(a.x + a.width <= b.x + 0.5 || b.x + b.width <= a.x + 0.5, `${a.era} and ${b.era}`).toBe(true);
      }
    }
  });

  it('marks years on the axis, left to right', () => {
    const years = layout.marks.map((mark) => Number(mark.text.replace(/\D/gu, '')));
    expect(years.length).toBeGreaterThanOrEqual(5);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(years).toContain(2024);
  });
});

describe('a crowded note', () => {
  const input = inputOf(generateNote({ entries: 1000 }));
  const layout = layoutPoster(input);

  it('names every era with its period and count, and counts the entries it leaves out', () => {
    expect(input.eras).toHaveLength(10);
    expect(layout.erasUnnamed).toBe(0);
    for (const era of input.eras) expect(era.label).toMatch(/\d{4}–\d{4} · 100 /u);
    expect(layout.entriesHidden).toBeGreaterThan(0);
    expect(layout.labels.length + layout.entriesHidden).toBe(1000);
    expect(layout.entryFont).toBe(MIN_FONT);
    expect(overlaps(layout, input)).toEqual([]);
    expect(crossings(layout, input)).toEqual([]);
  });

  it('keeps the first entry of every era, by the documented rule', () => {
    const shown = new Set(layout.labels.map((label) => label.entry));
    const firsts = input.eras.map((_, era) => input.entries.findIndex((entry) => entry.era === era));
    for (const first of firsts) expect(shown.has(first), input.entries[first]!.title).toBe(true);
    expect(
      priorityOrder(input.entries)
        .slice(0, firsts.length)
        .sort((a, b) => a - b),
    ).toEqual(firsts);
  });

  it(
    'lays out 10,000 entries (100 eras) on one sheet, names most eras, and says what is left out',
    () => {
      const big = inputOf(generateNote({ entries: 10_000 }));
      const result = layoutPoster(big);
      expect(result.height).toBeLessThanOrEqual(SHEET_MAX_HEIGHT);
      expect(result.labels.length).toBeGreaterThan(10);
      expect(result.labels.length + result.entriesHidden).toBe(10_000);
      expect(result.bands).toHaveLength(100);
      // Unnamed eras are counted, and their bands are still drawn.
      expect(result.bands.filter((band) => band.label === null)).toHaveLength(result.erasUnnamed);
      // One era whose label cannot fit no longer stops the others from being named.
      expect(result.erasUnnamed).toBeLessThan(90);
      expect(overlaps(result, big)).toEqual([]);
    },
    HEAVY,
  );
});

describe('other histories', () => {
  it('draws a BCE note on one scale, with BC years marked', () => {
    const input = inputOf(readFileSync(fixturePath('classical'), 'utf8'));
    const layout = layoutPoster(input);
    expect(layout.timed).toBe(true);
    expect(layout.marks.some((mark) => /BC/u.test(mark.text))).toBe(true);
    expect(layout.labels.length + layout.entriesHidden).toBe(input.entries.length);
    expect(overlaps(layout, input)).toEqual([]);
  });

  it('marks round years as a reader counts them: 500 BC, not 501 BC', () => {
    const input = inputOf(readFileSync(fixturePath('classical'), 'utf8'));
    const bc = layoutPoster(input)
      .marks.map((mark) => /^(\d+) BC$/u.exec(mark.text)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number);
    expect(bc.length).toBeGreaterThan(2);
    for (const year of bc) expect(year % 5, `${year} BC`).toBe(0);
    // The candidates themselves: 1000 BC and 500 BC are astronomical -999 and -499.
    expect(markCandidates(-999, 100).slice(0, 2)).toEqual([-999, -499]);
  });

  it('keeps 40 eras overlapping in time on the sheet: thinner bands, the axis and entries still drawn', () => {
    let note = '';
    for (let i = 0; i < 40; i++) note += `## Era ${i} 1900-2000\n\nEntry ${i} (${1910 + i}): x.\n\n`;
    const input = inputOf(note);
    const layout = layoutPoster(input);
    expect(layout.bands).toHaveLength(40);
    expect(layout.axisY).toBeLessThan(layout.height);
    expect(layout.labels.length).toBeGreaterThan(20);
    for (const label of layout.labels) expect(label.y).toBeLessThan(layout.height);
    // Every band is named or counted as unnamed.
    expect(layout.bands.filter((band) => band.label === null)).toHaveLength(layout.erasUnnamed);
  });

  it(
    'joins a label above the bands only to a band of the first row, so no leader crosses another band',
    () => {
      for (const source of [readFileSync(fixturePath('classical'), 'utf8'), generateNote({ entries: 10_000 })]) {
        const layout = layoutPoster(inputOf(source));
        const firstRow = Math.min(...layout.bands.map((band) => band.y));
        for (const band of layout.bands) if (band.label && !band.label.inside) expect(band.y).toBe(firstRow);
      }
    },
    HEAVY,
  );

  it('names a band too short for its whole label by its name alone (the classical history names all six)', () => {
    const layout = layoutPoster(inputOf(readFileSync(fixturePath('classical'), 'utf8')));
    expect(layout.erasUnnamed).toBe(0);
    expect(layout.bands.some((band) => band.label?.short)).toBe(true);
  });

  it('draws a note without any date in the note order, without year marks', () => {
    const input = inputOf('## First\n\nAlpha: one.\nBeta: two.\n\n## Second\n\nGamma: three.\n');
    const layout = layoutPoster(input);
    expect(layout.timed).toBe(false);
    expect(layout.marks).toEqual([]);
    expect(layout.labels.map((label) => label.entry)).toEqual([0, 1, 2]);
    const dots = layout.labels.map((label) => label.anchor);
    expect(dots).toEqual([...dots].sort((a, b) => a - b));
  });

  it('cuts a very long title with an ellipsis and keeps its date', () => {
    const input = inputOf(`## Era 2000\n\n${'Word '.repeat(60)}(2001): x.\n`);
    expect(input.entries[0]!.title.endsWith('…')).toBe(true);
    // The link's accessible name keeps the whole title.
    expect(input.entries[0]!.fullTitle).toBe('Word '.repeat(60).trim());
    expect(input.entries[0]!.dateLabel).toBe('2001');
    expect(layoutPoster(input).labels).toHaveLength(1);
  });
});

describe('lane packer', () => {
  /** Checks a packing: boxes in a lane apart by `gap`, no leader through a nearer box. */
  function valid(requests: LabelRequest[], lanes: number, gap: number): boolean {
    const placed = packLabels(requests, { lanes, min: 0, max: 1000, gap, clearance: 1 });
    if (!placed) return true;
    return placed.every((p, i) => {
      const box = { x0: p.x, x1: p.x + requests[i]!.width };
      return placed.every((q, j) => {
        if (i === j) return true;
        const other = { x0: q.x, x1: q.x + requests[j]!.width };
        if (p.lane === q.lane && box.x0 < other.x1 + gap && other.x0 < box.x1 + gap) return false;
        // j's leader rises through lanes nearer than j's own.
        if (p.lane < q.lane && requests[j]!.anchor > box.x0 - 1 && requests[j]!.anchor < box.x1 + 1) return false;
        return true;
      });
    });
  }

  it.each([
    // Evenly spaced points whose labels cover the next three: a staircase four lanes deep at most.
    { name: 'staircase', anchors: [0, 30, 60, 90, 120, 150], width: 100, lanes: 10, fits: true },
    // Points far apart share the lane next to the axis.
    { name: 'sparse', anchors: [0, 200, 400, 600], width: 100, lanes: 1, fits: true },
    // Too many crowded labels for the lanes: refused, not overlapped.
    { name: 'crowded', anchors: [0, 5, 10, 15, 20], width: 100, lanes: 3, fits: false },
    // A label that would run off the sheet is refused.
    { name: 'off the edge', anchors: [950], width: 100, lanes: 5, fits: false },
  ])('$name', ({ anchors, width, lanes, fits }) => {
    const requests = anchors.map((anchor) => ({ anchor, width }));
    const placed = packLabels(requests, { lanes, min: 0, max: 1000, gap: 4, clearance: 1 });
    expect(placed !== null).toBe(fits);
    expect(valid(requests, lanes, 4)).toBe(true);
    if (placed && anchors.length === 4) expect(placed.every((p) => p.lane === 0)).toBe(true);
  });

  it('never overlaps or crosses, on random labels', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ anchor: fc.integer({ min: 0, max: 900 }), width: fc.integer({ min: 5, max: 100 }) }), {
          maxLength: 60,
        }),
        fc.integer({ min: 1, max: 30 }),
        (raw, lanes) =>
          valid(
            [...raw].sort((a, b) => a.anchor - b.anchor),
            lanes,
            3,
          ),
      ),
      { numRuns: 300 },
    );
  });

  it('measures labels wide enough for Latin capitals and CJK', () => {
    expect(labelWidth({ title: 'WWW', dateLabel: '' }, 10)).toBeGreaterThan(
      labelWidth({ title: 'iii', dateLabel: '' }, 10),
    );
    expect(labelWidth({ title: '大模型', dateLabel: '' }, 10)).toBeGreaterThanOrEqual(30);
  });
});
