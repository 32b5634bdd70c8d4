/**
 * Entries written date first (`490 BCE: Battle of Marathon`), as most
 * Markdown timelines and Markwhen are, and dates written relative to a
 * one-year heading (`### 1995` then `- 12.04：…`). Lines that merely begin
 * with a date stay prose.
 */
import { describe, expect, it } from 'vitest';
import type { Entry, EraItem } from '../../src/timeline/index.ts';
import { parse } from './support/helpers.ts';

/** One era holding `lines` (a heading with a period makes dates relative to it when it is one year). */
const note = (lines: string[], heading = 'Era') => `---\ntitle: t\n---\n\n## ${heading}\n\n${lines.join('\n')}\n`;
const items = (lines: string[], heading?: string): EraItem[] => parse(note(lines, heading)).eras[0]!.items;
const only = (line: string, heading?: string): Entry | undefined =>
  items([line], heading).find((i): i is Entry => i.kind === 'entry');

describe('date-first lines', () => {
  it.each([
    // A colon after the date, ASCII (with a space) or full-width.
    ['490 BCE: Battle of Marathon', 'Battle of Marathon', '490 BCE', -489, ''],
    ['1995年12月4日：网景发布 JavaScript', '网景发布 JavaScript', '1995年12月4日', 1995, ''],
    ['2023-03-14: GPT-4', 'GPT-4', '2023-03-14', 2023, ''],
    // A spaced dash after the date; the longest date before a dash wins.
    ['480 BCE – Battle of Thermopylae', 'Battle of Thermopylae', '480 BCE', -479, ''],
    ['1914 – 1918 – The Great War', 'The Great War', '1914 – 1918', 1914, ''],
    ['1336年〜1573年 - 室町時代', '室町時代', '1336年〜1573年', 1336, ''],
    // A bold date, with or without a colon.
    ['**508 BC** Cleisthenes', 'Cleisthenes', '508 BC', -507, ''],
    ['**1969-07-20**: Apollo 11', 'Apollo 11', '1969-07-20', 1969, ''],
    ['**1969-07-20:** Apollo 11', 'Apollo 11', '1969-07-20', 1969, ''],
    // The title ends at the first colon, spaced dash or full stop; the rest is the description.
    ['776 BC: First Olympic Games — held at Olympia.', 'First Olympic Games', '776 BC', -775, 'held at Olympia.'],
    ['480 BCE: Thermopylae: Leonidas holds the pass.', 'Thermopylae', '480 BCE', -479, 'Leonidas holds the pass.'],
    ['c. 750 BC: Homer. The Iliad takes shape.', 'Homer', 'c. 750 BC', -749, 'The Iliad takes shape.'],
    [
      '1995年12月4日：网景发布 JavaScript。它只用了十天。',
      '网景发布 JavaScript',
      '1995年12月4日',
      1995,
      '它只用了十天。',
    ],
    // Abbreviations do not end the title.
    ['1904: St. Louis World Fair', 'St. Louis World Fair', '1904', 1904, ''],
    ['1775: U.S. Army founded', 'U.S. Army founded', '1775', 1775, ''],
    // A date alone is the title, as a year-only title-first entry is.
    ['1995：', '1995', '1995', 1995, ''],
  ])('%s', (line, title, label, from, description) => {
    const entry = only(line);
    expect(entry).toMatchObject({ title, yearLabel: label, dateFirst: true, dateSource: 'title' });
    expect(entry!.date?.from).toBe(from);
    expect(entry!.description.text).toBe(description);
  });

  it.each([
    // A date followed by words, outside a date-first list, is prose, never an entry
    // (a date and a comma opens a dated sentence: see shapes.test.ts).
    'In 1995 Netscape shipped JavaScript.',
    '1995 was the year JavaScript shipped.',
    // A model name is no date, so this is a title-first line with no date.
    'GPT-4: the fourth model',
  ])('%s is not a date-first entry', (line) => {
    const entry = only(line);
    if (entry) expect(entry.dateFirst).toBe(false);
    if (entry) expect(entry.dateSource).not.toBe('title');
  });

  it('title-first lines are read as before, in the same note', () => {
    const [a, b] = items(['Alexander (356–323 BC): a king.', '323 BC: Death of Alexander']).filter(
      (i): i is Entry => i.kind === 'entry',
    );
    expect([a!.title, a!.yearLabel, a!.dateFirst, b!.title, b!.yearLabel, b!.dateFirst]).toEqual([
      'Alexander',
      '356–323 BC',
      false,
      'Death of Alexander',
      '323 BC',
      true,
    ]);
  });
});

describe('dates relative to a one-year heading', () => {
  it.each([
    // Month and day, in each form, read in the heading's year.
    ['12.04：JavaScript', [1995, 12, 4]],
    ['12/04: Announced', [1995, 12, 4]],
    ['12-04: Announced', [1995, 12, 4]],
    ['Dec 4: Press release', [1995, 12, 4]],
    ['4 December: Press release', [1995, 12, 4]],
    ['2月3日：春节', [1995, 2, 3]],
    // A month alone: two digits, a name, or 月.
    ['08：Something in August', [1995, 8, null]],
    ['December: the month', [1995, 12, null]],
    ['12月：年末', [1995, 12, null]],
    // In a title's parentheses too.
    ['Netscape (12.05): parenthesised', [1995, 12, 5]],
  ])('%s under ### 1995', (line, [year, month, day]) => {
    const all = items(['### 1995', '', line], 'History');
    const entry = all.find((i): i is Entry => i.kind === 'entry')!;
    expect(entry.date?.start).toMatchObject({ year, month, day });
    expect(entry.dateSource).toBe('title');
  });

  it('an era heading of one year works as a ### one does', () => {
    expect(only('12.04: JavaScript', 'Launch 1995')?.date?.start).toMatchObject({ year: 1995, month: 12, day: 4 });
  });

  it.each([
    // Not under a one-year heading: the fragment is no date, the title stays as written.
    ['12.04: JavaScript', 'Decade 1990–1999', '12.04'],
    ['Dec 4: Press release', 'Era', 'Dec 4'],
    // A single digit is a number, not a month.
    ['3: Third', 'Launch 1995', '3'],
    // No 13th month.
    ['13.04: nothing', 'Launch 1995', '13.04'],
  ])('%s under ## %s is no date', (line, heading, title) => {
    const entry = only(line, heading);
    expect(entry?.title).toBe(title);
    expect(entry?.dateSource).not.toBe('title');
  });
});
