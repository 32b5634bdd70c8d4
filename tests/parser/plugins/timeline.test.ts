/**
 * George-debug's Timeline plugin (George-debug/obsidian-timeline): ```timeline
 * blocks of `+` triples (README.md and readme_source/timeline_tag.md) and
 * ```timeline-labeled blocks (README.md and
 * readme_source/timeline_labeled_tag.md), as src/script/TagParsers.ts reads
 * them; and how a ```timeline block is told apart from the Timelines
 * plugin's render block of the same name (Darakah/obsidian-timelines
 * README.md: a tag list; seanlowe/obsidian-timelines
 * docs/content/docs/01_guides/00_getting_started/01_insert.md: `tags=…`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPluginDrop, readPluginCode, type PluginDrop } from '../../../src/timeline/shapes/plugins/index.ts';
import { asBlock, expectReadableDates, rows, timed } from './support.ts';

const LOREM_1 =
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.';
const LOREM_2 =
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.<br> Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.';

describe('George-debug’s ```timeline: `+` triples', () => {
  it('reads the README’s example (readme_source/timeline_tag.md)', () => {
    const value = [
      '+ 13th April 1969',
      '+ Enim sit amet venenatis urna',
      `+ ${LOREM_1}`,
      '',
      '+ 16:30<br> 29th June 2000',
      '+ Tempor commodo ullamcorper a<br> lacus vestibulum sed arcu',
      `+ ${LOREM_2}`,
    ].join('\n');
    const block = asBlock(readPluginCode('timeline', null, value, 3));
    expect(block.plugin).toBe('timeline');
    expect(rows(block)).toEqual([
      ['13th April 1969', 'Enim sit amet venenatis urna', LOREM_1, null, 'event'],
      // The time of day and the `<br>` go from the date; a `<br>` in a title is a space.
      ['29th June 2000', 'Tempor commodo ullamcorper a lacus vestibulum sed arcu', LOREM_2, null, 'event'],
    ]);
    expect(block.events.map((e) => [e.line, e.column, e.written])).toEqual([
      [3, 3, '13th April 1969'],
      [7, 3, '16:30<br> 29th June 2000'],
    ]);
    expect([block.kept, block.hidden, block.problems]).toEqual([[], [], []]);
    expectReadableDates(block);
  });

  it('hides the class list before the first `+`, and runs a field on over the lines up to the next `+` (README "`[]` is optional!")', () => {
    const value = [
      '[spaced-paragraph, line-3]',
      '+ 1969-07-20',
      '+ **Apollo 11**',
      '+ The first crewed landing on the Moon.',
      '',
      'Armstrong and Aldrin walked on the surface; see [[Apollo program]].',
      '  + 1972-12-14',
      '+ Apollo 17 leaves the Moon',
      '+',
    ].join('\n');
    const block = asBlock(readPluginCode('timeline', null, value, 1));
    expect(rows(block)).toEqual([
      [
        '1969-07-20',
        '**Apollo 11**',
        'The first crewed landing on the Moon.\n\nArmstrong and Aldrin walked on the surface; see [[Apollo program]].',
        null,
        'event',
      ],
      ['1972-12-14', 'Apollo 17 leaves the Moon', '', null, 'event'],
    ]);
    expect(block.events.map((e) => [e.line, e.column])).toEqual([
      [2, 3],
      [7, 5],
    ]);
    expect(block.hidden).toEqual([
      { line: 1, why: 'the list of CSS classes for the timeline’s wrapper (`[…]`), not shown' },
    ]);
    expect(block.problems).toEqual([]);
    expectReadableDates(block);
  });

  it('reads Chinese text', () => {
    const value = [
      '+ 1949年10月1日',
      '+ 中华人民共和国成立',
      '+ 毛泽东在天安门城楼上宣告中央人民政府成立。',
      '**开国大典**随后举行。',
      '+ 公元前221年',
      '+ 秦统一六国',
      '+ 秦王嬴政称始皇帝。',
    ].join('\n');
    const block = asBlock(readPluginCode('timeline', null, value, 1));
    expect(rows(block)).toEqual([
      [
        '1949年10月1日',
        '中华人民共和国成立',
        '毛泽东在天安门城楼上宣告中央人民政府成立。\n**开国大典**随后举行。',
        null,
        'event',
      ],
      ['公元前221年', '秦统一六国', '秦王嬴政称始皇帝。', null, 'event'],
    ]);
    expectReadableDates(block);
  });

  it('reads an incomplete last event, and reports it and a shifted triple', () => {
    const value = [
      '+ 1914',
      '+ The Great War begins',
      '+ The assassination in Sarajevo sets it off.',
      '+ The Great War ends',
      '+ 1918',
      '+ Armistice.',
      '+ 1939',
      '+ ',
    ].join('\n');
    const block = asBlock(readPluginCode('timeline', null, value, 1));
    expect(rows(block)).toEqual([
      ['1914', 'The Great War begins', 'The assassination in Sarajevo sets it off.', null, 'event'],
      ['The Great War ends', '1918', 'Armistice.', null, 'event'],
      ['1939', '', '', null, 'event'],
    ]);
    expect(block.problems.map((p) => [p.line, p.column])).toEqual([
      [4, 3],
      [7, 3],
    ]);
    expect(block.problems[0]!.message).toMatch(/has no number: a missing or extra `\+` line/u);
    expect(block.problems[1]!.message).toMatch(/a date and a title but no content/u);
  });

  it('reports an event with no date', () => {
    const block = asBlock(readPluginCode('timeline', null, '+\n+ Untitled\n+ Body', 1));
    expect(rows(block)).toEqual([[null, 'Untitled', 'Body', null, 'event']]);
    expect(block.problems.map((p) => p.message)).toEqual(['Timeline: an event with no date; it is left undated']);
  });
});

describe('George-debug’s ```timeline-labeled', () => {
  it('reads the README’s example, its class list hidden (README.md, readme_source/timeline_labeled_tag.md)', () => {
    const value = [
      '[line-5, body-3, active-color-interactive-accent-hover]',
      '',
      'date: 13th April 1969',
      'title: Enim sit amet venenatis urna',
      'content:',
      LOREM_1,
      '',
      'date: 16:30<br> 29th June 2000',
      'title: Tempor commodo ullamcorper a<br> lacus vestibulum sed arcu',
      'content:',
      LOREM_2,
    ].join('\n');
    const block = asBlock(readPluginCode('timeline-labeled', null, value, 40));
    expect(block.plugin).toBe('timeline-labeled');
    expect(rows(block)).toEqual([
      ['13th April 1969', 'Enim sit amet venenatis urna', LOREM_1, null, 'event'],
      ['29th June 2000', 'Tempor commodo ullamcorper a lacus vestibulum sed arcu', LOREM_2, null, 'event'],
    ]);
    expect(block.events.map((e) => [e.line, e.column])).toEqual([
      [42, 7],
      [47, 7],
    ]);
    expect(block.hidden.map((h) => h.line)).toEqual([40]);
    expect(block.problems).toEqual([]);
    expectReadableDates(block);
  });

  it('reads Japanese text, labels in any case and indented, content on the label’s line', () => {
    const value = [
      'DATE: 1868年',
      'Title: 明治維新',
      'content: 江戸幕府が倒れ、明治政府が成立した。',
      '  date: 1964年10月10日',
      '  title: 東京オリンピック',
      '  content:',
      '  アジアで初めての夏季大会。',
      '  title: 二つ目の title: は内容の一部',
    ].join('\n');
    const block = asBlock(readPluginCode('timeline-labeled', null, value, 1));
    expect(rows(block)).toEqual([
      ['1868年', '明治維新', '江戸幕府が倒れ、明治政府が成立した。', null, 'event'],
      [
        '1964年10月10日',
        '東京オリンピック',
        'アジアで初めての夏季大会。\n  title: 二つ目の title: は内容の一部',
        null,
        'event',
      ],
    ]);
    expectReadableDates(block);
  });

  it('hides text before the first `date:`, and reads an event with a date only', () => {
    const block = asBlock(readPluginCode('timeline-labeled', null, 'intro\ntitle: orphan\ndate: 2001', 1));
    expect(rows(block)).toEqual([['2001', '', '', null, 'event']]);
    expect(block.hidden.map((h) => h.line)).toEqual([1, 2]);
  });
});

describe('```timeline: George-debug’s or the Timelines plugin’s', () => {
  const drop = (value: string, lang = 'timeline') => readPluginCode(lang, null, value, 1) as PluginDrop;

  it('drops the Timelines plugin’s render blocks: a tag list, `tags=` and options, an empty block', () => {
    for (const value of [
      'test;now', // Darakah/obsidian-timelines README: "the list of tags by which to filter"
      'tags=now;test', // seanlowe: docs/content/docs/01_guides/00_getting_started/01_insert.md
      'tags=Gesch\nstartDate= -800\nendDate= 2200,10,10\ndivHeight=300\nminDate= -2000\nmaxDate= 3500',
      '[history, 中国历史]',
      '#timeline;#war',
      '',
      '\n  \n',
    ]) {
      const result = drop(value);
      expect(result, value).toEqual({ plugin: 'ob-timelines', drop: expect.stringMatching(/other notes/u) });
      expect(isPluginDrop(result)).toBe(true);
    }
  });

  it('drops ```timeline-vis and ```ob-timeline render blocks whatever they hold', () => {
    for (const lang of ['timeline-vis', 'ob-timeline', 'ob-timelines', 'ob-timelines-flat', 'Timeline-Vis'])
      expect(drop('tags=personal\nstartDate=2016,10\nendDate=2019,5', lang)).toHaveProperty('drop');
  });

  it('reads a ```timeline of `+` triples even when it also has a line that looks like an option', () => {
    const block = asBlock(readPluginCode('timeline', null, 'tags=x\n+ 2001\n+ Title\n+ Body', 1));
    expect(rows(block)).toEqual([['2001', 'Title', 'Body', null, 'event']]);
    expect(block.hidden.map((h) => h.line)).toEqual([1]);
  });

  it('leaves other ```timeline syntaxes and other languages alone (null)', () => {
    // recklyss/markdown-timeline's README: `# date`, `## title`, content, `---`: another plugin's, not read here.
    expect(readPluginCode('timeline', null, '# 2024-03-15\n## Event Title\nContent\n\n---', 1)).toBeNull();
    expect(readPluginCode('mermaid', null, 'timeline\n  2002 : LinkedIn', 1)).toBeNull();
    expect(readPluginCode('js', null, '+ 1\n+ 2\n+ 3', 1)).toBeNull();
  });
});

describe('George-debug’s Timeline: hostile input', () => {
  it('reads 50,000 `+` lines (over 1 MB) in linear time', () => {
    const lines: string[] = [];
    for (let i = 0; i < 50_001; i++)
      lines.push(`+ ${i % 3 === 0 ? 1000 + (i % 1000) : `field ${i} ${'y'.repeat(20)}`}`);
    const value = lines.join('\n');
    expect(value.length).toBeGreaterThan(1_000_000);
    const block = asBlock(timed(() => readPluginCode('timeline', null, value, 1)));
    expect(block.events).toHaveLength(16_667);
    const labeled = asBlock(
      timed(() => readPluginCode('timeline-labeled', null, value.replace(/^\+ /gmu, 'date: '), 1)),
    );
    expect(labeled.events).toHaveLength(50_001);
  });

  it('survives one huge field, many `<br>`s, stray emphasis and long runs of spaces', () => {
    const spaced = asBlock(timed(() => readPluginCode('timeline', null, `+ 1\n+ a${' '.repeat(500_000)}b<br>`, 1)));
    expect(spaced.events[0]!.title).toBe('a b');
    expect(isPluginDrop(spaced)).toBe(false);
    const value = `+ ${'<br'.repeat(100_000)} ${'*_'.repeat(100_000)} 12:3${'4'.repeat(100_000)}\n+ ${'x'.repeat(500_000)}`;
    const block = asBlock(timed(() => readPluginCode('timeline', null, value, 1)));
    expect(block.events).toHaveLength(1);
    expect(block.events[0]!.title).toHaveLength(500_000);
  });

  it('never throws (property)', () => {
    const piece = fc.constantFrom(
      '+',
      ' ',
      '\n',
      '\r\n',
      'date:',
      'title:',
      'content:',
      '[a]',
      '<br>',
      '**',
      '2020',
      '年',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 60 }),
        fc.constantFrom('timeline', 'timeline-labeled'),
        (parts, lang) => {
          const result = readPluginCode(lang, null, parts.join(''), 1);
          if (lang === 'timeline-labeled') expect(result).not.toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });
});
