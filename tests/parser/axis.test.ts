import { describe, expect, it } from 'vitest';
import { generateNote } from '../../bench/generate.ts';
import { parseNote } from '../../src/timeline/index.ts';
import { layoutAxis, textWidth, type AxisEra, type AxisLayoutOptions } from '../../src/utils/axis.ts';
import { readFileSync } from 'node:fs';
import { DEFAULT_NOTE } from './support/helpers.ts';

const options: AxisLayoutOptions = {
  width: 960,
  nameSize: 14,
  labelSize: 12,
  gap: 3,
  tickBin: 3,
  labels: (period) => (period ? [period.label, String(period.from ?? '')].filter(Boolean) : []),
};

/** The axis's input from a parsed note, as src/utils/timeline.ts builds it from the collections. */
function axisErasOf(source: string): AxisEra[] {
  return parseNote(source, { file: 'note.md' }).eras.map((era) => ({
    slug: era.slug,
    ordinal: era.ordinal,
    name: era.name || era.heading,
    period: era.period,
    entryYears: era.items.flatMap((item) =>
      item.kind === 'entry'
        ? [item.dateSource === 'title' || item.dateSource === 'subperiod' ? (item.date?.from ?? null) : null]
        : [],
    ),
  }));
}

describe('time axis layout', () => {
  const eras = axisErasOf(readFileSync(DEFAULT_NOTE, 'utf8'));
  const segments = layoutAxis(eras, options);

  it('gives every chapter of the default note its own segment, in order, within the width', () => {
    expect(segments.map((s) => s.slug)).toEqual(['前奏', '序曲', '间章', '波澜', '奏鸣', '回响']);
    for (const [i, s] of segments.entries()) {
      expect(s.width).toBeGreaterThan(0);
      if (i > 0) expect(s.x).toBeGreaterThanOrEqual(segments[i - 1]!.x + segments[i - 1]!.width);
    }
    const last = segments[segments.length - 1]!;
    expect(last.x + last.width).toBeLessThanOrEqual(options.width + 0.001);
  });

  it('names every chapter, and no name or label is wider than its segment (so none collide)', () => {
    for (const s of segments) {
      expect(s.name).not.toBeNull();
      expect(textWidth(s.name!, options.nameSize)).toBeLessThan(s.width);
      if (s.label) expect(textWidth(s.label, options.labelSize)).toBeLessThan(s.width);
    }
  });

  it('marks open and unknown ends: 前奏 starts open, 奏鸣 goes on, 回响 ends unknown', () => {
    const bySlug = new Map(segments.map((s) => [s.slug, s]));
    expect(bySlug.get('前奏')).toMatchObject({ openStart: true, openEnd: false });
    expect(bySlug.get('奏鸣')).toMatchObject({ openStart: false, openEnd: 'ongoing' });
    expect(bySlug.get('回响')).toMatchObject({ openEnd: 'unknown' });
  });

  it('draws one tick per entry, inside its own segment', () => {
    for (const [i, s] of segments.entries()) {
      expect(s.ticks.reduce((n, t) => n + t.count, 0)).toBe(eras[i]!.entryYears.length);
      for (const tick of s.ticks) {
        expect(tick.x).toBeGreaterThanOrEqual(s.x);
        expect(tick.x).toBeLessThanOrEqual(s.x + s.width);
      }
    }
  });

  it('places dated entries by year: LSTM (1997) before CLIP (2021) in 前奏', () => {
    const first = segments[0]!;
    const xs = first.ticks.map((t) => t.x);
    expect(Math.min(...xs)).toBeLessThan(first.x + first.width / 2);
    expect(Math.max(...xs)).toBeGreaterThan(first.x + first.width / 2);
  });

  it('merges crowded ticks into density for 10,000 entries, and stays linear in size', () => {
    const big = axisErasOf(generateNote({ entries: 10_000 }));
    const laid = layoutAxis(big, options);
    const ticks = laid.reduce((n, s) => n + s.ticks.length, 0);
    const entries = laid.reduce((n, s) => n + s.ticks.reduce((m, t) => m + t.count, 0), 0);
    expect(entries).toBe(10_000);
    // At most one tick per 3 units of width: the drawing cannot grow with the note.
    expect(ticks).toBeLessThanOrEqual(options.width / options.tickBin + laid.length * 2);
    const last = laid[laid.length - 1]!;
    expect(last.x + last.width).toBeLessThanOrEqual(options.width + 0.001);
  }, 120_000);

  it('leaves out names that do not fit rather than letting them overlap', () => {
    const many = Array.from({ length: 60 }, (_, i): AxisEra => ({
      slug: `e${i}`,
      ordinal: i + 1,
      name: `A rather long chapter name ${i}`,
      period: null,
      entryYears: [null],
    }));
    const laid = layoutAxis(many, options);
    for (const s of laid) if (s.name) expect(textWidth(s.name, options.nameSize)).toBeLessThan(s.width);
    expect(laid.some((s) => s.name === null)).toBe(true);
  });
});
