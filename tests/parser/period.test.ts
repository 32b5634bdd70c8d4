/**
 * Periods as authors write them in headings and entry titles. A wrong reading
 * puts an era or entry at the wrong place on the time axis.
 */
import { describe, expect, it } from 'vitest';
import { parsePeriod, splitHeadingPeriod, splitTitleYear } from '../../src/timeline/index.ts';

describe('splitHeadingPeriod', () => {
  it.each([
    // The default note's headings.
    { heading: '序曲 2022', name: '序曲', from: 2022, to: 2022, fromOpen: false, toOpen: false, label: '2022' },
    {
      heading: '前奏 2021 及之前',
      name: '前奏',
      from: null,
      to: 2021,
      fromOpen: true,
      toOpen: false,
      label: '2021 及之前',
    },
    {
      heading: '奏鸣 2025 - 未来',
      name: '奏鸣',
      from: 2025,
      to: null,
      fromOpen: false,
      toOpen: 'ongoing',
      label: '2025 - 未来',
    },
    {
      heading: '回响 2023-？？？？',
      name: '回响',
      from: 2023,
      to: null,
      fromOpen: false,
      toOpen: 'unknown',
      label: '2023-？？？？',
    },
    // A period in parentheses, with an en dash.
    {
      heading: 'The Jazz Age (1920–1929)',
      name: 'The Jazz Age',
      from: 1920,
      to: 1929,
      fromOpen: false,
      toOpen: false,
      label: '1920–1929',
    },
    // A decade spans ten years.
    { heading: 'Punk 1970s', name: 'Punk', from: 1970, to: 1979, fromOpen: false, toOpen: false, label: '1970s' },
    { heading: '摇滚 1970年代', name: '摇滚', from: 1970, to: 1979, fromOpen: false, toOpen: false, label: '1970年代' },
    {
      heading: 'Rock 1960s–1970s',
      name: 'Rock',
      from: 1960,
      to: 1979,
      fromOpen: false,
      toOpen: false,
      label: '1960s–1970s',
    },
    // Every range separator the issue lists.
    { heading: 'A 2020 - 2022', name: 'A', from: 2020, to: 2022, fromOpen: false, toOpen: false, label: '2020 - 2022' },
    { heading: 'A 2020—2022', name: 'A', from: 2020, to: 2022, fromOpen: false, toOpen: false, label: '2020—2022' },
    { heading: 'A 2020~2022', name: 'A', from: 2020, to: 2022, fromOpen: false, toOpen: false, label: '2020~2022' },
    {
      heading: 'A 1920 to 1929',
      name: 'A',
      from: 1920,
      to: 1929,
      fromOpen: false,
      toOpen: false,
      label: '1920 to 1929',
    },
    {
      heading: '萌芽 1990 至 1999',
      name: '萌芽',
      from: 1990,
      to: 1999,
      fromOpen: false,
      toOpen: false,
      label: '1990 至 1999',
    },
    // Open ends in words, either language, any case.
    {
      heading: 'Now 2020 – Present',
      name: 'Now',
      from: 2020,
      to: null,
      fromOpen: false,
      toOpen: 'ongoing',
      label: '2020 – Present',
    },
    {
      heading: 'Now 1990 to now',
      name: 'Now',
      from: 1990,
      to: null,
      fromOpen: false,
      toOpen: 'ongoing',
      label: '1990 to now',
    },
    {
      heading: '当下 2010 至今',
      name: '当下',
      from: 2010,
      to: null,
      fromOpen: false,
      toOpen: 'ongoing',
      label: '2010 至今',
    },
    { heading: 'A 2023-?', name: 'A', from: 2023, to: null, fromOpen: false, toOpen: 'unknown', label: '2023-?' },
    // Open starts.
    {
      heading: '远古 2021 以前',
      name: '远古',
      from: null,
      to: 2021,
      fromOpen: true,
      toOpen: false,
      label: '2021 以前',
    },
    {
      heading: 'Roots before 1900',
      name: 'Roots',
      from: null,
      to: 1900,
      fromOpen: true,
      toOpen: false,
      label: 'before 1900',
    },
    {
      heading: 'Roots 1900 and earlier',
      name: 'Roots',
      from: null,
      to: 1900,
      fromOpen: true,
      toOpen: false,
      label: '1900 and earlier',
    },
    {
      heading: 'A ？？？？-2021',
      name: 'A',
      from: null,
      to: 2021,
      fromOpen: true,
      toOpen: false,
      label: '？？？？-2021',
    },
    // Glued to a Chinese name, and with 年.
    { heading: '序曲2022', name: '序曲', from: 2022, to: 2022, fromOpen: false, toOpen: false, label: '2022' },
    { heading: '序曲 2022年', name: '序曲', from: 2022, to: 2022, fromOpen: false, toOpen: false, label: '2022年' },
    // A sub-period heading that is only a period has no name.
    { heading: '1997-2014', name: '', from: 1997, to: 2014, fromOpen: false, toOpen: false, label: '1997-2014' },
    // The dash that sets the period apart is not part of the name.
    {
      heading: 'Swing – 1935–1945',
      name: 'Swing',
      from: 1935,
      to: 1945,
      fromOpen: false,
      toOpen: false,
      label: '1935–1945',
    },
    {
      heading: 'Chapter one: 1920s',
      name: 'Chapter one',
      from: 1920,
      to: 1929,
      fromOpen: false,
      toOpen: false,
      label: '1920s',
    },
  ])('$heading → $name, $label', ({ heading, name, label, ...period }) => {
    const result = splitHeadingPeriod(heading);
    expect(result.name).toBe(name);
    // The years and open ends; the points themselves are checked in dates.test.ts.
    const { from, to, fromOpen, toOpen, label: read } = result.period!;
    expect({ from, to, fromOpen, toOpen, label: read }).toEqual({ ...period, label });
  });

  it.each([
    // No year at all.
    'Epilogue',
    // One- and two-digit numbers are model names or counts, not years.
    'GPT 3',
    'Windows 95',
    'Summer of 69',
    // Five digits are no year.
    'Room 20000',
    // A number opening a name: a count, not a year (a year before a space alone has four digits).
    '300 Spartans',
    '101 Dalmatians',
  ])('%s has no period and keeps its whole text as the name', (heading) => {
    expect(splitHeadingPeriod(heading)).toEqual({ name: heading, period: null });
  });

  it.each([
    // A period that opens the heading, before its name (issue #21: the period a reader sees).
    ['1920 – 1929 The Jazz Age', 'The Jazz Age', 1920, 1929],
    ['1914–1918: The Great War', 'The Great War', 1914, 1918],
    ['1603 | Edo', 'Edo', 1603, 1603],
    // A whole date glossed with its calendar-era year is a date, not a name and a gloss.
    ['1951年（昭和26年）', '', 1951, 1951],
  ])('%s opens with its period', (heading, name, from, to) => {
    const { name: read, period } = splitHeadingPeriod(heading);
    expect([read, period?.from, period?.to]).toEqual([name, from, to]);
  });
});

describe('splitTitleYear', () => {
  it.each([
    // Full-width parentheses, as in the default note.
    ['LSTM（1997）', 'LSTM', '1997', 1997, 1997],
    // ASCII parentheses and a range.
    ['Sex Pistols (2017–2019)', 'Sex Pistols', '2017–2019', 2017, 2019],
    ['X(1997)', 'X', '1997', 1997, 1997],
    ['张国荣（1995年）', '张国荣', '1995年', 1995, 1995],
    ['Disco (1970s)', 'Disco', '1970s', 1970, 1979],
    ['X （2020 - 至今）', 'X', '2020 - 至今', 2020, null],
    // A title that is only a year.
    ['（1997）', '', '1997', 1997, 1997],
  ])('%s → %s + %s', (input, title, label, from, to) => {
    const result = splitTitleYear(input);
    expect(result.title).toBe(title);
    expect(result.period).toMatchObject({ label, from, to });
  });

  it.each([
    // A parenthesis with no year stays in the title.
    'LLM Reasoning（o1/MCTS/rStaR 等）',
    'GPT (3)',
    'Windows (95)',
    'Tool (v2.0)',
    // The year must end the title.
    'X (1997) remastered',
    // Two years in one parenthesis are no period.
    'X (1997, 1999)',
  ])('%s keeps its parenthesis', (input) => {
    expect(splitTitleYear(input)).toEqual({ title: input, period: null });
  });
});

describe('parsePeriod', () => {
  it.each([
    // Only a period that makes up the whole text counts.
    ['in 2020', null],
    ['2020 onwards and more', null],
    ['', null],
    // Surrounding white space is no problem.
    ['  2020  ', { from: 2020, to: 2020, label: '2020' }],
  ])('%j → %j', (input, expected) => {
    const result = parsePeriod(input);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toMatchObject(expected);
  });
});
