/**
 * Markwhen: `.mw` files read as timelines (through @markwhen/parser), and
 * `/timeline.mw` written from any timeline and read back, by
 * @markwhen/parser and by our own reader, to the same entries, dates and
 * eras.
 */
import { readFileSync } from 'node:fs';
import { parse as parseMarkwhenText } from '@markwhen/parser';
import { describe, expect, it } from 'vitest';
import { parseMarkwhen, parseTimeline, TimelineError, type Entry, type Timeline } from '../../src/timeline/index.ts';
import { toMarkwhen, type MarkwhenSource } from '../../src/utils/markwhen.ts';
import { DEFAULT_NOTE, fixturePath, parseFixture } from './support/helpers.ts';
import { entriesOf, markwhenEvents, readFixture } from './support/markwhen.ts';

const FIXTURE = fixturePath('markwhen', 'input.mw');

describe('reading a Markwhen file', () => {
  const t = readFixture();

  it('takes the title from the header, eras from top-level sections, sub-periods from nested ones', () => {
    expect(t.meta.title).toBe('From the pyramids to GPT-4');
    // Events before any section go to one era named after the note.
    expect(t.eras.map((e) => e.name)).toEqual(['From the pyramids to GPT-4', 'Antiquity', 'The modern world']);
    expect(
      t.eras[1]!.items.filter((i) => i.kind === 'subperiod').map((i) => (i as { heading: string }).heading),
    ).toEqual(['Greece', 'Rome']);
    expect(t.warnings).toEqual([]);
  });

  it.each([
    // Astronomical ISO years from Markwhen (-002559) are 2560 BC.
    ['Great Pyramid of Giza completed', '2560 BC', -2559, -2559, null],
    ['Battle of Marathon', '490 BCE', -489, -489, null],
    // Markwhen ends a BC range at the start of its last year; the range as written includes it.
    ['Peloponnesian War', '431 BC - 404 BC', -430, -403, null],
    // A short year Markwhen reads: labelled so that it reads back.
    ['Colosseum opened', 'AD 80', 80, 80, null],
    ['Apollo 11', '1969-07-20 / 1969-07-24', 1969, 1969, 7],
    ['GPT-4', '2023-03-14', 2023, 2023, 3],
    ['A month with no day given', '2024-05', 2024, 2024, 5],
  ])('%s: %s', (title, label, from, to, month) => {
    const entry = entriesOf(t).find((e) => e.title === title)!;
    expect(entry).toMatchObject({ yearLabel: label, dateSource: 'title' });
    expect([entry.date?.from, entry.date?.to, entry.date?.start?.month ?? null]).toEqual([from, to, month]);
  });

  it('keeps descriptions and tags, and points each entry at its line of the .mw file', () => {
    const marathon = entriesOf(t).find((e) => e.title === 'Battle of Marathon')!;
    expect(marathon.description.text).toContain('Athens turns back the Persian landing.');
    expect(marathon.description.html).toContain('war');
    expect(marathon.position.line).toBe(12);
    expect(t.eras[1]!.position.line).toBe(9);
  });

  it('gives an era without a period in its heading the span of its events', () => {
    expect(t.eras[1]!.period).toMatchObject({ from: -489, to: 80, label: '490 BC–AD 80' });
    // A heading's own period wins.
    expect(t.eras[2]!.period).toMatchObject({ from: 1900, to: null, toOpen: 'ongoing' });
  });

  it('warns at its line about an event Markwhen cannot read, and goes on', () => {
    const source = '---\ntitle: T\n---\n\n# S\n2020: fine\n- 2015: a list line Markwhen reads backwards\n';
    const bad = parseMarkwhen(source, { file: 'bad.mw' });
    expect(bad.warnings.map((w) => [w.line, w.column, w.message])).toEqual([
      [7, 1, 'Markwhen: Illogical date range - start time is later than end time; the event is left out'],
    ]);
    expect(entriesOf(bad).map((e) => e.title)).toEqual(['fine']);
  });

  it('refuses a file with no events, at its end, with a hint', () => {
    try {
      parseMarkwhen('---\ntitle: T\n---\n\n# Empty\n', { file: 'empty.mw' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TimelineError);
      expect(error).toMatchObject({ file: 'empty.mw', line: 6, column: 1 });
      expect((error as TimelineError).hint).toContain('2023-03-14: GPT-4');
    }
  });

  it('is picked by the file extension', () => {
    expect(parseTimeline(readFileSync(FIXTURE, 'utf8'), { file: 'x.mw' }).eras).toHaveLength(3);
  });
});

/** A parsed timeline in the shape the site's collections give `toMarkwhen`. */
function collections(t: Timeline): MarkwhenSource {
  return {
    note: { title: t.meta.title },
    eras: t.eras.map((era) => ({
      id: era.slug,
      data: {
        heading: era.heading,
        name: era.name,
        ordinal: era.ordinal,
        items: era.items.map((i) => (i.kind === 'entry' ? { kind: 'entry' as const, id: i.id, group: i.group } : i)),
      },
    })),
    entries: t.eras.flatMap((era) =>
      era.items
        .filter((i): i is Entry => i.kind === 'entry')
        .map((e) => ({
          id: e.id,
          data: { title: e.title, date: e.date, description: e.description, era: { id: era.slug } },
        })),
    ),
  } as MarkwhenSource;
}

const SOURCES: Array<[string, () => Timeline]> = [
  ['the default note', () => parseTimeline(readFileSync(DEFAULT_NOTE, 'utf8'), { file: 'content/llm-history.md' })],
  ['the classical history', () => parseFixture('classical')],
  ['the day-precision history', () => parseFixture('launches')],
  ['the Chinese dynastic history', () => parseFixture('dynasties')],
  ['the Japanese history', () => parseFixture('japanese')],
  ['the date-first history', () => parseFixture('greece-date-first')],
  ['the changelog', () => parseFixture('changelog')],
  ['the English note', () => parseFixture('english')],
  ['the Markwhen file itself', readFixture],
];

describe('/timeline.mw round trip', () => {
  it.each(SOURCES)('%s: @markwhen/parser reads back every dated entry, in its era, at its years', (_, load) => {
    const t = load();
    const doc = toMarkwhen(collections(t));
    const events = markwhenEvents(doc);
    const dated = t.eras.flatMap((era) =>
      era.items
        .filter(
          (i): i is Entry => i.kind === 'entry' && i.date !== null && (i.date.from !== null || i.date.to !== null),
        )
        .map((e) => ({ era: era.heading, entry: e })),
    );
    expect(events.map((e) => e.title)).toEqual(dated.map((d) => d.entry.title || '…'));
    expect(events.map((e) => e.sections[0])).toEqual(dated.map((d) => d.era));
    dated.forEach(({ entry }, i) => {
      // Markwhen's years are astronomical, as ours are; an open start keeps only its end.
      expect(events[i]!.from, entry.title).toBe(entry.date!.from ?? entry.date!.to);
    });
    expect(parseMarkwhenText(doc).parseMessages).toEqual([]);
  });

  it.each(SOURCES)('%s: our own reader gives the same entries, dates and eras', (_, load) => {
    const t = load();
    const back = parseMarkwhen(toMarkwhen(collections(t)), { file: 'timeline.mw' });
    const shape = (timeline: Timeline) =>
      timeline.eras.map((era) => [
        era.name,
        era.items
          .filter(
            (i): i is Entry => i.kind === 'entry' && i.date !== null && (i.date.from !== null || i.date.to !== null),
          )
          .map((e) => {
            // An open start and an unknown end are written as the one date they name.
            const open = e.date!.fromOpen || e.date!.toOpen === 'unknown';
            // Markwhen reads BC years but not BC months and days: those are exported as years.
            const bc = (e.date!.from ?? 0) <= 0;
            const fine = (n: number | null | undefined) => (bc ? null : (n ?? null));
            return [
              e.title,
              open ? null : e.date!.from,
              open ? null : e.date!.to,
              fine(e.date!.start?.month),
              fine(e.date!.start?.day),
            ];
          }),
      ]);
    const names = shape(back).map(([name]) => name);
    expect(names).toEqual(t.eras.map((e) => e.name));
    const strip = (rows: ReturnType<typeof shape>) =>
      rows.map(([name, entries]) => [name, (entries as unknown[][]).map((row) => (row[1] === null ? [row[0]] : row))]);
    const mine = strip(shape(t));
    const theirs = strip(shape(back)).map(([name, entries], i) => [
      name,
      (entries as unknown[][]).map((row, j) =>
        ((mine[i]![1] as unknown[][])[j] ?? [])[1] === undefined ? [row[0]] : row,
      ),
    ]);
    expect(theirs).toEqual(mine);
  });
});
