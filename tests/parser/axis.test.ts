/**
 * The time axis's layout (src/axis/): time to scale with long empty
 * stretches cut out, overlapping eras on rows of their own, every era named,
 * labelled round-value ticks. Properties over generated notes (fast-check),
 * then the default note, a BC/AD note, 60 eras and 10,000 entries.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateNote } from '../../bench/generate.ts';
import { entryTime } from '../../src/axis/eras.ts';
import { tickFormatter } from '../../src/axis/format.ts';
import { layoutAxis, type AxisEra, type AxisLayout, type AxisOptions } from '../../src/axis/layout.ts';
import { labelBox } from '../../src/axis/ticks.ts';
import { estimateWidth } from '../../src/poster/measure.ts';
import type { PeriodData } from '../../src/schemas/timeline.ts';
import { periodBounds } from '../../src/timeline/period.ts';
import { parseNote } from '../../src/timeline/index.ts';
import { DEFAULT_NOTE, fixturePath } from './support/helpers.ts';

const HEAVY = 60_000;

function optionsFor(width: number, lang = 'en'): AxisOptions {
  return {
    width,
    nameSize: width > 400 ? 14 : 13,
    tickSize: width > 400 ? 12 : 11,
    minBand: 6,
    breakWidth: 22,
    breakShare: 0.2,
    maxRows: 6,
    tickBin: 3,
    formatTick: tickFormatter(lang),
  };
}

/** The axis's input from a parsed note, as src/axis/eras.ts builds it from the collections. */
function axisErasOf(source: string): AxisEra[] {
  return parseNote(source, { file: 'note.md' }).eras.map((era) => ({
    slug: era.slug,
    ordinal: era.ordinal,
    name: era.name || era.heading,
    period: era.period,
    entryYears: era.items.flatMap((item) => (item.kind === 'entry' ? [entryTime(item)] : [])),
  }));
}

/** Each band's box in its row: the band, and its name when drawn beside it. */
function boxes(layout: AxisLayout, options: AxisOptions): Array<{ row: number; lo: number; hi: number; slug: string }> {
  return layout.bands.map((band) => {
    const w = estimateWidth(band.name, options.nameSize) * 1.1;
    const lo = band.nameAnchor === 'end' ? band.nameX - w : band.x;
    const hi = band.nameAnchor === 'start' ? band.nameX + w : band.x + band.width;
    return { row: band.row, lo: Math.min(lo, band.x), hi: Math.max(hi, band.x + band.width), slug: band.slug };
  });
}

/** A year period `[from, to]` (astronomical), as the parser gives one. */
function period(from: number, to: number, open: Partial<Pick<PeriodData, 'fromOpen' | 'toOpen'>> = {}): PeriodData {
  const point = (year: number) => ({ year, month: null, day: null, precision: 'year' as const, approximate: false });
  return {
    label: `${from}–${to}`,
    from,
    to,
    start: point(from),
    end: point(to),
    fromOpen: open.fromOpen ?? false,
    toOpen: open.toOpen ?? false,
  } as PeriodData;
}

const nameArb = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0),
  fc.constantFrom('战国', '明治時代', 'The Roman Republic', 'A', '第二次世界大战后的冷战时期与两极格局'),
);
const eraArb = fc.record({
  name: nameArb,
  dated: fc.boolean().map((b) => b || Math.random() < 0.8),
  from: fc.integer({ min: -3000, max: 2100 }),
  length: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 600 })),
  entries: fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), { maxLength: 8 }),
});
const erasArb = fc.array(eraArb, { minLength: 1, maxLength: 14 }).map((list) =>
  list.map((e, i): AxisEra => ({
    slug: `e${i}`,
    ordinal: i + 1,
    name: e.name,
    period: e.dated ? period(e.from, e.from + e.length) : null,
    entryYears: e.entries.map((t) => (t === null || !e.dated ? null : e.from + t * e.length)),
  })),
);

describe('time axis layout: properties', () => {
  it('one band per era in note order, inside the drawing, every era named, no two boxes of a row overlapping', () => {
    fc.assert(
      fc.property(erasArb, fc.constantFrom(360, 960), (eras, width) => {
        const options = optionsFor(width);
        const layout = layoutAxis(eras, options);
        expect(layout.bands.map((b) => b.slug)).toEqual(eras.map((e) => e.slug));
        for (const [i, band] of layout.bands.entries()) {
          expect(band.x).toBeGreaterThanOrEqual(-0.001);
          expect(band.x + band.width).toBeLessThanOrEqual(width + 0.001);
          expect(band.width).toBeGreaterThanOrEqual(options.minBand - 0.001);
          // Named: whole, or a shortened start of the name.
          const full = eras[i]!.name.trim();
          expect(band.name.length).toBeGreaterThan(0);
          if (band.name !== full) {
            expect(band.name.endsWith('…')).toBe(true);
            expect(full.startsWith(band.name.slice(0, -1).trimEnd())).toBe(true);
          }
        }
        const all = boxes(layout, options);
        for (const box of all) {
          expect(box.lo).toBeGreaterThanOrEqual(-0.5);
          expect(box.hi).toBeLessThanOrEqual(width + 0.5);
        }
        for (let a = 0; a < all.length; a++)
          for (let b = a + 1; b < all.length; b++)
            if (all[a]!.row === all[b]!.row)
              expect(
                all[a]!.hi <= all[b]!.lo + 0.5 || all[b]!.hi <= all[a]!.lo + 0.5,
                `${all[a]!.slug} and ${all[b]!.slug} overlap in row ${all[a]!.row}`,
              ).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('eras that overlap in time lie on different rows; a later start never lies to the left', () => {
    fc.assert(
      fc.property(erasArb, fc.constantFrom(360, 960), (eras, width) => {
        const layout = layoutAxis(eras, optionsFor(width));
        const dated = eras.flatMap((era, i) => {
          const { lo, hi } = periodBounds(era.period);
          return lo !== null && hi !== null ? [{ lo, hi, band: layout.bands[i]! }] : [];
        });
        for (const a of dated)
          for (const b of dated) {
            if (a === b) continue;
            if (a.lo < b.hi - 1e-6 && b.lo < a.hi - 1e-6 && a.band.x < b.band.x + b.band.width - 0.5)
              if (b.band.x < a.band.x + a.band.width - 0.5) expect(a.band.row).not.toBe(b.band.row);
            // The clamp at the right edge aside, time runs left to right.
            if (a.lo < b.lo && b.band.x + b.band.width < width - 0.5)
              expect(a.band.x).toBeLessThanOrEqual(b.band.x + 0.001);
          }
      }),
      { numRuns: 300 },
    );
  });

  it('is proportional: within a stretch, a band is as wide as its years times the scale', () => {
    fc.assert(
      fc.property(erasArb, (eras) => {
        const width = 960;
        const layout = layoutAxis(eras, optionsFor(width));
        if (layout.scale === 0) return;
        eras.forEach((era, i) => {
          const { lo, hi } = periodBounds(era.period);
          if (lo === null || hi === null) return;
          const band = layout.bands[i]!;
          const years = era.entryYears.filter((y): y is number => y !== null);
          const inOne = layout.stretches.some((s) => s.lo <= lo + 1e-9 && hi <= s.hi + 1e-9);
          const exact = (hi - lo) * layout.scale;
          if (!inOne || exact < 6 || years.some((y) => y < lo || y >= hi) || band.x + band.width > width - 0.01) return;
          expect(band.width).toBeCloseTo(exact, 3);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('labels ticks in time order, none touching another, all inside the drawing', () => {
    fc.assert(
      fc.property(erasArb, fc.constantFrom(360, 960), fc.constantFrom('en', 'zh-CN', 'ja'), (eras, width, lang) => {
        const options = optionsFor(width, lang);
        const { ticks } = layoutAxis(eras, options);
        let end = -Infinity;
        let x = -Infinity;
        for (const tick of ticks) {
          expect(tick.x).toBeGreaterThanOrEqual(x);
          const [lo, hi] = labelBox(tick.x, tick.label, options);
          expect(lo).toBeGreaterThanOrEqual(end);
          expect(lo).toBeGreaterThanOrEqual(-0.001);
          expect(hi).toBeLessThanOrEqual(width + 0.001);
          end = hi;
          x = tick.x;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('draws every entry, inside its own band', () => {
    fc.assert(
      fc.property(erasArb, (eras) => {
        const layout = layoutAxis(eras, optionsFor(960));
        layout.bands.forEach((band, i) => {
          expect(band.marks.reduce((n, m) => n + m.count, 0)).toBe(eras[i]!.entryYears.length);
          for (const m of band.marks) {
            expect(m.x).toBeGreaterThanOrEqual(band.x - 0.001);
            expect(m.x).toBeLessThanOrEqual(band.x + band.width + 0.001);
          }
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('time axis layout: notes', () => {
  it('the default note: to scale with the empty 1998–2013 cut out, every chapter named in full, 回响 beside 间章', () => {
    const eras = axisErasOf(readFileSync(DEFAULT_NOTE, 'utf8'));
    for (const width of [960, 360]) {
      const layout = layoutAxis(eras, optionsFor(width, 'zh-CN'));
      expect(layout.breaks).toHaveLength(1);
      expect(layout.breaks[0]!.from).toBe(1998);
      expect(layout.breaks[0]!.to).toBe(2014);
      expect(layout.bands.map((b) => b.name)).toEqual(['前奏', '序曲', '间章', '波澜', '奏鸣', '回响']);
      const bySlug = new Map(layout.bands.map((b) => [b.slug, b]));
      // 2023 (间章) and 2023–? (回响) overlap: two rows, never end to end.
      expect(bySlug.get('回响')!.row).not.toBe(bySlug.get('间章')!.row);
      expect(bySlug.get('回响')!.x).toBeCloseTo(bySlug.get('间章')!.x, 3);
      // One year is one year: 2022, 2023, 2024 as wide as each other.
      expect(bySlug.get('序曲')!.width).toBeCloseTo(bySlug.get('间章')!.width, 3);
      expect(bySlug.get('间章')!.width).toBeCloseTo(bySlug.get('波澜')!.width, 3);
      // The first chapter marks LSTM (1997) left of the break, Transformer (2017) right of it.
      const marks = bySlug.get('前奏')!.marks.map((m) => m.x);
      expect(marks[0]!).toBeLessThan(layout.breaks[0]!.x);
      expect(marks[marks.length - 1]!).toBeGreaterThan(layout.breaks[0]!.x + layout.breaks[0]!.width);
    }
    const wide = layoutAxis(eras, optionsFor(960, 'zh-CN'));
    expect(wide.rows).toBe(2);
    expect(wide.ticks.map((t) => t.label)).toEqual(expect.arrayContaining(['1997年', '2014年', '2020年', '2025年']));
    expect(wide.bands.every((b) => b.inside)).toBe(true);
  });

  it('a note from 800 BC to 1453: BC and AD ticks on one scale, in order; overlapping eras stacked', () => {
    const eras = axisErasOf(readFileSync(fixturePath('classical'), 'utf8'));
    const layout = layoutAxis(eras, optionsFor(960));
    const labels = layout.ticks.map((t) => t.label);
    const bc = labels.filter((l) => l.endsWith(' BC'));
    expect(bc.length).toBeGreaterThanOrEqual(2);
    expect(labels.indexOf(bc[bc.length - 1]!)).toBeLessThan(labels.findIndex((l) => !l.endsWith(' BC')));
    const numbers = bc.map((l) => Number.parseInt(l, 10));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    const bySlug = new Map(layout.bands.map((b) => [b.slug, b]));
    expect(bySlug.get('classical-greece')!.row).not.toBe(bySlug.get('archaic-greece')!.row);
    expect(bySlug.get('the-roman-republic')!.row).not.toBe(bySlug.get('classical-greece')!.row);
  });

  it('a year of launches: month ticks, the year named on January', () => {
    const eras = axisErasOf(readFileSync(fixturePath('launches'), 'utf8'));
    const labels = layoutAxis(eras, optionsFor(960)).ticks.map((t) => t.label);
    expect(labels.slice(0, 3)).toEqual(['Jan 2024', 'Feb', 'Mar']);
  });

  it('60 eras with long names: every one named, shortened only where no row has room', () => {
    const many = Array.from({ length: 60 }, (_, i): AxisEra => ({
      slug: `e${i}`,
      ordinal: i + 1,
      name: `A rather long chapter name ${i}`,
      period: period(1000 + i * 10, 1000 + i * 10 + 9),
      entryYears: [null],
    }));
    // 60 names of 200 units would need 13 rows of 960: each takes a fair share of six rows instead.
    for (const [width, most] of [
      [960, 8],
      [360, 16],
    ] as const) {
      const layout = layoutAxis(many, optionsFor(width));
      expect(layout.bands.every((b) => b.name.length > 1)).toBe(true);
      expect(layout.rows).toBeLessThanOrEqual(most);
      expect(layout.bands.filter((b) => b.name.endsWith('…')).length).toBeGreaterThan(50);
    }
    // Five such eras have room enough: no name is shortened.
    expect(layoutAxis(many.slice(0, 5), optionsFor(960)).bands.map((b) => b.name)).toEqual(
      many.slice(0, 5).map((e) => e.name),
    );
  });

  it(
    'lays out 10,000 entries with at most one mark per 3 units of width',
    () => {
      const eras = axisErasOf(generateNote({ entries: 10_000 }));
      const layout = layoutAxis(eras, optionsFor(960));
      const marks = layout.bands.reduce((n, b) => n + b.marks.length, 0);
      expect(layout.bands.reduce((n, b) => n + b.marks.reduce((m, t) => m + t.count, 0), 0)).toBe(10_000);
      expect(marks).toBeLessThanOrEqual(960 / 3 + layout.bands.length * 2);
    },
    HEAVY,
  );

  it('a note with no date at all: eras share the width in note order, no ticks', () => {
    const eras: AxisEra[] = ['One', 'Two', 'Three'].map((name, i) => ({
      slug: name.toLowerCase(),
      ordinal: i + 1,
      name,
      period: null,
      entryYears: [null, null],
    }));
    const layout = layoutAxis(eras, optionsFor(960));
    expect(layout.ticks).toEqual([]);
    expect(layout.bands.map((b) => Math.round(b.x))).toEqual([0, 320, 640]);
    expect(layout.bands.every((b) => b.inside && b.row === 0)).toBe(true);
  });
});
