/** Reading Markwhen documents back, for the parser's and the build's Markwhen tests. */
import { readFileSync } from 'node:fs';
import { parse as parseMarkwhenText, type Event, type EventGroup } from '@markwhen/parser';
import { parseMarkwhen, type Entry, type Timeline } from '../../../src/timeline/index.ts';
import { fixturePath } from './helpers.ts';

/** The Markwhen fixture, read by our reader. */
export const readFixture = (): Timeline =>
  parseMarkwhen(readFileSync(fixturePath('markwhen', 'input.mw'), 'utf8'), {
    file: 'tests/fixtures/markwhen/input.mw',
  });

/** Every entry of a timeline, in order. */
export const entriesOf = (t: Timeline): Entry[] =>
  t.eras.flatMap((era) => era.items.filter((i): i is Entry => i.kind === 'entry'));

/** Every event @markwhen/parser finds, with its section path. */
export function markwhenEvents(doc: string): Array<{ title: string; from: number; to: number; sections: string[] }> {
  const out: Array<{ title: string; from: number; to: number; sections: string[] }> = [];
  const walk = (group: EventGroup, path: string[]) => {
    for (const child of group.children) {
      if ('children' in child) walk(child as EventGroup, [...path, (child as EventGroup).title ?? '']);
      else {
        const event = child as Event;
        const text = event.firstLine.restTrimmed.replace(/^\s*:\s*/u, '');
        out.push({
          // The title ends at ` — ` (the description follows; Markwhen takes a lone `#tag` off the end).
          title: text.split(/\s—(?:\s|$)/u)[0]!.trim(),
          from: Number(/^[+-]?\d+/u.exec(event.dateRangeIso.fromDateTimeIso)![0]),
          to: Number(/^[+-]?\d+/u.exec(event.dateRangeIso.toDateTimeIso)![0]),
          sections: path,
        });
      }
    }
  };
  walk(parseMarkwhenText(doc).events as EventGroup, []);
  return out;
}
