/**
 * The poster's layout, on real notes: every entry of the default note and
 * of a 60-entry BC note on one sheet at a printable size, in time order, no
 * label over another, labels on both sides of the strip; overlapping eras
 * in rows of their own, in colours that differ from their neighbours'; an
 * era without entries takes no row; dates drawn at their precision; a
 * 1,000-entry note that shows at least 150 entries, names every era and
 * counts what it leaves out; BCE and undated notes. The row packer is also
 * checked on random input.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateNote } from '../../bench/generate.ts';
import { ui } from '../../src/i18n/ui.ts';
import { posterInputOfNote } from '../../src/poster/input.ts';
import { packRows, type PackRequest } from '../../src/poster/pack.ts';
import {
  MIN_FONT,
  MM_PER_UNIT,
  SHEET_MAX_HEIGHT,
  SHEET_WIDTH,
  labelCoverage,
  labelWidth,
  layoutPoster,
  priorityOrder,
  type PosterInput,
  type PosterLayout,
} from '../../src/poster/layout.ts';
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

/** Every label's box: its mark and its text, on its row. */
function boxes(layout: PosterLayout, input: PosterInput) {
  const line = layout.entryFont * 1.3;
  const box = (name: string, b: { from: number; to: number; x: number; y: number; width: number }) => ({
    name,
    x0: Math.min(b.from, b.x),
    x1: Math.max(b.to, b.x + b.width),
    y0: b.y,
    y1: b.y + line,
  });
  return [
    ...layout.labels.map((label) => box(input.entries[label.entry]!.title, label)),
    ...layout.bands.flatMap((band) =>
      band.label && !band.label.inside ? [box(input.eras[band.era]!.name, band.label)] : [],
    ),
  ];
}

/** Every pair of label boxes that overlap (entries and eras named beside the strip), as text. */
function overlaps(layout: PosterLayout, input: PosterInput): string[] {
  const found: string[] = [];
  const sorted = boxes(layout, input).sort((a, b) => a.x0 - b.x0);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.x0 < sorted[i]!.x1; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      if (a.y0 < b.y1 - 0.01 && b.y0 < a.y1 - 0.01) found.push(`${a.name} × ${b.name}`);
    }
  }
  return found;
}

/** Labels that lie on the strip of eras rather than beside it. */
function onStrip(layout: PosterLayout, input: PosterInput): string[] {
  return boxes(layout, input)
    .filter((b) => b.y1 > layout.stripTop && b.y0 < layout.stripBottom)
    .map((b) => b.name);
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

  it('lays no label over another, and none on the strip; labels on both sides of it', () => {
    expect(overlaps(layout, input)).toEqual([]);
    expect(onStrip(layout, input)).toEqual([]);
    expect(layout.labels.filter((l) => l.side === 'above').length).toBeGreaterThan(10);
    expect(layout.labels.filter((l) => l.side === 'below').length).toBeGreaterThan(10);
  });

  it('draws each entry at its own date on its row: a bar as long as its year, a dot for a date it takes from its era', () => {
    for (const label of layout.labels) {
      const entry = input.entries[label.entry]!;
      const dot = layout.dots[label.entry]!;
      expect(label.from).toBeLessThanOrEqual(dot + 0.01);
      expect(label.to).toBeGreaterThanOrEqual(dot - 0.01);
      // The text starts after its mark, ends before it, or stands on its bar from its start.
      if (label.at === 'after') expect(label.x).toBeGreaterThan(label.to);
      else if (label.at === 'before') expect(label.x + label.width).toBeLessThan(label.from);
      else expect(label.x).toBe(label.from);
      if (!entry.ownDate) expect(label.to).toBe(label.from);
    }
    const lstm = layout.labels.find((l) => input.entries[l.entry]!.title === 'LSTM')!;
    const transformer = layout.labels.find((l) => input.entries[l.entry]!.title === 'Transformer')!;
    // 1997 and 2017: one year each, as long as each other.
    expect(lstm.to - lstm.from).toBeGreaterThan(20);
    expect(lstm.to - lstm.from).toBeCloseTo(transformer.to - transformer.from, 3);
  });

  it('cuts the empty years 1998–2013 out of the scale, and marks the cut', () => {
    expect(layout.breaks).toHaveLength(1);
    const lstm = layout.dots[input.entries.findIndex((e) => e.title === 'LSTM')]!;
    const seq = layout.dots[input.entries.findIndex((e) => e.title.startsWith('Seq2Seq'))]!;
    expect(layout.breaks[0]!.x).toBeGreaterThan(lstm);
    expect(layout.breaks[0]!.x).toBeLessThan(seq);
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

  it('names every era drawn, gives 回响 (2023–?, no entries) no row of its own, and colours neighbours apart', () => {
    expect(layout.erasUnnamed).toBe(0);
    expect(layout.bands.every((band) => band.label !== null)).toBe(true);
    const echo = input.eras.findIndex((era) => era.id === '回响');
    expect(layout.erasNotDrawn).toEqual([echo]);
    expect(layout.bands.map((b) => b.era)).not.toContain(echo);
    // Bands in one row never overlap; bands that touch or overlap never share a colour.
    for (const a of layout.bands) {
      for (const b of layout.bands) {
        if (a === b) continue;
        if (a.y === b.y)
          expect(a.x + a.width <= b.x + 0.5 || b.x + b.width <= a.x + 0.5, `${a.era} and ${b.era}`).toBe(true);
        if (a.x <= b.x + b.width + 0.5 && b.x <= a.x + a.width + 0.5) expect(a.colour).not.toBe(b.colour);
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

  it('shows at least 150 entries, names every era with its period and count, and counts the entries it leaves out', () => {
    expect(input.eras).toHaveLength(10);
    expect(layout.erasUnnamed).toBe(0);
    for (const era of input.eras) expect(era.label).toMatch(/\d{4}–\d{4} · 100 /u);
    expect(layout.labels.length).toBeGreaterThanOrEqual(150);
    expect(layout.entriesHidden).toBeGreaterThan(0);
    expect(layout.labels.length + layout.entriesHidden).toBe(1000);
    expect(layout.entryFont).toBe(MIN_FONT);
    expect(overlaps(layout, input)).toEqual([]);
    expect(onStrip(layout, input)).toEqual([]);
    expect(layout.height).toBeLessThanOrEqual(SHEET_MAX_HEIGHT);
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
  it('shows all 60 entries of six overlapping civilisations, 3500 BC – AD 476, on labels covering most of the sheet', () => {
    const input = inputOf(readFileSync(fixturePath('ancient'), 'utf8'));
    const layout = layoutPoster(input);
    expect(input.entries).toHaveLength(60);
    expect(layout.labels).toHaveLength(60);
    expect(layout.erasUnnamed).toBe(0);
    expect(overlaps(layout, input)).toEqual([]);
    expect(onStrip(layout, input)).toEqual([]);
    expect(layout.marks.map((m) => m.text)).toContain('AD 1');
    // The default note's sheet too: far more than the staircase's third.
    expect(labelCoverage(layout)).toBeGreaterThan(0.5);
  });

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
  });

  it('keeps 40 eras overlapping in time on the sheet: thinner bands, the axis and entries still drawn', () => {
    let note = '';
    for (let i = 0; i < 40; i++) note += `## Era ${i} 1900-2000\n\nEntry ${i} (${1910 + i}): x.\n\n`;
    const input = inputOf(note);
    const layout = layoutPoster(input);
    expect(layout.bands).toHaveLength(40);
    expect(layout.stripBottom).toBeLessThan(layout.height);
    expect(layout.labels.length).toBeGreaterThan(20);
    for (const label of layout.labels) expect(label.y).toBeLessThan(layout.height);
    // Every band is named or counted as unnamed.
    expect(layout.bands.filter((band) => band.label === null)).toHaveLength(layout.erasUnnamed);
  });

  it(
    'names eras whose bands are too short beside the strip, like entries, never on it',
    () => {
      for (const source of [readFileSync(fixturePath('classical'), 'utf8'), generateNote({ entries: 10_000 })]) {
        const input = inputOf(source);
        const layout = layoutPoster(input);
        expect(onStrip(layout, input)).toEqual([]);
        expect(overlaps(layout, input)).toEqual([]);
      }
    },
    HEAVY,
  );

  it('names a band too short for its whole label by its name and period (the classical history names all six)', () => {
    const layout = layoutPoster(inputOf(readFileSync(fixturePath('classical'), 'utf8')));
    expect(layout.erasUnnamed).toBe(0);
    expect(layout.bands.some((band) => band.label?.inside && band.label.text !== 'label')).toBe(true);
  });

  it('draws a note without any date in the note order, without year marks', () => {
    const input = inputOf('## First\n\nAlpha: one.\nBeta: two.\n\n## Second\n\nGamma: three.\n');
    const layout = layoutPoster(input);
    expect(layout.timed).toBe(false);
    expect(layout.marks).toEqual([]);
    expect(layout.labels.map((label) => label.entry)).toEqual([0, 1, 2]);
    const dots = layout.labels.map((label) => layout.dots[label.entry]!);
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

describe('row packer', () => {
  /** Checks a packing: the boxes (mark and text) of a row apart by `gap`, each on the sheet, the text beside its mark. */
  function valid(requests: PackRequest[], lanes: number, gap: number): boolean {
    const placed = packRows(requests, { lanes, min: 0, max: 1000, gap, pad: 3 });
    if (!placed) return true;
    const rows = new Set(placed.map((p) => `${p.side}${p.lane}`));
    if (rows.size > lanes) return false;
    const box = (i: number) => {
      const p = placed[i]!;
      const r = requests[i]!;
      return { lo: Math.min(r.from, p.x), hi: Math.max(r.to, p.x + r.width), row: `${p.side}${p.lane}` };
    };
    return placed.every((p, i) => {
      const a = box(i);
      const r = requests[i]!;
      // On the sheet; the text after, before or on its mark.
      if (a.lo < -3.01 || a.hi > 1000.01) return false;
      if (p.at === 'after' && Math.abs(p.x - r.to - 3) > 0.01) return false;
      if (p.at === 'before' && Math.abs(p.x + r.width - r.from + 3) > 0.01) return false;
      if (p.at === 'over' && (p.x !== r.from || r.to - r.from < 2.5)) return false;
      return placed.every(
        (_, j) => i === j || a.row !== box(j).row || a.hi + gap <= box(j).lo || box(j).hi + gap <= a.lo,
      );
    });
  }

  it.each([
    // Marks far apart share the row next to the strip.
    { name: 'sparse', at: [0, 200, 400, 600], width: 100, lanes: 1, rows: 1 },
    // A crowd takes rows on both sides, and rows are used again as soon as they are free.
    { name: 'crowd', at: [0, 10, 20, 30, 300, 310, 320, 330], width: 100, lanes: 4, rows: 4 },
    // Near the right edge, the text reads left of its mark.
    { name: 'right edge', at: [980], width: 100, lanes: 1, rows: 1 },
    // Too many for the rows: refused, not overlapped.
    { name: 'too many', at: [0, 5, 10, 15, 20], width: 100, lanes: 3, rows: null },
  ])('$name', ({ at, width, lanes, rows }) => {
    const requests = at.map((x) => ({ from: x, to: x, width }));
    const placed = packRows(requests, { lanes, min: 0, max: 1000, gap: 4, pad: 3 });
    expect(placed === null).toBe(rows === null);
    if (placed) expect(new Set(placed.map((p) => `${p.side}${p.lane}`)).size).toBe(rows);
    expect(valid(requests, lanes, 4)).toBe(true);
  });

  it('never overlaps, on random labels and marks of any length', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            from: fc.integer({ min: 0, max: 950 }),
            length: fc.integer({ min: 0, max: 60 }),
            width: fc.integer({ min: 5, max: 120 }),
          }),
          { maxLength: 80 },
        ),
        fc.integer({ min: 1, max: 30 }),
        (raw, lanes) =>
          valid(
            raw
              .map((r) => ({ from: r.from, to: Math.min(1000, r.from + r.length), width: r.width }))
              .sort((a, b) => a.from - b.from),
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
