/**
 * How a note's structure is read (issue #21): chapters at any heading level,
 * never an error for want of `##`, topic sections kept as text, undated items
 * never given a date they do not stand under, warnings only for real
 * problems, the preface's heading kept, attribute lists removed, and the
 * timeline plugins' blocks read or left out, as the explanation says.
 */
import { describe, expect, it } from 'vitest';
import { countLine, explain } from '../../src/timeline/explain.ts';
import type { Entry, EraItem, Timeline } from '../../src/timeline/index.ts';
import { bodyText, comparable, entries, modelText, parse } from './support/helpers.ts';

const trace = (items: EraItem[]) =>
  items.map((i) =>
    i.kind === 'entry'
      ? `entry ${i.title} @ ${i.date?.label ?? '-'}`
      : i.kind === 'block'
        ? `block ${i.type}`
        : i.kind === 'subperiod'
          ? `period ${i.heading}`
          : `note ${i.content.text}`,
  );
const chapters = (t: Timeline) => t.eras.map((e) => [e.heading, e.period?.from ?? null, e.period?.to ?? null]);
const expectNothingLost = (source: string) =>
  expect(comparable(modelText(parse(source)))).toBe(comparable(bodyText(source)));

describe('the chapter level comes from the note', () => {
  it('reads `#` chapters with periods, and the `##` year headings under them as their sub-periods', () => {
    const source = [
      '# Edo (1603–1868)',
      '',
      '## 1603',
      '',
      '- Tokugawa Ieyasu becomes shōgun',
      '',
      '## 1639',
      '',
      '- The country is closed to Portuguese ships',
      '',
      '# Meiji (1868–1912)',
      '',
      '## 1868',
      '',
      '- The Charter Oath',
      '',
    ].join('\n');
    const t = parse(source);
    expect(chapters(t)).toEqual([
      ['Edo (1603–1868)', 1603, 1868],
      ['Meiji (1868–1912)', 1868, 1912],
    ]);
    expect(trace(t.eras[0]!.items)).toEqual([
      'period 1603',
      'entry Tokugawa Ieyasu becomes shōgun @ 1603',
      'period 1639',
      'entry The country is closed to Portuguese ships @ 1639',
    ]);
    expect(entries(t).map((e) => e.dateSource)).toEqual(['heading', 'heading', 'heading']);
    expect(t.warnings).toEqual([]);
    expectNothingLost(source);
  });

  it('keeps the only `#` heading as the title, and reads `###` chapters when they are the only ones', () => {
    const t = parse(
      '# Notes on Rome\n\nA preface.\n\n### Kings 753–509 BC\n\n- 753 BC: Rome founded\n\n### Republic 509–27 BC\n\n- 44 BC: Caesar killed\n',
    );
    expect(t.titleHeading).toBe('Notes on Rome');
    expect(t.preface?.text).toBe('A preface.');
    expect(chapters(t)).toEqual([
      ['Kings 753–509 BC', -752, -508],
      ['Republic 509–27 BC', -508, -26],
    ]);
    expect(entries(t).map((e) => [e.title, e.date?.from])).toEqual([
      ['Rome founded', -752],
      ['Caesar killed', -43],
    ]);
  });

  it('builds a note with no heading at all as one chapter named after it, its intro the preface', () => {
    const source =
      '---\ntitle: Space race\n---\n\nWhat I keep.\n\n- 1957: Sputnik 1\n- 1961: Gagarin orbits the Earth\n';
    const t = parse(source);
    expect(chapters(t)).toEqual([['Space race', null, null]]);
    expect(t.preface?.text).toBe('What I keep.');
    expect(entries(t).map((e) => e.title)).toEqual(['Sputnik 1', 'Gagarin orbits the Earth']);
    expect(countLine(t)).toBe('1 chapter, 2 entries (2 dated), 0 blocks kept as text');
  });

  it('reads chapters from an outline whose top items carry periods', () => {
    const source = [
      '- Warring States (475–221 BC)',
      '  - 356 BC: Shang Yang’s reforms in Qin',
      '  - 260 BC: Battle of Changping',
      '- Qin (221–206 BC)',
      '  - 221 BC: Qin unifies China',
      '',
    ].join('\n');
    const t = parse(source, 'china.md');
    expect(chapters(t)).toEqual([
      ['Warring States (475–221 BC)', -474, -220],
      ['Qin (221–206 BC)', -220, -205],
    ]);
    expect(entries(t).map((e) => [e.title, e.date?.from])).toEqual([
      ['Shang Yang’s reforms in Qin', -355],
      ['Battle of Changping', -259],
      ['Qin unifies China', -220],
    ]);
    expectNothingLost(source);
  });

  it('keeps a topic section with no period and no events as text in the chapter before it, and one before all chapters in the preface', () => {
    const source = [
      '## Sources',
      '',
      'Books I read.',
      '',
      '## 1990s',
      '',
      '- 1991: The web goes public',
      '',
      '## Climate',
      '',
      'Warm, then warmer.',
      '',
      '## 2000s',
      '',
      '- 2004: Facebook',
      '',
    ].join('\n');
    const t = parse(source);
    expect(chapters(t)).toEqual([
      ['1990s', 1990, 1999],
      ['2000s', 2000, 2009],
    ]);
    expect(t.preface?.text).toContain('Books I read.');
    expect(trace(t.eras[0]!.items)).toEqual([
      'entry The web goes public @ 1991',
      'block heading',
      'note Warm, then warmer.',
    ]);
    expect(t.warnings).toEqual([]);
    expectNothingLost(source);
  });
});

describe('dates are given only where the note gives them', () => {
  it('does not date bullets under a topic heading, after a rule, or under a date heading whose events are written out', () => {
    const t = parse(
      [
        '## 2019',
        '',
        '- Moved to Kyoto',
        '',
        '### Reading list',
        '',
        '- A book about temples',
        '',
        '## 2020',
        '',
        '- Learned to bake',
        '',
        '---',
        '',
        '- an aside after the rule',
        '',
        '## 2021',
        '',
        'Vaccine (2021): first dose.',
        '',
        '- a note, not an event',
        '',
      ].join('\n'),
    );
    expect(t.eras.map((e) => trace(e.items))).toEqual([
      ['entry Moved to Kyoto @ 2019', 'period Reading list', 'block list'],
      ['entry Learned to bake @ 2020', 'block thematicBreak', 'block list'],
      ['entry Vaccine @ 2021', 'block list'],
    ]);
  });

  it('reads a day heading with only its text as one event, and a day with entries of its own as a sub-period', () => {
    const t = parse(
      [
        '## 2019',
        '',
        '### 09/21',
        '',
        '- Arrived in Osaka late at night, tired',
        '- Ramen near the station',
        '',
        '### 09/22',
        '',
        '- Castle: the keep in the morning',
        '- Aquarium: whale sharks',
        '',
      ].join('\n'),
    );
    const [day] = entries(t);
    expect(day).toMatchObject({ shape: 'day', titleExcerpt: true, yearLabel: '09/21' });
    expect(day!.title).toBe('Arrived in Osaka late at night, tired');
    expect(day!.description.text).toContain('Ramen near the station');
    expect(day!.date?.start).toMatchObject({ year: 2019, month: 9, day: 21 });
    expect(trace(t.eras[0]!.items).slice(1)).toEqual([
      'period 09/22',
      'entry Castle @ 09/22',
      'entry Aquarium @ 09/22',
    ]);
  });
});

describe('dates written relative to the heading above', () => {
  it('reads a month and day under a month heading in the year of the chapter', () => {
    const t = parse('## 2019\n\n### 10月\n\n- 10.15：台风\n');
    expect(entries(t)[0]!.date?.start).toMatchObject({ year: 2019, month: 10, day: 15 });
  });

  it('reads a weekday beside a day, and a season alone, under a one-year heading', () => {
    const t = parse(
      '## 2024年\n\n- 1月1日（月）：能登半島地震\n- 冬：寒波\n\n## 2023\n\n### January\n\n- Kickoff meeting\n',
    );
    expect(entries(t).map((e) => [e.title, e.date?.start?.year, e.date?.start?.month, e.date?.start?.day])).toEqual([
      ['能登半島地震', 2024, 1, 1],
      ['寒波', 2024, 12, null],
      ['Kickoff meeting', 2023, 1, null],
    ]);
  });
});

describe('a date heading written backwards', () => {
  it('gives its bullets no date (it has none), keeps them as a list, and warns at the heading', () => {
    const t = parse('## 序曲\n\n### 1453–1204\n\n- ==א==\n- [[a]]：**Radio**\n');
    expect(t.eras[0]!.items.map((i) => i.kind)).toEqual(['subperiod', 'block', 'entry']);
    expect(t.warnings.map((w) => [w.line, w.message])[0]).toEqual([
      3,
      expect.stringContaining('ends before it starts'),
    ]);
  });
});

describe('warnings are for real problems', () => {
  it('warns about a date outside its sub-period only when it does not overlap it at all', () => {
    const t = parse(
      [
        '## Late Republic 133–27 BC',
        '',
        '### The First Triumvirate 60–53 BC',
        '',
        'Cicero (106 – 43 BC): orator and consul.',
        'Crassus dies (53 BC): at Carrhae.',
        'Actium (31 BC): a typo for the next chapter.',
        '',
      ].join('\n'),
    );
    expect(t.warnings.map((w) => [w.line, w.message])).toEqual([
      [7, '“Actium” (31 BC) lies outside its sub-period “The First Triumvirate 60–53 BC”'],
    ]);
  });
});

describe('titles and text', () => {
  it('removes kramdown and Pandoc attribute lists, and never splits at a colon inside brackets', () => {
    const source = [
      '## The 1960s {#sixties}',
      '',
      '![Moon](moon.png){: .align-center}',
      '',
      '1969-07-20: Apollo 11 lands {.highlight}',
      '',
      '{: .notice}',
      '',
    ].join('\n');
    const t = parse(source);
    expect(t.eras[0]!.heading).toBe('The 1960s');
    expect(JSON.stringify(t)).not.toMatch(/align-center|\.highlight|\.notice|#sixties/u);
    expect(entries(t).map((e) => e.title)).toEqual(['Apollo 11 lands']);
  });

  it('gives an event with no title of its own its first clause, and the rest of its text, once', () => {
    const t = parse(
      '## 1519\n\n- Magellan sets sail from Sanlúcar, with five ships, some two hundred and seventy men and supplies for two years\n' +
        '- Later, the fleet winters at San Julián and quells a mutiny, then finds the strait to the Pacific in the spring\n' +
        '- 麦哲伦的船队从圣卢卡尔出发，共有五艘船、约二百七十人和两年的给养，向西寻找通往香料群岛的航路，这是人类第一次环球航行的开始，途中历经风暴、叛乱和饥饿，最终只有维多利亚号一艘船回到了西班牙\n',
    );
    const [e, second, zh] = entries(t) as Entry[];
    expect(e!.title).toBe('Magellan sets sail from Sanlúcar');
    expect(e!.titleExcerpt).toBe(false);
    expect(e!.description.text).toBe('with five ships, some two hundred and seventy men and supplies for two years');
    // A clause of a few characters is no title: the next one ends it.
    expect(second!.title).toBe('Later, the fleet winters at San Julián and quells a mutiny');
    expect(second!.description.text).toBe('then finds the strait to the Pacific in the spring');
    expect(zh!.title).toBe('麦哲伦的船队从圣卢卡尔出发');
    expect(zh!.description.text).toBe(
      '共有五艘船、约二百七十人和两年的给养，向西寻找通往香料群岛的航路，这是人类第一次环球航行的开始，途中历经风暴、叛乱和饥饿，最终只有维多利亚号一艘船回到了西班牙',
    );
  });

  it('keeps the whole text as description where the title is only its first words', () => {
    const words = 'Magellan sets sail from Sanlúcar de Barrameda with five ships and some two hundred and seventy men';
    const [e] = entries(parse(`## 1519\n\n- ${words} aboard\n`)) as Entry[];
    expect(e!.title).toMatch(/^Magellan sets sail.*…$/u);
    expect(e!.titleExcerpt).toBe(true);
    expect(e!.description.text).toBe(`${words} aboard`);
  });
});

describe('the timeline plugins’ blocks', () => {
  const source = [
    '## Revolutions (1789–1815)',
    '',
    '```chronos',
    '# not shown by Chronos',
    '- [1789-07-14] Storming of the Bastille | The fortress falls.',
    '@ [1792~1804] First Republic',
    '```',
    '',
    '```timeline-vis',
    'tags=history',
    '```',
    '',
    '<span class="ob-timelines" data-date="1815-06-18-00" data-title="Waterloo">The end of the Hundred Days.</span>',
    '',
  ].join('\n');
  const t = parse(source);

  it('reads their events as entries with their dates, never as code', () => {
    expect(entries(t).map((e) => [e.title, e.date?.from, e.date?.to, e.shape, e.description.text.trim()])).toEqual([
      ['Storming of the Bastille', 1789, 1789, 'block', 'The fortress falls.'],
      ['First Republic', 1792, 1804, 'block', ''],
      ['Waterloo', 1815, 1815, 'block', 'The end of the Hundred Days.'],
    ]);
    expect(t.eras[0]!.items.some((i) => i.kind === 'block')).toBe(false);
    expect(t.warnings).toEqual([]);
  });

  it('leaves out a block that renders other notes’ events and a plugin’s comment, and says so in the explanation', () => {
    expect(t.dropped.map((d) => d.line)).toEqual([4, 9]);
    const report = explain(t, source);
    expect(report).toContain('left out on purpose:');
    expect(report).toMatch(/ 9 {2}.*render/u);
    expect(report).toContain('a timeline plugin’s event');
  });
});

describe('the timeline plugins’ blocks keep what the author hid hidden', () => {
  it('reads a callout and a span without their comments and hidden elements', () => {
    const t = parse(
      [
        '## Voyages 1000–2000',
        '',
        '> [!timeline] 1492 — Columbus',
        '> He sails west. %%SECRET1%%',
        '',
        '<span class="ob-timelines" data-date="1066-10-14-00" data-title="Hastings">William wins.</span> <span hidden>SECRET2</span>',
        '',
        '> [!timeline] 1500 — Cabral',
        '> <span hidden>SECRET3</span> text',
        '',
      ].join('\n'),
    );
    expect(JSON.stringify(t)).not.toMatch(/SECRET/u);
    expect(entries(t).map((e) => [e.title, e.yearLabel, e.description.text])).toEqual([
      ['Columbus', '1492', 'He sails west.'],
      ['Hastings', '1066-10-14', 'William wins.'],
    ]);
    // The callout holding a hidden element is shown as a callout, that element left out.
    expect(t.eras[0]!.items.at(-1)).toMatchObject({ kind: 'block', type: 'blockquote' });
  });
});

describe('the preface', () => {
  it('keeps a `#` heading that differs from the frontmatter’s title, and shows a matching one once, as the title', () => {
    const differs = parse('---\ntitle: Short\n---\n\n# A longer heading\n\nIntro.\n\n## A 2000\n\nX: y\n');
    expect(differs.preface?.html).toContain('<h2>A longer heading</h2>');
    const same = parse('---\ntitle: Same\n---\n\n# Same\n\nIntro.\n\n## A 2000\n\nX: y\n');
    expect(same.preface?.html).not.toContain('Same');
    expect(same.meta.title).toBe('Same');
  });
});
