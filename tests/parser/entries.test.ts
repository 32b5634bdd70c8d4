/**
 * Which lines are entries, and what an entry is made of. Each case is one
 * line under an era heading, as an author would type it in Obsidian.
 */
import { describe, expect, it } from 'vitest';
import type { Entry, EraItem } from '../../src/timeline/index.ts';
import { parse } from './support/helpers.ts';

/** The items of a one-era note whose body is `body`. */
function itemsOf(body: string): EraItem[] {
  return parse(`## Era 2000\n\n${body}\n`).eras[0]!.items;
}

/** The one entry that `line` should give. */
function entryOf(line: string): Entry {
  const items = itemsOf(line);
  expect(items.map((i) => i.kind)).toEqual(['entry']);
  return items[0] as Entry;
}

describe('a line that is an entry', () => {
  it.each([
    // The full-width colon, as in the default note.
    { line: 'LSTM（1997）：单元状态。', title: 'LSTM', year: '1997', description: '单元状态。' },
    // An ASCII colon followed by a space.
    { line: 'Radio (1920): First broadcast.', title: 'Radio', year: '1920', description: 'First broadcast.' },
    // Only the first colon splits; later ones stay in the description.
    { line: 'A：b：c', title: 'A', year: null, description: 'b：c' },
    { line: 'A: b: c', title: 'A', year: null, description: 'b: c' },
    // A full-width colon needs no space.
    { line: 'Title：desc', title: 'Title', year: null, description: 'desc' },
    // A colon in an earlier link, code span or URL is not the separator.
    { line: '[a: b](https://x.org) c: d', title: 'a: b c', year: null, description: 'd' },
    { line: '`k: v` setting: explained', title: 'k: v setting', year: null, description: 'explained' },
    { line: 'https://a.org/x:y site: z', title: 'https://a.org/x:y site', year: null, description: 'z' },
    // Bold and italic titles, with the colon inside or outside.
    { line: '**Bold**：desc', title: 'Bold', year: null, description: 'desc' },
    { line: '**Bold:** desc', title: 'Bold', year: null, description: 'desc' },
    { line: '*Italic*: desc', title: 'Italic', year: null, description: 'desc' },
    { line: '***Both*** (1999)：desc', title: 'Both', year: '1999', description: 'desc' },
    { line: '**Bold (1999)**：desc', title: 'Bold', year: '1999', description: 'desc' },
    // A year range in either kind of parenthesis.
    { line: 'Sex Pistols (1977–1978): One album.', title: 'Sex Pistols', year: '1977–1978', description: 'One album.' },
    { line: '张国荣（1995年）：专辑。', title: '张国荣', year: '1995年', description: '专辑。' },
    // A parenthesis that holds no year stays in the title.
    {
      line: 'LLM Reasoning（o1/MCTS/rStaR 等）：可解释性',
      title: 'LLM Reasoning（o1/MCTS/rStaR 等）',
      year: null,
      description: '可解释性',
    },
    // A title that is only a year.
    { line: '（1997）：a year alone', title: '1997', year: '1997', description: 'a year alone' },
    // An empty description after a full-width colon is still an entry.
    { line: 'Title：', title: 'Title', year: null, description: '' },
  ])('$line', ({ line, title, year, description }) => {
    const entry = entryOf(line);
    expect(entry.title).toBe(title);
    expect(entry.yearLabel).toBe(year);
    expect(entry.description.text).toBe(description);
  });

  it.each([
    // A link title: the URL becomes the entry's link, the text its title.
    { line: '[OpenAI](https://openai.com)：desc', title: 'OpenAI', link: 'https://openai.com', year: null },
    {
      line: '[Duke](https://example.com/duke) (1927): desc',
      title: 'Duke',
      link: 'https://example.com/duke',
      year: '1927',
    },
    { line: '**[Bold link](https://b.org)**：desc', title: 'Bold link', link: 'https://b.org', year: null },
    // A reference-style link, with its definition further down the note.
    {
      line: '[ChatGPT][cg]：desc\n\n[cg]: https://chat.openai.com',
      title: 'ChatGPT',
      link: 'https://chat.openai.com',
      year: null,
    },
    // A wiki link title shows its alias and has no URL (no other notes are published).
    { line: '[[Cab Calloway|Cab]] (1931): desc', title: 'Cab', link: null, year: '1931' },
    { line: '[[Page]]：desc', title: 'Page', link: null, year: null },
  ])('link title: $line', ({ line, title, link, year }) => {
    const items = itemsOf(line);
    const entry = items[0] as Entry;
    expect(entry.kind).toBe('entry');
    expect(entry.title).toBe(title);
    expect(entry.link).toBe(link);
    expect(entry.yearLabel).toBe(year);
    // The title is rendered without an <a>: the entry as a whole links.
    expect(entry.titleHtml).not.toContain('<a');
    expect(entry.description.text).toBe('desc');
  });

  it('marks a wiki-link title as an unresolved wiki link', () => {
    expect(entryOf('[[Page]]：desc').titleHtml).toBe('<span class="wikilink wikilink-unresolved">Page</span>');
  });

  it.each([
    // Script URLs are dropped, with a warning at the entry.
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
  ])('drops the unsafe link %s and warns', (url) => {
    const timeline = parse(`## Era 2000\n\n[Click](${url})：desc\n`);
    const entry = timeline.eras[0]!.items[0] as Entry;
    expect(entry.kind).toBe('entry');
    expect(entry.link).toBeNull();
    expect(timeline.warnings).toEqual([
      expect.objectContaining({ line: 3, column: 1, message: expect.stringContaining('not a safe URL') }),
    ]);
    expect(timeline.warnings[0]!.hint).toBeTruthy();
  });
});

describe('a line that is not an entry', () => {
  it.each([
    // No colon at all.
    '这一行没有冒号，是一条注释。',
    // An ASCII colon with no space after it: times, ratios, URLs.
    'Shows started at 12:30 at night.',
    'Ratio 16:9',
    'https://example.com/a:b',
    // Colons only inside code or a link.
    '`a: b` is YAML',
    '[a: b](https://x.org)',
    // A colon with nothing before it.
    '：no title',
    // An ASCII colon at the end of the line (nothing follows).
    'Ends with a colon:',
  ])('%s is a note', (line) => {
    const items = itemsOf(line);
    expect(items.map((i) => i.kind)).toEqual(['note']);
  });
});

describe('entry descriptions keep their inline Markdown, sanitized', () => {
  it.each([
    // Strike, emphasis, code and links render as HTML.
    ['X：~~gone~~', '<del>gone</del>'],
    ['X：*em* and **strong**', '<em>em</em> and <strong>strong</strong>'],
    ['X：use `npm i`', 'use <code>npm i</code>'],
    ['X：see [docs](https://d.org)', 'see <a href="https://d.org" rel="noopener noreferrer">docs</a>'],
    ['X：see https://d.org now', 'see <a href="https://d.org" rel="noopener noreferrer">https://d.org</a> now'],
    // A reference-style link resolves against a definition elsewhere in the note.
    ['X：see [docs][d]\n\n[d]: https://d.org', 'see <a href="https://d.org" rel="noopener noreferrer">docs</a>'],
    // Raw HTML is parsed and cleaned: no scripts, no event handlers, no script URLs.
    ['X：<b>ok</b><script>alert(1)</script>', '<b>ok</b>'],
    ['X：<img src="p.png" onerror="alert(1)">', '<img src="p.png" alt="" loading="lazy" decoding="async">'],
    ['X：[click](javascript:alert(1))', '<a>click</a>'],
  ])('%s → %s', (line, html) => {
    const entry = itemsOf(line)[0] as Entry;
    expect(entry.kind).toBe('entry');
    expect(entry.description.html).toBe(html);
  });
});

describe('lines of a paragraph', () => {
  it('reads every line of a paragraph on its own: entries and notes in order', () => {
    const items = itemsOf('first note\nsecond note\nX：y\nthird note\nZ: w');
    expect(items.map((i) => (i.kind === 'entry' ? `entry ${i.title}` : i.kind))).toEqual([
      'note',
      'entry X',
      'note',
      'entry Z',
    ]);
    // Consecutive note lines stay one note, shown with its line break.
    const note = items[0]!;
    expect(note.kind === 'note' && note.content.html).toBe('first note<br>\nsecond note');
    expect(note.kind === 'note' && note.content.text).toBe('first note\nsecond note');
  });

  it.each([
    // A hard break (two trailing spaces or a backslash) splits lines too.
    ['X：y  \nZ：w\\\nQ：r', ['X', 'Z', 'Q']],
    // Soft breaks, as in the default note.
    ['X：y\nZ：w\nQ：r', ['X', 'Z', 'Q']],
  ])('splits %j into entries', (body, titles) => {
    const items = itemsOf(body);
    expect(items.map((i) => i.kind === 'entry' && i.title)).toEqual(titles);
    // Each entry stands at its own line.
    expect(items.map((i) => i.position.line)).toEqual([3, 4, 5]);
  });
});

describe('list items', () => {
  it('reads each list item that is an entry as one, and keeps the other items as lists at their place', () => {
    const items = itemsOf('3. one\n4. X: y\n5. two\n6. three');
    expect(items.map((i) => (i.kind === 'entry' ? i.title : i.kind === 'block' ? i.type : i.kind))).toEqual([
      'list',
      'X',
      'list',
    ]);
    // Ordered lists keep their numbering around the entry.
    expect(items[0]!.kind === 'block' && items[0]!.content.html).toBe('<ol start="3">\n<li>one</li>\n</ol>');
    expect(items[2]!.kind === 'block' && items[2]!.content.html).toBe(
      '<ol start="5">\n<li>two</li>\n<li>three</li>\n</ol>',
    );
    // Each piece stands where it is in the note.
    expect(items.map((i) => i.position.line)).toEqual([3, 4, 5]);
  });

  it('keeps the nested blocks of an entry item in its description', () => {
    const entry = itemsOf('- X: y\n  - sub a\n  - sub b\n\n  more')[0] as Entry;
    expect(entry.kind).toBe('entry');
    expect(entry.description.html).toBe('<p>y</p>\n<ul>\n<li>sub a</li>\n<li>sub b</li>\n</ul>\n<p>more</p>');
    // Block text keeps the gaps between blocks.
    expect(entry.description.text).toBe('y\nsub a\nsub b\nmore');
  });

  it('reads a list of entries and plain items in one group', () => {
    const items = itemsOf('- Radio (1920): First broadcast.\n- **Records:** The 78 rpm disc.\n- a plain item');
    expect(items.map((i) => (i.kind === 'entry' ? i.title : i.kind))).toEqual(['Radio', 'Records', 'block']);
    expect(new Set(items.map((i) => i.group)).size).toBe(1);
    // A list entry starts at its text, after the bullet.
    expect(items[0]!.position).toEqual({ line: 3, column: 3 });
  });
});
