/**
 * `> [!timeline]` callouts, in the forms their CSS snippets document:
 * SlRvb's ITS Theme (SlRvb/Obsidian--ITS-Theme, Guide/Callouts.md,
 * "## Timeline": `> [!timeline|t-l] **Title** _Subtitle_`), FireIsGood's
 * "Timeline callout" snippet ("How to use": `> [!timeline|red] Title` and a
 * body), and callouts listing dated items with a bold lead
 * (`> **2024 Q1** — Event A happened`, `> - **10:00** First meal`), as notes
 * in public vaults write them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTimelineCallout, type CalloutLine } from '../../../src/timeline/shapes/plugins/index.ts';
import { expectReadableDates, rows, timed } from './support.ts';

/** Body lines as the caller passes them: without `> `, from the line after the callout's first. */
const body = (first: number, ...texts: string[]): CalloutLine[] =>
  texts.map((text, i) => ({ text, line: first + i, column: 3 }));

describe('[!timeline] callouts: one event each', () => {
  it('reads ITS’s documented form, whose subtitle is no date: the event is undated (ITS Guide/Callouts.md)', () => {
    const block = readTimelineCallout('timeline|t-l', '**Title** _Subtitle_', body(2, 'Left aligned timeline piece'))!;
    expect(block.plugin).toBe('callout');
    expect(rows(block)).toEqual([[null, 'Title', '*Subtitle*\n\nLeft aligned timeline piece', null, 'event']]);
    expect(block.events[0]).toMatchObject({ line: 1, column: 1, written: '**Title** _Subtitle_' });
    expect(block.problems).toHaveLength(1);
    expect(block.problems[0]).toMatchObject({ line: 1, column: 1 });
    expect(block.problems[0]!.message).toMatch(/no date in its title/u);
  });

  it('reads ITS’s form with the date in the subtitle, as its note templates place it', () => {
    const block = readTimelineCallout(
      'timeline',
      '**Rome Founded** _753 BC_',
      body(11, 'Romulus founds the city on the Palatine.', '', 'Its walls are *sacred*.'),
      { line: 10, column: 3 },
    )!;
    expect(rows(block)).toEqual([
      ['753 BC', 'Rome Founded', 'Romulus founds the city on the Palatine.\n\nIts walls are *sacred*.', null, 'event'],
    ]);
    expect(block.events[0]).toMatchObject({ line: 10, column: 3, written: '753 BC' });
    expect(block.problems).toEqual([]);
    // A date on the callout's line makes it one event, even when its body has bold dates.
    const right = readTimelineCallout(
      'timeline|t-r t-2',
      '**Something Happened** *1066*',
      body(2, '**14 October** Hastings.'),
    )!;
    expect(rows(right)).toEqual([['1066', 'Something Happened', '**14 October** Hastings.', null, 'event']]);
    expectReadableDates(block);
  });

  it('reads FireIsGood’s form: the title is the label left of the line; a heading opening the card names the event', () => {
    const undated = readTimelineCallout(
      'timeline|red',
      'Title',
      body(2, 'Lorem, ipsum dolor sit amet consectetur, adipisicing elit.'),
    )!;
    expect(rows(undated)).toEqual([
      [null, 'Title', 'Lorem, ipsum dolor sit amet consectetur, adipisicing elit.', null, 'event'],
    ]);
    expect(undated.problems).toHaveLength(1);
    const dated = readTimelineCallout('timeline|blue', '1969', body(2, '## Moon landing ##', 'Apollo 11 lands.'))!;
    expect(rows(dated)).toEqual([['1969', 'Moon landing', 'Apollo 11 lands.', null, 'event']]);
    const bold = readTimelineCallout('timeline', 'c. 1450', body(2, '', '**Printing press**', 'Gutenberg.'))!;
    expect(rows(bold)).toEqual([['c. 1450', 'Printing press', 'Gutenberg.', null, 'event']]);
    const range = readTimelineCallout('timeline', '1914 – 1918', body(2, 'The Great War.'))!;
    expect(rows(range)).toEqual([['1914 – 1918', '', 'The Great War.', null, 'event']]);
    for (const b of [dated, bold, range]) expectReadableDates(b);
  });

  it('reads a date before a separator, or a bold date, on the callout line', () => {
    expect(rows(readTimelineCallout('timeline', '1969-07-20 — Moon landing', body(2, 'One small step.')))).toEqual([
      ['1969-07-20', 'Moon landing', 'One small step.', null, 'event'],
    ]);
    expect(rows(readTimelineCallout('timeline', '**1989-11-09** Fall of the Wall', []))).toEqual([
      ['1989-11-09', 'Fall of the Wall', '', null, 'event'],
    ]);
    expect(rows(readTimelineCallout('timeline', 'July 1969: Apollo 11 | Moon', []))).toEqual([
      ['July 1969', 'Apollo 11 | Moon', '', null, 'event'],
    ]);
    // A title that only contains a number is not a date.
    const apollo = readTimelineCallout('timeline', 'Apollo 11', body(2, 'Launched in July.'))!;
    expect(rows(apollo)).toEqual([[null, 'Apollo 11', 'Launched in July.', null, 'event']]);
  });

  it('reads Chinese and Japanese titles', () => {
    const zh = readTimelineCallout('timeline', '1949年：中华人民共和国成立', body(2, '开国大典在北京举行。'))!;
    expect(rows(zh)).toEqual([['1949年', '中华人民共和国成立', '开国大典在北京举行。', null, 'event']]);
    const ja = readTimelineCallout('timeline|t-r', '**明治維新** _1868年_', body(2, '江戸幕府が倒れる。'))!;
    expect(rows(ja)).toEqual([['1868年', '明治維新', '江戸幕府が倒れる。', null, 'event']]);
    const century = readTimelineCallout('timeline', '十九世纪', body(2, '## 工业革命', '蒸汽机普及。'))!;
    expect(rows(century)).toEqual([['十九世纪', '工业革命', '蒸汽机普及。', null, 'event']]);
    for (const b of [zh, ja, century]) expectReadableDates(b);
  });
});

describe('[!timeline] callouts: dated items', () => {
  it('reads bold-lead items, one event each (a public vault’s "Timeline Construction")', () => {
    const block = readTimelineCallout(
      'timeline',
      '',
      body(5, '**2024 Q1** — Event A happened', '**2024 Q3** — Event B followed', '**2025 Q1** — Current state'),
    )!;
    expect(rows(block)).toEqual([
      ['2024 Q1', 'Event A happened', '', null, 'event'],
      ['2024 Q3', 'Event B followed', '', null, 'event'],
      ['2025 Q1', 'Current state', '', null, 'event'],
    ]);
    expect(block.events.map((e) => [e.line, e.column])).toEqual([
      [5, 5],
      [6, 5],
      [7, 5],
    ]);
    expect(block.kept).toEqual([]);
  });

  it('keeps the title and text before the first item, takes the lines after an item as its description', () => {
    const block = readTimelineCallout(
      'Timeline+',
      'The space race',
      body(
        2,
        'From Sputnik to Apollo.',
        '- **1957-10-04** Sputnik 1',
        '  The first artificial satellite.',
        '- **1961-04-12**: Gagarin orbits the Earth',
        '- 1969-07-20 — Apollo 11',
        '1. **1972** – Apollo 17',
      ),
    )!;
    expect(rows(block)).toEqual([
      ['1957-10-04', 'Sputnik 1', 'The first artificial satellite.', null, 'event'],
      ['1961-04-12', 'Gagarin orbits the Earth', '', null, 'event'],
      ['1969-07-20', 'Apollo 11', '', null, 'event'],
      ['1972', 'Apollo 17', '', null, 'event'],
    ]);
    expect(block.events.map((e) => [e.line, e.column])).toEqual([
      [3, 7],
      [5, 7],
      [6, 5],
      [7, 8],
    ]);
    expect(block.kept).toEqual([
      { line: 1, text: 'The space race', why: 'the title of a timeline callout of dated items' },
      { line: 2, text: 'From Sputnik to Apollo.', why: 'text in a timeline callout before its first dated item' },
    ]);
    expect(block.problems).toEqual([]);
    expectReadableDates(block);
  });

  it('reports an item whose lead is a time of day, and reads Chinese items', () => {
    const meals = readTimelineCallout(
      'timeline',
      'Meal rhythm',
      body(2, '- **10:00** First meal · 30 g', '- **6:00** Kitchen closed'),
    )!;
    expect(rows(meals)).toEqual([
      [null, 'First meal · 30 g', '', null, 'event'],
      [null, 'Kitchen closed', '', null, 'event'],
    ]);
    expect(meals.problems.map((p) => [p.line, p.column])).toEqual([
      [2, 7],
      [3, 7],
    ]);
    const zh = readTimelineCallout(
      'timeline',
      '秦汉',
      body(2, '- **公元前221年** 秦统一六国', '- **公元前202年**：西汉建立'),
    )!;
    expect(rows(zh)).toEqual([
      ['公元前221年', '秦统一六国', '', null, 'event'],
      ['公元前202年', '西汉建立', '', null, 'event'],
    ]);
    expectReadableDates(zh);
  });
});

describe('[!timeline] callouts: other types and odd input', () => {
  it('returns null for other callout types, and reads an empty timeline callout as nothing', () => {
    expect(readTimelineCallout('note', '1969', body(2, 'x'))).toBeNull();
    expect(readTimelineCallout('timelines', '1969', [])).toBeNull();
    expect(readTimelineCallout('timeline', '', [])).toEqual({
      plugin: 'callout',
      events: [],
      kept: [],
      hidden: [],
      problems: [],
    });
  });

  it('reads 50,000 item lines (over 1 MB) in linear time, and survives unclosed emphasis and huge titles', () => {
    const lines = body(
      2,
      ...Array.from({ length: 50_000 }, (_, i) =>
        i % 2 ? `continued ${'z'.repeat(20)}` : `- **${1000 + (i % 999)}** Event ${i}`,
      ),
    );
    const block = timed(() => readTimelineCallout('timeline', 'Many', lines))!;
    expect(block.events).toHaveLength(25_000);
    expect(block.events[1]!.description).toBe(`continued ${'z'.repeat(20)}`);
    const huge = timed(() =>
      readTimelineCallout(
        'timeline',
        `**${'x'.repeat(1_000_000)}`,
        body(2, `- **${'1'.repeat(1_000_000)}`, '#'.repeat(6) + ' #'.repeat(200_000)),
      ),
    )!;
    expect(huge.events).toHaveLength(1);
    const hashes = timed(() => readTimelineCallout('timeline', '1969', body(2, `## ${' #'.repeat(300_000)}x`)))!;
    expect(hashes.events).toHaveLength(1);
  });

  it('never throws (property)', () => {
    const piece = fc.constantFrom(
      '**',
      '__',
      '*',
      '_',
      '- ',
      '1. ',
      '1969',
      '—',
      ': ',
      '|',
      '## ',
      '#',
      ' ',
      'x',
      '年',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 20 }).map((p) => p.join('')),
        fc.array(
          fc.array(piece, { maxLength: 20 }).map((p) => p.join('')),
          { maxLength: 8 },
        ),
        (title, texts) => {
          const block = readTimelineCallout('timeline|t-l', title, body(2, ...texts));
          expect(block).not.toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });
});
