/**
 * The new readings (issue #21) on hostile notes, from the review of the
 * change: a plugin's text never reaches a page as HTML, what the author hid
 * stays hidden whichever shape it hides in, and no shape can crash the build
 * with a deep call stack or hang it on a long line.
 */
import { describe, expect, it } from 'vitest';
import type { Timeline } from '../../src/timeline/index.ts';
import { entries, parse } from './support/helpers.ts';

const HEAVY = 60_000;
const json = (t: Timeline) => JSON.stringify(t);

describe('a plugin’s unreadable date is text, never markup', () => {
  it.each([
    ['chronos', '```chronos\n- [<svg/onload=alert(1)>]\n```'],
    ['ob-timelines', '<span class="ob-timelines" data-date="&lt;svg onload=alert(2)&gt;"></span>'],
    ['timeline', '```timeline\n+ <svg onload=alert(4)>\n+ \n+ c\n```'],
  ])('%s', (_name, block) => {
    const t = parse(`## 1990\n\n${block}\n`);
    const [entry] = entries(t);
    expect(entry?.titleHtml).not.toMatch(/<svg/iu);
    expect(entry?.titleHtml).toContain('&#x3C;svg');
  });
});

describe('what the author hid stays hidden', () => {
  it.each([
    [
      'a span inside a hidden div',
      '<div style="display:none"><span class="ob-timelines" data-date="1990-01-01-00" data-title="SECRET1">SECRET2</span></div>',
    ],
    [
      'a hidden element inside an event’s text',
      '<div class="ob-timelines" data-date="1990-01-01-00" data-title="T">shown <b hidden>SECRET1</b></div>',
    ],
    ['a comment in a timeline callout', '> [!timeline] Events\n> - **1990** A\n> <!--\n> - **1991** SECRET1\n> -->'],
    [
      'a hidden element in a callout, a quoted `>` before it',
      '> [!timeline] Events\n> - **1990** A\n> <div title=">" hidden>\n> - **1991** SECRET1\n> </div>',
    ],
  ])('%s', (_name, block) => {
    const t = parse(`## 1990\n\n${block}\n`);
    expect(json(t)).not.toMatch(/SECRET/u);
  });

  it('makes no empty event of a paragraph that held only hidden HTML', () => {
    const t = parse('## 1990\n\n- An event\n\n<span hidden>x</span>\n');
    expect(entries(t).map((e) => e.title)).toEqual(['An event']);
  });

  it('reads no event from a plugin element written as code', () => {
    const t = parse(
      "## 1990\n\n- An event\n\nWrite events as `<span class='ob-timelines' data-date='1990' data-title='Docs'>x</span>` in notes.\n",
    );
    expect(entries(t).some((e) => e.title === 'Docs')).toBe(false);
    expect(json(t)).toContain('Write events as');
  });
});

describe('no shape crashes or hangs the build', () => {
  it(
    'reads 130,000 table rows without overflowing the stack (a spread of that many arguments did)',
    () => {
      const rows = Array.from({ length: 130_000 }, (_, i) => `| ${1000 + (i % 1000)} | e |`).join('\n');
      expect(entries(parse(`## 1990s\n\n| Year | X |\n|---|---|\n${rows}\n`))).toHaveLength(130_000);
    },
    HEAVY,
  );

  it('keeps a topic after many entries as text in their chapter', () => {
    const t = parse(`## 1990s\n\n${'- 1991: a\n'.repeat(5_000)}\n## Sources\n\ntext\n`);
    expect(t.eras).toHaveLength(1);
    expect(t.eras[0]!.items.at(-1)).toMatchObject({ kind: 'note', content: { text: 'text' } });
  });

  it(
    'parses a plugin’s text behind the same guards as the note',
    () => {
      const t = parse('## 1990\n\n```chronos\n- [1990] T | ' + '*a_ '.repeat(20_000) + '[['.repeat(20_000) + '\n```\n');
      expect(entries(t)).toHaveLength(1);
    },
    HEAVY,
  );

  it(
    'reads 20,000 headings of each kind: topics, day headings',
    () => {
      const topics = Array.from({ length: 20_000 }, (_, i) => `## Topic ${i}\n\nSome text.\n`).join('\n');
      expect(parse(`# T\n\n${topics}`).eras.length).toBeGreaterThan(0);
      const days = Array.from(
        { length: 20_000 },
        (_, i) => `### 2019-01-${String(1 + (i % 28)).padStart(2, '0')}\n\nSomething.\n`,
      ).join('\n');
      expect(entries(parse(`# T\n\n## 2019\n\n${days}`))).toHaveLength(20_000);
    },
    HEAVY,
  );

  it('removes attribute lists and reads titles on lines with long runs of spaces', () => {
    const t = parse(`## 1990\n\n- 1990: a${' '.repeat(100_000)}{x\n- 1991: b${' '.repeat(100_000)}{: .c}\n`);
    expect(entries(t).map((e) => e.yearLabel)).toEqual(['1990', '1991']);
  });
});
