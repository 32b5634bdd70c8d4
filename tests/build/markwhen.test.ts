/**
 * A Markwhen file built for real: its pages, and its exports, which
 * @markwhen/parser reads back to the same events.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entriesOf, markwhenEvents, readFixture } from '../parser/support/markwhen.ts';
import { buildSite } from './support/build-site.ts';

describe('a Markwhen file built for real', () => {
  let dir = '';
  beforeAll(() => {
    dir = buildSite({ TIMELINE_NOTE: 'tests/fixtures/markwhen/input.mw' }, 180_000);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');

  it('builds the chaptered site: a page per section, entries with their dates', () => {
    expect(readdirSync(join(dir, 'eras')).sort()).toEqual([
      'antiquity',
      'from-the-pyramids-to-gpt-4',
      'the-modern-world',
    ]);
    const page = read('eras/antiquity/index.html');
    expect(page).toContain('Battle of Marathon');
    expect(page).toMatch(/<time class="entry__year"[^>]*>490 BCE<\/time>/u);
    expect(read('index.html')).toContain('490 BC–AD 80');
  });

  it('exports its BCE events to timeline.json and itself to timeline.mw', () => {
    const tl = JSON.parse(read('timeline.json')) as {
      events: Array<{ start_date: { year: number }; text: { headline: string } }>;
    };
    expect(tl.events.find((e) => e.text.headline === 'Great Pyramid of Giza completed')?.start_date.year).toBe(-2560);
    const events = markwhenEvents(read('timeline.mw'));
    expect(events.map((e) => e.title)).toEqual(entriesOf(readFixture()).map((e) => e.title));
  });

  it('links both exports from the overview', () => {
    const overview = read('overview/index.html');
    expect(overview).toMatch(/<a href="\/timeline\.json"[^>]*>timeline\.json<\/a>/u);
    expect(overview).toMatch(/<a href="\/timeline\.mw"[^>]*>timeline\.mw<\/a>/u);
  });
});
