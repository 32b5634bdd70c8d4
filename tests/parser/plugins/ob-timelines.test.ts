/**
 * The Timelines plugin's HTML events (`<span|div class="ob-timelines" …>`),
 * as Darakah/obsidian-timelines documents them in its README.md (and
 * src/block.ts reads them), and as seanlowe/obsidian-timelines ("Timelines
 * (Revamped)") documents them in docs/content/docs/02_events/02_html_events.md
 * and docs/content/docs/03_arguments/01_html_arguments.md.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readObTimelinesHtml } from '../../../src/timeline/shapes/plugins/index.ts';
import { expectReadableDates, rows, timed } from './support.ts';

const read = (html: string, line = 1, column = 1) => readObTimelinesHtml(html, line, column);
const span = (attrs: string, text = '') => `<span class='ob-timelines' ${attrs}>${text}</span>`;

describe('Timelines: the documented events', () => {
  it('reads Darakah’s README example, whose fantasy date (month 43) cannot be placed (Darakah README "Inserting a Timeline")', () => {
    const html = [
      '<span ',
      "\t  class='ob-timelines' ",
      "\t  data-date='144-43-49-00' ",
      "\t  data-title='Another Event' ",
      "\t  data-class='orange' ",
      "\t  data-img = 'Timeline Example/Timeline_2.jpg' ",
      "\t  data-type='range' ",
      '\t  data-end="2000-10-20-00"> ',
      '\tA second event!',
      '</span>',
    ].join('\n');
    const block = read(html, 12, 1)!;
    expect(block.plugin).toBe('ob-timelines');
    expect(rows(block)).toEqual([[null, 'Another Event', 'A second event!', null, 'event']]);
    expect(block.events[0]).toMatchObject({ line: 12, column: 1, written: '144-43-49-00 – 2000-10-20-00' });
    expect(block.problems).toHaveLength(1);
    expect(block.problems[0]).toMatchObject({ line: 12, column: 1 });
    expect(block.problems[0]!.message).toMatch(/month 43 is not a calendar month \(a fictional calendar/u);
    expect(block.unclosed).toBeUndefined();
  });

  it('reads a range event, and an empty span with a title only (Darakah README "Timeline Entry")', () => {
    const html = `${span(
      "data-date='2000-10-10-00' data-title='Another Event' data-class='orange' data-img = 'Timeline Example/Timeline_2.jpg' data-type='range' data-end='2000-10-20-00'",
      ' \n\tA second event!\n',
    )}\n<span class='ob-timelines' data-date='1499-03-28-00' data-title="An example"></span>`;
    const block = read(html)!;
    expect(rows(block)).toEqual([
      ['2000-10-10 – 2000-10-20', 'Another Event', 'A second event!', null, 'period'],
      ['1499-03-28', 'An example', '', null, 'event'],
    ]);
    expect(block.events.map((e) => [e.line, e.column])).toEqual([
      [1, 1],
      [4, 1],
    ]);
    expect(block.problems).toEqual([]);
    expect(block.kept).toEqual([]);
    expectReadableDates(block);
  });

  it('reads zero parts at the right as absent, and the text as the description (Darakah’s first README)', () => {
    const html =
      "<span class='ob-timelines' data-date='1444-10-00-00' data-title='TITLE' data-img = 'URL' data-class = \"customCardCSS\"> D\n  E S C R I P T I O N </span> ";
    expect(rows(read(html))).toEqual([['1444-10', 'TITLE', 'D\nE S C R I P T I O N', null, 'event']]);
    expect(rows(read(span("data-date='2300-02-00-00'")))).toEqual([['2300-02', '', '', null, 'event']]);
    expect(rows(read(span("data-date='2300-00-00-00'")))).toEqual([['2300', '', '', null, 'event']]);
  });

  it('reads seanlowe’s span and div events with data-start-date and data-end-date (02_events/02_html_events.md)', () => {
    const html = [
      '<span',
      "  class='ob-timelines'",
      "  data-start-date='2000-10-10-00'",
      "  data-end-date='2000-10-20-00'",
      "  data-title='Time Period Event'",
      "  data-color='orange'",
      "  data-img='absolute/path/to/image.png'",
      "  data-type='background'",
      '>',
      '  Some Time Period that only lasted 10 days',
      '</span>',
      '',
      '<div',
      "  class='ob-timelines'",
      "  data-start-date='2000-10-11-00'",
      "  data-end-date='2000-10-12-00'",
      "  data-title='Another Event'",
      "  data-type='range'",
      '>',
      '  A minimal event',
      '</div>',
    ].join('\n');
    const block = read(html, 30, 1)!;
    expect(rows(block)).toEqual([
      ['2000-10-10 – 2000-10-20', 'Time Period Event', 'Some Time Period that only lasted 10 days', null, 'period'],
      ['2000-10-11 – 2000-10-12', 'Another Event', 'A minimal event', null, 'period'],
    ]);
    expect(block.events.map((e) => e.line)).toEqual([30, 42]);
    expect(block.problems).toEqual([]);
    expectReadableDates(block);
  });

  it('reads the revamp’s shorter dates, and refuses its fantasy examples (03_arguments/01_html_arguments.md)', () => {
    const block = read(
      [
        span("data-start-date='1984'"),
        span("data-start-date='2300-02'"),
        span("data-start-date='2300-02-01'"),
        span("data-start-date='2300-02-01-00'"),
        span("data-start-date='-123-45-678-9'"),
        span("data-start-date='9991-3-477-9817'"),
      ].join('\n'),
    )!;
    expect(block.events.map((e) => e.date)).toEqual(['1984', '2300-02', '2300-02-01', '2300-02-01', null, null]);
    expect(block.problems.map((p) => p.line)).toEqual([5, 6]);
    expect(block.problems[1]!.message).toMatch(/day 477/u);
  });

  it('reads negative years and `data-era` BC as before Christ, AD years, and refuses fictional eras', () => {
    const block = read(
      [
        span("data-date='-490-00-00-00' data-title='Marathon'"),
        span("data-date='490-00-00-00' data-era='BC' data-title='Marathon again'"),
        span("data-date='-44-03-15-00' data-era='B.C.' data-title='Ides of March'"),
        span("data-date='144-00-00-00' data-era='AD'"),
        span("data-date='-500-00-00-00' data-end='-400-00-00-00' data-type='range'"),
        span("data-date='2300-00-00-00' data-era='AB' data-title='Fantasy'"),
        span("data-date='-5-00-00-00' data-era='AD'"),
        span("data-date='0000-00-00-00'"),
      ].join('\n'),
    )!;
    expect(rows(block)).toEqual([
      ['490 BC', 'Marathon', '', null, 'event'],
      ['490 BC', 'Marathon again', '', null, 'event'],
      ['15 March 44 BC', 'Ides of March', '', null, 'event'],
      ['AD 144', '', '', null, 'event'],
      ['500 BC – 400 BC', '', '', null, 'period'],
      [null, 'Fantasy', '', null, 'event'],
      [null, '', '', null, 'event'],
      [null, '', '', null, 'event'],
    ]);
    expect(block.events[5]!.written).toBe('2300-00-00-00 AB');
    expect(block.problems.map((p) => p.line)).toEqual([6, 7, 8]);
    expect(block.problems[0]!.message).toMatch(/era `AB` names a calendar/u);
    expectReadableDates(block);
  });

  it('prefers data-description to the text, decodes references, and reads Chinese and Japanese', () => {
    const block = read(
      [
        '<div class="ob-timelines" data-date="-221-00-00-00" data-era="BC" data-title="秦统一六国">秦王嬴政称<b>始皇帝</b>。</div>',
        '<div class="ob-timelines" data-date="1949-10-01-00" data-title="中华人民共和国成立">开国大典<br>在北京举行</div>',
        "<span class='ob-timelines' data-date='1868-01-03-00' data-title='明治維新' data-description='王政復古の大号令'>無視される本文</span>",
        '<span class="ob-timelines" data-date="1940-01-01-00" data-title="Tom &amp; Jerry &#x1F431;">&lt;cartoon&gt; &amp; more</span>',
      ].join('\n'),
    )!;
    expect(rows(block)).toEqual([
      ['221 BC', '秦统一六国', '秦王嬴政称始皇帝。', null, 'event'],
      ['1949-10-01', '中华人民共和国成立', '开国大典\n在北京举行', null, 'event'],
      ['1868-01-03', '明治維新', '王政復古の大号令', null, 'event'],
      ['1940-01-01', 'Tom & Jerry 🐱', '<cartoon> & more', null, 'event'],
    ]);
    expectReadableDates(block);
  });

  it('reports a missing date, an end on a point, a range without an end, a bad end and a backwards range', () => {
    const block = read(
      [
        span("data-title='No date'"),
        span("data-date='2000-01-01-00' data-end='2001-01-01-00' data-type='point'"),
        span("data-date='2000-01-01-00' data-type='background'"),
        span("data-date='2000-01-01-00' data-end='soon'"),
        span("data-date='2001-01-01-00' data-end='2000-01-01-00'"),
      ].join('\n'),
    )!;
    expect(rows(block)).toEqual([
      [null, 'No date', '', null, 'event'],
      ['2000-01-01', '', '', null, 'event'],
      ['2000-01-01', '', '', null, 'event'],
      ['2000-01-01', '', '', null, 'event'],
      [null, '', '', null, 'event'],
    ]);
    expect(block.problems.map((p) => p.line)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('Timelines: fragments as the Markdown parser gives them', () => {
  it('reads an opening tag alone and says its content follows', () => {
    const block = read('<span class="ob-timelines" data-date="1969-07-20-00" data-title="Apollo 11">', 7, 4)!;
    expect(rows(block)).toEqual([['1969-07-20', 'Apollo 11', '', null, 'event']]);
    expect(block.events[0]).toMatchObject({ line: 7, column: 4 });
    expect(block.unclosed).toBe('span');
    const div = read('<div class=ob-timelines data-date=1969-07-20-00>\nThe landing.', 1)!;
    expect(rows(div)).toEqual([['1969-07-20', '', 'The landing.', null, 'event']]);
    expect(div.unclosed).toBe('div');
  });

  it('returns null for fragments with no event: a closing tag, other HTML, a class that only starts alike', () => {
    expect(read('</span>')).toBeNull();
    expect(read('<span class="highlight">ob-timelines</span>')).toBeNull();
    expect(
      read("<span class='ob-timelines-interpretation' data-date='2004-01-02-12:55' data-event_title='E'></span>"),
    ).toBeNull();
    expect(read('<!-- <span class="ob-timelines" data-date="2000-01-01-00"></span> -->')).toBeNull();
    expect(read("<!--TIMELINE BEGIN tags='test;now'--><!--TIMELINE END-->")).toBeNull();
  });

  it('reads an event among other HTML, keeps that HTML, and takes any class list holding ob-timelines', () => {
    const block = read(
      '<p>Intro</p>\n<div class="card ob-timelines" data-date="1989-11-09-00" data-title="Wall falls">Berlin</div>\n<p>After</p>',
      3,
    )!;
    expect(rows(block)).toEqual([['1989-11-09', 'Wall falls', 'Berlin', null, 'event']]);
    expect(block.kept).toEqual([
      { line: 3, text: '<p>Intro</p>', why: 'HTML around the Timelines event' },
      { line: 5, text: '<p>After</p>', why: 'HTML around the Timelines event' },
    ]);
  });

  it('ends an unclosed event at the next one, and nests same-name elements', () => {
    const block = read(
      `${"<div class='ob-timelines' data-date='1900-00-00-00'>first <div>inner</div> still first"}<div class='ob-timelines' data-date='1901-00-00-00'>second</div>`,
    )!;
    expect(rows(block)).toEqual([
      ['1900', '', 'first\ninner\nstill first', null, 'event'],
      ['1901', '', 'second', null, 'event'],
    ]);
    expect(block.unclosed).toBeUndefined();
  });
});

describe('Timelines: hostile input', () => {
  it('reads 20,000 events (over 1 MB) in linear time', () => {
    const html = Array.from(
      { length: 20_000 },
      (_, i) =>
        `<span class="ob-timelines" data-date="${1000 + (i % 999)}-01-01-00" data-title="E${i}">${'t'.repeat(i % 20)}</span>`,
    ).join('\n');
    expect(html.length).toBeGreaterThan(1_000_000);
    const block = timed(() => read(html))!;
    expect(block.events).toHaveLength(20_000);
    expect(block.events[19_999]!.line).toBe(20_000);
  });

  it('survives unclosed quotes, unclosed tags, deep nesting and a megabyte of angle brackets', () => {
    const unclosedQuote = timed(() => read(`<span class="ob-timelines" data-date="2000${'x'.repeat(1_000_000)}`))!;
    expect(unclosedQuote.events).toEqual([]);
    expect(unclosedQuote.problems[0]!.message).toMatch(/not closed/u);
    expect(timed(() => read('<'.repeat(1_000_000)))).toBeNull();
    expect(timed(() => read(`ob-timelines ${'<a'.repeat(500_000)}`))).toBeNull();
    const deep = timed(() =>
      read(`<div class="ob-timelines" data-date="2000-01-01-00">${'<div>'.repeat(200_000)}deep`),
    )!;
    expect(rows(deep)).toEqual([['2000-01-01', '', 'deep', null, 'event']]);
    expect(deep.unclosed).toBe('div');
    const attrs = timed(() => read(`<span class="ob-timelines" ${'a='.repeat(300_000)} data-date="2000">x</span>`))!;
    expect(attrs.events).toHaveLength(1);
    const entities = timed(() => read(span("data-date='2000'", '&amp'.repeat(200_000))))!;
    expect(entities.events).toHaveLength(1);
  });

  it('never throws (property)', () => {
    const piece = fc.constantFrom(
      '<span',
      '<div',
      '</span>',
      '</div>',
      ' class="ob-timelines"',
      " class='ob-timelines",
      ' data-date="',
      '2000-01-01-00',
      '-5',
      '"',
      "'",
      '>',
      '/>',
      '<!--',
      '-->',
      '&amp;',
      '\n',
      'text',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const block = read(parts.join(''), 5, 3);
        if (block) for (const e of block.events) expect(e.line).toBeGreaterThanOrEqual(5);
      }),
      { numRuns: 400 },
    );
  });
});
