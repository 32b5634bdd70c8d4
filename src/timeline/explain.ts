/**
 * How a note was read, for its author: each chapter with its period and
 * lines, each entry with its line, title and date, what was kept as text and
 * why, and the counts. `npm run explain -- <note>` prints it; every build
 * prints the one line of counts ({@link countLine}).
 */
import type { Era, EraItem, Timeline } from './types.ts';

/** `6 chapters, 48 entries (48 dated), 3 blocks kept as text`. */
export function countLine(timeline: Timeline): string {
  const items = timeline.eras.flatMap((era) => era.items);
  const entries = items.filter((item) => item.kind === 'entry');
  const dated = entries.filter((entry) => entry.date && (entry.date.from !== null || entry.date.to !== null));
  const text = items.filter((item) => item.kind === 'block' || item.kind === 'note').length;
  const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  return `${plural(timeline.eras.length, 'chapter')}, ${plural(entries.length, 'entry', 'entries')} (${dated.length.toLocaleString('en')} dated), ${plural(text, 'block')} kept as text`;
}

/** How an entry was written, when not as a `Title: text` or `DATE: text` line. */
const SHAPES = {
  line: '',
  prose: 'a dated sentence or a date alone, titled by its first clause',
  bullet: 'a bullet under its date',
  day: 'a day heading and its text, one event',
  row: 'a table row',
  block: 'a timeline plugin’s event',
} as const;

/** Why an item that is no entry was kept as text. */
function why(item: EraItem): string {
  if (item.kind === 'note') return 'a line with no date and no `Title: text` separator';
  if (item.kind !== 'block') return '';
  if (item.type === 'list') return 'list items with no date and no `Title: text` separator';
  if (item.type === 'heading')
    return 'a heading with no date below the sub-periods, or a section with no period and no events';
  return `a ${item.type} block: only paragraphs and list items are read as entries`;
}

/** The first line of some text, cut to about 60 characters on a word. */
function excerpt(text: string): string {
  const line =
    text
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? '';
  if (line.length <= 60) return line;
  const cut = line.slice(0, 60);
  const space = cut.lastIndexOf(' ');
  return `${space > 30 ? cut.slice(0, space) : cut}…`;
}

/** Lines `from`–`to` of each chapter: to the line before the next chapter, the last to the note's end. */
function lineRanges(eras: readonly Era[], lastLine: number): Array<[number, number]> {
  return eras.map((era, i) => [era.position.line, (eras[i + 1]?.position.line ?? lastLine + 1) - 1]);
}

/** The whole report, one line per chapter, item and count. */
export function explain(timeline: Timeline, source: string): string {
  const out: string[] = [`${timeline.file}: “${timeline.meta.title}” (${timeline.meta.lang})`];
  if (timeline.preface) out.push(`  preface: ${excerpt(timeline.preface.text) || '(no text)'}`);
  const ranges = lineRanges(timeline.eras, source.split('\n').length);
  timeline.eras.forEach((era, i) => {
    const [from, to] = ranges[i]!;
    out.push('', `chapter ${era.ordinal}, lines ${from}–${to}: ${era.heading || '(untitled)'}`);
    out.push(`  period: ${era.period ? era.period.label : 'none'}`);
    for (const item of era.items) {
      const at = `  ${String(item.position.line).padStart(5)}`;
      if (item.kind === 'entry') {
        const date = item.date
          ? `${item.date.label}${item.dateSource === 'title' ? '' : ` (from its ${item.dateSource})`}`
          : 'undated';
        const shape = item.shape === 'line' ? '' : `  ·  ${SHAPES[item.shape]}`;
        out.push(`${at}  entry     ${item.title}  ·  ${date}${shape}`);
      } else if (item.kind === 'subperiod') {
        out.push(`${at}  period    ${item.heading}${item.period ? '' : '  (no period)'}`);
      } else {
        const text = item.kind === 'note' ? item.content.text : item.content.text;
        out.push(
          `${at}  text      ${excerpt(text) || `(${item.kind === 'block' ? item.type : 'note'})`}  ·  ${why(item)}`,
        );
      }
    }
  });
  if (timeline.dropped.length) {
    out.push('', 'left out on purpose:');
    for (const d of timeline.dropped) out.push(`  ${String(d.line).padStart(5)}  ${d.why}`);
  }
  out.push('', countLine(timeline));
  if (timeline.warnings.length)
    out.push(`${timeline.warnings.length.toLocaleString('en')} warning(s): see the build's output`);
  return out.join('\n');
}
