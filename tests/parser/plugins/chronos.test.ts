/**
 * Chronos Timeline blocks (```chronos), as clairefro/obsidian-plugin-chronos
 * documents them in its README.md and reads them in
 * libs/chronos/ChronosMdParser.ts. Each block below is one of the README's
 * examples unless it says otherwise.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPluginCode } from '../../../src/timeline/shapes/plugins/index.ts';
import { asBlock, expectReadableDates, rows, timed } from './support.ts';

const read = (value: string, firstLine = 10) => readPluginCode('chronos', null, value, firstLine);

describe('Chronos: the README’s examples', () => {
  it('reads the Quickstart block (README "Quickstart")', () => {
    const block = asBlock(
      read(
        [
          '- [1789~1799] French Revolution',
          '- [1791~1804] Haitian Revolution',
          '- [1776] American Declaration of Independence',
        ].join('\n'),
      ),
    );
    expect(block.plugin).toBe('chronos');
    expect(rows(block)).toEqual([
      ['1789 – 1799', 'French Revolution', '', null, 'event'],
      ['1791 – 1804', 'Haitian Revolution', '', null, 'event'],
      ['1776', 'American Declaration of Independence', '', null, 'event'],
    ]);
    expect(block.events.map((e) => [e.line, e.column, e.written])).toEqual([
      [10, 1, '1789~1799'],
      [11, 1, '1791~1804'],
      [12, 1, '1776'],
    ]);
    expect([block.kept, block.hidden, block.problems]).toEqual([[], [], []]);
    expectReadableDates(block);
  });

  it('reads dates from the year to the second, dropping the time of day (README "A note on dates")', () => {
    const block = asBlock(
      read(
        [
          '- [2020] A year',
          '- [2020-02] A month',
          '- [2020-02-28] A day',
          '- [2020-02-28T12] An hour',
          '- [2020-02-28T12:30] A minute',
          '- [2020-02-28T12:30:09] A second',
        ].join('\n'),
      ),
    );
    expect(rows(block)).toEqual([
      ['2020', 'A year', '', null, 'event'],
      ['2020-02', 'A month', '', null, 'event'],
      ['2020-02-28', 'A day', '', null, 'event'],
      ['2020-02-28', 'An hour', '', null, 'event'],
      ['2020-02-28', 'A minute', '', null, 'event'],
      ['2020-02-28', 'A second', '', null, 'event'],
    ]);
    expect(block.problems).toEqual([]);
    expectReadableDates(block);
  });

  it('reads ranges with `~`, an item with no name, and a range within one day (README "Date ranges")', () => {
    const block = asBlock(
      read(['- [2020~2024]', '- [2024-02-28~2024-05-11]', '- [2024-02-28T05:30~2024-02-28T08:30]'].join('\n')),
    );
    expect(rows(block)).toEqual([
      // "If no Event Name is provided, the event title will default to the date": the caller shows the date.
      ['2020 – 2024', '', '', null, 'event'],
      ['2024-02-28 – 2024-05-11', '', '', null, 'event'],
      ['2024-02-28', '', '', null, 'event'],
    ]);
    expect(block.problems).toEqual([]);
    expectReadableDates(block);
  });

  it('reads negative years as BCE, as the README says (README "BCE time")', () => {
    // The README writes `- [-10000]    <--- 10000 BCE`: the arrows are its commentary, not part of the syntax.
    const block = asBlock(read(['- [-10000]', '- [-550~-20]', '- [-550~550]'].join('\n')));
    expect(rows(block)).toEqual([
      ['10000 BC', '', '', null, 'event'],
      ['550 BC – 20 BC', '', '', null, 'event'],
      ['550 BC – AD 550', '', '', null, 'event'],
    ]);
    expect(block.problems).toEqual([]);
    expectReadableDates({ ...block, events: block.events.slice(1) }); // the grammar stops at four-digit years
  });

  it('reads periods, their colour dropped, and events between them (README "Periods `@`")', () => {
    const block = asBlock(
      read(
        [
          '@ [-300~250] #red Yayoi Period',
          '- [-100] Introduction of rice cultivation',
          '- [-57] Japan’s first recorded contact with China',
          '',
          '@ [250~538] Kofun Period',
          '- [250] Construction of keyhole-shaped kofun burial mounds begins',
          '- [369] Yamato state sends envoys to Korea',
        ].join('\n'),
        1,
      ),
    );
    expect(rows(block)).toEqual([
      ['300 BC – AD 250', 'Yayoi Period', '', null, 'period'],
      ['100 BC', 'Introduction of rice cultivation', '', null, 'event'],
      ['57 BC', 'Japan’s first recorded contact with China', '', null, 'event'],
      ['AD 250 – AD 538', 'Kofun Period', '', null, 'period'],
      ['AD 250', 'Construction of keyhole-shaped kofun burial mounds begins', '', null, 'event'],
      ['AD 369', 'Yamato state sends envoys to Korea', '', null, 'event'],
    ]);
    expect(block.events.map((e) => e.line)).toEqual([1, 2, 3, 5, 6, 7]);
    expect(block.problems).toEqual([]);
    expectReadableDates(block);
  });

  it('reads points with their descriptions (README "Points `*`")', () => {
    const block = asBlock(
      read(
        [
          '- [2024-02-26~2024-03-10] Tournament',
          '* [2024-02-26] Game 1 | Austin',
          '* [2024-02-28] Game 2 | Los Angeles',
          '* [2024-03-06] Game 3 | Tokyo',
          '* [2024-03-10] Game 4 | Jakarta',
        ].join('\n'),
      ),
    );
    expect(rows(block)).toEqual([
      ['2024-02-26 – 2024-03-10', 'Tournament', '', null, 'event'],
      ['2024-02-26', 'Game 1', 'Austin', null, 'event'],
      ['2024-02-28', 'Game 2', 'Los Angeles', null, 'event'],
      ['2024-03-06', 'Game 3', 'Tokyo', null, 'event'],
      ['2024-03-10', 'Game 4', 'Jakarta', null, 'event'],
    ]);
    expectReadableDates(block);
  });

  it('reads markers (README "Markers `=`")', () => {
    const block = asBlock(
      read(
        [
          '= [1440] Invention of the Gutenberg Press',
          '',
          '- [1455] Gutenberg Bible Printed',
          '@ [1501~1600] The Spread of Printing',
          "- [1517] Martin Luther's 95 Theses",
        ].join('\n'),
      ),
    );
    expect(rows(block)).toEqual([
      ['1440', 'Invention of the Gutenberg Press', '', null, 'marker'],
      ['1455', 'Gutenberg Bible Printed', '', null, 'event'],
      ['1501 – 1600', 'The Spread of Printing', '', null, 'period'],
      ['1517', "Martin Luther's 95 Theses", '', null, 'event'],
    ]);
    expectReadableDates(block);
  });

  it('hides comments, commented-out items included (README "Comments `#`")', () => {
    const block = asBlock(
      read(
        [
          '# this line is a comment, it will be ignored by chronos',
          '',
          '- [1789~1799] French Revolution',
          '- [1791~1804] Haitian Revolution',
          '- [1776] American Declaration of Independence',
          '',
          '# the event below will not render, since it has been commented out',
          '# - [1939~1945] World War II',
        ].join('\n'),
        20,
      ),
    );
    expect(block.events.map((e) => e.title)).toEqual([
      'French Revolution',
      'Haitian Revolution',
      'American Declaration of Independence',
    ]);
    expect(block.hidden.map((h) => h.line)).toEqual([20, 26, 27]);
    expect(block.hidden.every((h) => /comment/u.test(h.why))).toBe(true);
    expect(block.kept).toEqual([]);
  });

  it('hides the flags, case-insensitively (README "Flags `>`")', () => {
    const block = asBlock(
      read(
        [
          '> NOTODAY',
          '> ORDERBY start',
          '> height 300',
          '> DEFAULTVIEW  -3000|3000',
          '> ORDERBY color|start',
          '',
          '- [2022~2024] foo',
          '- [2020~2024] bar',
        ].join('\n'),
        1,
      ),
    );
    expect(rows(block)).toEqual([
      ['2022 – 2024', 'foo', '', null, 'event'],
      ['2020 – 2024', 'bar', '', null, 'event'],
    ]);
    expect(block.hidden).toEqual([
      { line: 1, why: 'the Chronos flag `> NOTODAY`, a display setting' },
      { line: 2, why: 'the Chronos flag `> ORDERBY`, a display setting' },
      { line: 3, why: 'the Chronos flag `> HEIGHT`, a display setting' },
      { line: 4, why: 'the Chronos flag `> DEFAULTVIEW`, a display setting' },
      { line: 5, why: 'the Chronos flag `> ORDERBY`, a display setting' },
    ]);
    expect(block.problems).toEqual([]);
  });

  it('reads colours and groups, a group written against the date too (README "Colors" and "Groups")', () => {
    const block = asBlock(
      read(
        [
          '- [2001~2009] #red Bush',
          '@ [2020-03-11~2023-05-11] #pink COVID19',
          '@ [1892-10-08~1941-08-31]{Marina Tsvetaeva} 1892-1941',
          '- [1916] {Marina Tsvetaeva} "Подруга"',
          '- [1928] {Marina Tsvetaeva}  "Поэма концов"',
          '@[1899-08-24~1986-06-14]{Jorge Luis Borges} 1899-1986',
          '- [1949] {Jorge Luis Borges} "El Aleph"',
        ].join('\n'),
      ),
    );
    expect(rows(block)).toEqual([
      ['2001 – 2009', 'Bush', '', null, 'event'],
      ['2020-03-11 – 2023-05-11', 'COVID19', '', null, 'period'],
      ['1892-10-08 – 1941-08-31', '1892-1941', '', 'Marina Tsvetaeva', 'period'],
      ['1916', '"Подруга"', '', 'Marina Tsvetaeva', 'event'],
      ['1928', '"Поэма концов"', '', 'Marina Tsvetaeva', 'event'],
      ['1899-08-24 – 1986-06-14', '1899-1986', '', 'Jorge Luis Borges', 'period'],
      ['1949', '"El Aleph"', '', 'Jorge Luis Borges', 'event'],
    ]);
    expectReadableDates(block);
  });

  it('reads the advanced example: groups, colours, descriptions, comments and a marker (README "Advanced example")', () => {
    const block = asBlock(
      read(
        [
          '- [1945-07-17] {Europe} Potsdam Conference | where post-WWII Europe is divided',
          '- [1948-06-24~1949-05-12] {Europe} Berlin Blockade | and Airlift in response to Soviet actions in Berlin',
          '',
          '# Early Cold War',
          '',
          '@ [1957~1969] #cyan {USSR} Space Race',
          '- [1957-10-04] #cyan {USSR} Sputnik launched | initiating the Space Race',
          '- [1963-08-05] {Global} Partial Nuclear Test Ban Treaty signed',
          '',
          '= [1991-12-26] End of the Cold War',
          '',
        ].join('\n'),
        100,
      ),
    );
    expect(rows(block)).toEqual([
      ['1945-07-17', 'Potsdam Conference', 'where post-WWII Europe is divided', 'Europe', 'event'],
      [
        '1948-06-24 – 1949-05-12',
        'Berlin Blockade',
        'and Airlift in response to Soviet actions in Berlin',
        'Europe',
        'event',
      ],
      ['1957 – 1969', 'Space Race', '', 'USSR', 'period'],
      ['1957-10-04', 'Sputnik launched', 'initiating the Space Race', 'USSR', 'event'],
      ['1963-08-05', 'Partial Nuclear Test Ban Treaty signed', '', 'Global', 'event'],
      ['1991-12-26', 'End of the Cold War', '', null, 'marker'],
    ]);
    expect(block.hidden).toEqual([{ line: 103, why: 'a Chronos comment (`#`): Chronos ignores the line' }]);
    expect(block.problems).toEqual([]);
    expectReadableDates(block);
  });

  it('keeps wiki links, and a `|` inside one, in the name (README "Note linking")', () => {
    const block = asBlock(
      read(
        [
          '- [2021~2022] No link',
          '- [2023~2024] With link [[path/to/note]]',
          '- [2022~2024] Link in description | [[path/to/note]]',
          '* [2022] Link in description | [[path/to/note]]',
          '- [2021~2022] My long note | [[path/to/note#section]]',
          // Not the README's: an aliased link before the description.
          '- [2020] See [[Apollo 11|the landing]] | and after',
        ].join('\n'),
      ),
    );
    expect(rows(block)).toEqual([
      ['2021 – 2022', 'No link', '', null, 'event'],
      ['2023 – 2024', 'With link [[path/to/note]]', '', null, 'event'],
      ['2022 – 2024', 'Link in description', '[[path/to/note]]', null, 'event'],
      ['2022', 'Link in description', '[[path/to/note]]', null, 'event'],
      ['2021 – 2022', 'My long note', '[[path/to/note#section]]', null, 'event'],
      ['2020', 'See [[Apollo 11|the landing]]', 'and after', null, 'event'],
    ]);
  });
});

describe('Chronos: Chinese and Japanese', () => {
  it('reads groups, periods and markers written in Chinese and Japanese', () => {
    const block = asBlock(
      read(
        [
          '# 秦汉',
          '@ [-221~-206] #red {中国} 秦朝 | 中国历史上第一个大一统王朝',
          '- [-221] {中国} 秦始皇统一六国',
          '- [-202~8] {中国} 西汉',
          '@ [794~1185] {日本} 平安時代 | 平安京に都が置かれた時代',
          '= [1868-01-03] 明治維新',
          '* [1964-10-10] {日本} 東京オリンピック開幕 | 第18回夏季大会',
        ].join('\n'),
        5,
      ),
    );
    expect(rows(block)).toEqual([
      ['221 BC – 206 BC', '秦朝', '中国历史上第一个大一统王朝', '中国', 'period'],
      ['221 BC', '秦始皇统一六国', '', '中国', 'event'],
      ['202 BC – AD 8', '西汉', '', '中国', 'event'],
      ['AD 794 – 1185', '平安時代', '平安京に都が置かれた時代', '日本', 'period'],
      ['1868-01-03', '明治維新', '', null, 'marker'],
      ['1964-10-10', '東京オリンピック開幕', '第18回夏季大会', '日本', 'event'],
    ]);
    expect(block.hidden).toEqual([{ line: 5, why: 'a Chronos comment (`#`): Chronos ignores the line' }]);
    expectReadableDates(block);
  });
});

describe('Chronos: what it cannot read', () => {
  it('reports dates it cannot read, with where they are, and leaves the events undated', () => {
    const block = asBlock(
      read(
        [
          '- [2020-2024] Hyphen range',
          '  - [20x0] Not a year',
          '- [2020-13-01] No such month',
          '- [2023-02-29] No such day',
          '- [0] Year zero',
          '- [] Today in Chronos',
          '- [2024~2020] Backwards',
          '- [1~2~3] Two tildes',
          '- [~2020] No start',
        ].join('\n'),
        1,
      ),
    );
    expect(block.events.map((e) => [e.date, e.title, e.written])).toEqual([
      [null, 'Hyphen range', '2020-2024'],
      [null, 'Not a year', '20x0'],
      [null, 'No such month', '2020-13-01'],
      [null, 'No such day', '2023-02-29'],
      [null, 'Year zero', '0'],
      [null, 'Today in Chronos', ''],
      [null, 'Backwards', '2024~2020'],
      [null, 'Two tildes', '1~2~3'],
      [null, 'No start', '~2020'],
    ]);
    expect(block.problems.map((p) => [p.line, p.column])).toEqual([
      [1, 3],
      [2, 5],
      [3, 3],
      [4, 3],
      [5, 3],
      [6, 3],
      [7, 3],
      [8, 3],
      [9, 3],
    ]);
    expect(block.problems[0]!.message).toMatch(/separated by `~`, not a dash/u);
    expect(block.problems[2]!.message).toMatch(/month 13/u);
    expect(block.problems[3]!.message).toMatch(/day 29 is not a day of February/u);
    expect(block.problems[4]!.message).toMatch(/no year 0/u);
    expect(block.problems[5]!.message).toMatch(/today/u);
    expect(block.problems[6]!.message).toMatch(/ends before it starts/u);
    for (const p of block.problems) expect(p.hint).not.toBe('');
  });

  it('reads an open end as ongoing, a point’s range at its start, a period of one date, and refuses a marker’s range', () => {
    const block = asBlock(
      read(
        ['- [2020~] Still going', '* [2020~2021] A point', '@ [1990] One-date period', '= [2020~2021] A marker'].join(
          '\n',
        ),
      ),
    );
    expect(rows(block)).toEqual([
      ['2020 – present', 'Still going', '', null, 'event'],
      ['2020', 'A point', '', null, 'event'],
      ['1990', 'One-date period', '', null, 'period'],
      [null, 'A marker', '', null, 'marker'],
    ]);
    expect(block.problems.map((p) => p.line)).toEqual([11, 12, 13]);
    expectReadableDates(block);
  });

  it('keeps lines that are not Chronos items as text, and reports unknown flags', () => {
    const block = asBlock(
      read(['Just a sentence.', '- An item with no date', '> SHOWTODAY', '- [1969-07-20] Apollo 11'].join('\n'), 1),
    );
    expect(rows(block)).toEqual([['1969-07-20', 'Apollo 11', '', null, 'event']]);
    expect(block.kept.map((k) => [k.line, k.text])).toEqual([
      [1, 'Just a sentence.'],
      [2, '- An item with no date'],
    ]);
    expect(block.hidden.map((h) => h.line)).toEqual([3]);
    expect(block.problems.map((p) => p.line)).toEqual([1, 2, 3]);
    expect(block.problems[0]!.message).toMatch(/^Chronos cannot read this line/u);
    expect(block.problems[1]!.message).toMatch(/must be followed by a date in brackets/u);
    expect(block.problems[2]!.message).toMatch(/unknown flag `> SHOWTODAY`/u);
  });
});

describe('Chronos: hostile input', () => {
  it('reads 50,000 lines (over 1 MB) in linear time', () => {
    const lines: string[] = [];
    for (let i = 0; i < 50_000; i++)
      lines.push(
        i % 5 === 0
          ? `# comment ${i}`
          : `- [${1000 + (i % 1000)}-0${1 + (i % 9)}] {Lane ${i % 7}} Event ${i} | ${'x'.repeat(i % 40)}`,
      );
    const value = lines.join('\n');
    expect(value.length).toBeGreaterThan(1_000_000);
    const block = asBlock(timed(() => read(value)));
    expect(block.events).toHaveLength(40_000);
    expect(block.hidden).toHaveLength(10_000);
    expect(block.problems).toEqual([]);
  });

  it('survives unclosed brackets and braces, huge lines and huge years', () => {
    const value = [
      `- [${'1'.repeat(500_000)}] huge year`,
      `- [2020 ${'['.repeat(100_000)}`,
      `- [2020] {${'{'.repeat(100_000)} unclosed group`,
      `- [2020] ${'[['.repeat(100_000)} | ${'|'.repeat(1000)}`,
      `@ ${' '.repeat(200_000)}`,
      `> ${' '.repeat(200_000)}x`,
    ].join('\n');
    const block = asBlock(timed(() => read(value)));
    expect(block.events.map((e) => e.date)).toEqual([null, '2020', '2020']);
    expect(block.events[1]!.title.startsWith('{{')).toBe(true);
    expect(block.problems.length).toBeGreaterThanOrEqual(3);
  });

  it('never throws, and every event keeps its line (property)', () => {
    const piece = fc.constantFrom(
      '-',
      '@',
      '*',
      '=',
      '#',
      '>',
      '[',
      ']',
      '~',
      '{',
      '}',
      '|',
      '[[',
      ']]',
      ' ',
      '\n',
      '2020',
      '-5',
      'T12',
      'x',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const value = parts.join('');
        const block = asBlock(read(value, 7));
        const lineCount = value.split(/\r\n|\r|\n/u).length;
        for (const e of block.events) {
          expect(e.line).toBeGreaterThanOrEqual(7);
          expect(e.line).toBeLessThan(7 + lineCount);
        }
      }),
      { numRuns: 300 },
    );
  });
});
