/**
 * `/timeline.json`: the timeline converted to the TimelineJS3 JSON format.
 * The conversion is fed what the content collections hold (built here from
 * the parser the way the loader builds them) and its output is checked
 * against a schema written from the format's documentation,
 * https://timeline.knightlab.com/docs/json-format.html.
 */
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { parseNote, type Timeline } from '../../src/timeline/index.ts';
import { toTimelineJs, type TimelineJsSource } from '../../src/utils/timelinejs.ts';
import { DEFAULT_NOTE, parse } from './support/helpers.ts';

// ---- The documented format -------------------------------------------------

/** "year: Required. Number or string with numeric value." (and so for month, day…) */
const numeric = z.union([z.number(), z.string().regex(/^-?\d+$/u)]);
const dateSchema = z.strictObject({
  year: numeric,
  month: numeric.optional(),
  day: numeric.optional(),
  hour: numeric.optional(),
  minute: numeric.optional(),
  second: numeric.optional(),
  millisecond: numeric.optional(),
  display_date: z.string().optional(),
  format: z.string().optional(),
});
const textSchema = z.strictObject({ headline: z.string().optional(), text: z.string().optional() });
const mediaSchema = z.strictObject({
  url: z.string(),
  caption: z.string().optional(),
  credit: z.string().optional(),
  thumbnail: z.string().optional(),
  alt: z.string().optional(),
  title: z.string().optional(),
  link: z.string().optional(),
  link_target: z.string().optional(),
});
const slideFields = {
  end_date: dateSchema.optional(),
  text: textSchema.optional(),
  media: mediaSchema.optional(),
  group: z.string().optional(),
  display_date: z.string().optional(),
  background: z
    .strictObject({ url: z.string().optional(), color: z.string().optional(), alt: z.string().optional() })
    .optional(),
  autolink: z.boolean().optional(),
  unique_id: z.string().min(1).optional(),
};
/** "start_date: Required for events, but not for title slides." */
const eventSchema = z.strictObject({ start_date: dateSchema, ...slideFields });
const titleSchema = z.strictObject({ start_date: dateSchema.optional(), ...slideFields });
const eraSchema = z.strictObject({ start_date: dateSchema, end_date: dateSchema, text: textSchema.optional() });
const timelineJsSchema = z.strictObject({
  events: z.array(eventSchema),
  title: titleSchema.optional(),
  eras: z.array(eraSchema).optional(),
  scale: z.enum(['human', 'cosmological']).optional(),
});

// ---- The collections' data, as the loader stores it --------------------------

function source(timeline: Timeline): TimelineJsSource {
  const eras = timeline.eras.map((era) => ({ id: era.slug, data: era }));
  const entries = timeline.eras.flatMap((era) =>
    era.items.flatMap((item) =>
      item.kind === 'entry' ? [{ id: item.id, data: { ...item, era: { id: era.slug } } }] : [],
    ),
  );
  return { note: { title: timeline.meta.title, preface: timeline.preface }, eras, entries };
}

const timeline = parseNote(readFileSync(DEFAULT_NOTE, 'utf8'), { file: 'content/llm-history.md' });
const { timeline: json, skipped } = toTimelineJs(source(timeline), { currentYear: 2026 });
const year = (date: { year: number | string } | undefined) => Number(date?.year);

describe('TimelineJS JSON of the default note', () => {
  it('matches the documented TimelineJS3 format', () => {
    expect(() => timelineJsSchema.parse(json)).not.toThrow();
    expect(json.scale).toBe('human');
  });

  it('survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('has a title slide with the note title and no dates', () => {
    expect(json.title?.text?.headline).toBe('大模型从零开始（零） 不完全断代史');
    expect(json.title?.text?.text).toBe(''); // the note has no preface
    expect(json.title?.start_date).toBeUndefined();
  });

  it('has one event per entry (48), none left out, in the note order', () => {
    expect(json.events).toHaveLength(48);
    expect(skipped).toEqual([]);
    expect(json.events.map((e) => e.unique_id)).toEqual(source(timeline).entries.map((e) => e.id));
  });

  it('gives every event a unique id', () => {
    const ids = json.events.map((e) => e.unique_id);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every event a numeric start year, and an end year only after it', () => {
    for (const event of json.events) {
      expect(Number.isInteger(year(event.start_date))).toBe(true);
      if (event.end_date) expect(year(event.end_date)).toBeGreaterThan(year(event.start_date));
    }
  });

  it('dates an entry by its own year', () => {
    const lstm = json.events.find((e) => e.unique_id === 'lstm')!;
    expect(lstm.start_date).toEqual({ year: 1997 });
    expect(lstm.end_date).toBeUndefined();
    expect(lstm.display_date).toBe('1997');
    expect(lstm.group).toBe('前奏');
    expect(lstm.text?.headline).toBe('LSTM');
    expect(lstm.text?.text).toContain('遗忘门');
  });

  it('groups events by era name', () => {
    const groups = [...new Set(json.events.map((e) => e.group))];
    // 回响 has no entries.
    expect(groups).toEqual(['前奏', '序曲', '间章', '波澜', '奏鸣']);
  });

  it('gives an entry dated by an open-ended era only a start', () => {
    const inSonata = json.events.filter((e) => e.group === '奏鸣');
    expect(inSonata.length).toBeGreaterThan(0);
    for (const event of inSonata) {
      expect(event.end_date).toBeUndefined();
      expect(year(event.start_date)).toBe(2025);
    }
  });

  it('has one era per era with years, open ends resolved', () => {
    const spans = json.eras?.map((e) => [e.text?.headline, year(e.start_date), year(e.end_date)]);
    expect(spans).toEqual([
      ['前奏', 1997, 2021], // `2021 及之前`: starts with its earliest entry, LSTM (1997)
      ['序曲', 2022, 2022],
      ['间章', 2023, 2023],
      ['波澜', 2024, 2024],
      ['奏鸣', 2025, 2026], // `2025 - 未来`: ongoing, so until the build year
      ['回响', 2023, 2023], // `2023-？？？？`: unknown end and no entries, so its start year
    ]);
  });

  it('gives eras whole years, so a one-year era does not end where it starts', () => {
    // TimelineJS drops an end date equal to its start date, then rejects the era.
    for (const era of json.eras ?? []) {
      expect(era.start_date).toMatchObject({ month: 1, day: 1 });
      expect(era.end_date).toMatchObject({ month: 12, day: 31 });
    }
  });

  it('keeps HTML sanitized: no scripts, handlers or javascript: URLs', () => {
    const html = JSON.stringify(json);
    expect(html).not.toMatch(/<script|<iframe|\son[a-z]+=|javascript:/iu);
  });
});

describe('TimelineJS JSON of edge cases', () => {
  const note = `---
title: Edge cases
---

Preface with *emphasis*.

## Linked 1990 - 1999

- [Linked title](https://example.org/a?b=1&c="2") (1995): a **bold** <script>alert(1)</script> description <img src=x onerror=alert(1)>.
- Span (1991–1994): more than a year.
- Same year (1993-1993): one year.

## Undated

Orphan: no year anywhere.

## Unknown 2001-???

Late (2007): the latest entry.
Inherited: takes the era's start.

## Before 1950 and earlier

Old: only the era's end is known.
`;
  const parsed = parse(note);
  const result = toTimelineJs(source(parsed), { currentYear: 2030 });
  const byTitle = (title: string) => result.timeline.events.find((e) => e.text?.headline?.includes(title))!;

  it('matches the documented format', () => {
    expect(() => timelineJsSchema.parse(result.timeline)).not.toThrow();
  });

  it('puts the preface HTML on the title slide', () => {
    expect(result.timeline.title?.text).toEqual({
      headline: 'Edge cases',
      text: expect.stringContaining('<em>emphasis</em>'),
    });
  });

  it('links a linked title, with its URL escaped in the attribute', () => {
    const linked = byTitle('Linked title');
    expect(linked.text?.headline).toBe('<a href="https://example.org/a?b=1&amp;c=&quot;2&quot;">Linked title</a>');
  });

  it('sanitizes description HTML', () => {
    const text = byTitle('Linked title').text?.text ?? '';
    expect(text).toContain('<strong>bold</strong>');
    expect(text).not.toMatch(/<script|onerror/iu);
  });

  it('gives an end date only to periods longer than a year', () => {
    expect(byTitle('Span')).toMatchObject({ start_date: { year: 1991 }, end_date: { year: 1994 } });
    expect(byTitle('Same year').end_date).toBeUndefined();
    expect(byTitle('Linked title').end_date).toBeUndefined();
  });

  it('starts an entry of an open-start era at the one year it names', () => {
    expect(byTitle('Old')).toMatchObject({ start_date: { year: 1950 }, display_date: '1950 and earlier' });
    expect(byTitle('Old').end_date).toBeUndefined();
  });

  it('leaves out an entry with no year in an era with none, and reports it', () => {
    expect(result.timeline.events.some((e) => e.text?.headline === 'Orphan')).toBe(false);
    expect(result.skipped).toEqual([parsed.eras[1]!.items.find((i) => i.kind === 'entry')!.id]);
    expect(result.timeline.events).toHaveLength(6);
  });

  it('makes eras only of eras with years; an unknown end lasts to the latest entry', () => {
    expect(result.timeline.eras?.map((e) => [e.text?.headline, year(e.start_date), year(e.end_date)])).toEqual([
      ['Linked', 1990, 1999],
      ['Unknown', 2001, 2007],
      ['Before', 1950, 1950],
    ]);
  });

  it('gives every event a unique id even with repeated titles', () => {
    const twice = toTimelineJs(source(parse('## A 2000\n\nSame: one.\nSame: two.\n'))).timeline.events;
    expect(twice).toHaveLength(2);
    expect(new Set(twice.map((e) => e.unique_id)).size).toBe(2);
  });
});
