/**
 * Chronos Timeline (clairefro/obsidian-plugin-chronos): ```chronos blocks.
 *
 * As its README documents and its parser (`libs/chronos/ChronosMdParser.ts`)
 * reads them, the first character of each trimmed line says what it is:
 *
 * - `- [Date] Name | Description`, `- [Date~Date] …`: an event (a box, or a
 *   bar over a range);
 * - `@ [Date~Date] Name`: a period (a shaded span);
 * - `* [Date] Name | Description`: a point;
 * - `= [Date] Name`: a marker line (the rest of the line is its name);
 * - `# …`: a comment, ignored;
 * - `> FLAG …`: a display setting (`NOTODAY`, `HEIGHT`, `ORDERBY`,
 *   `DEFAULTVIEW`), case-insensitive.
 *
 * Between the date and the name of `-`, `@` and `*` items come an optional
 * `#color` and then an optional `{Group}` (a swimlane). The description
 * starts at the first `|` that is not inside a `[[wiki|link]]`. Dates are
 * `YYYY-MM-DDThh:mm:ss` with only the year required; a negative year is
 * BCE (`[-550~-20]` is "550 ~ 20 BCE" in the README). An empty date, or an
 * empty end after `~`, is today in Chronos.
 *
 * Chronos refuses the whole block when any line is wrong; we read what we
 * can and report the rest as problems.
 */
import {
  calendarProblem,
  compareDates,
  emptyBlock,
  formatCalendarDate,
  formatRange,
  indentColumn,
  splitLines,
  type CalendarDate,
} from './shared.ts';
import type { PluginBlock, PluginEvent } from './types.ts';

const HINT_SYNTAX =
  'write a Chronos item as `- [1969-07-20] Title | description` (see https://github.com/clairefro/obsidian-plugin-chronos)';
const HINT_DATE =
  'Chronos dates are `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (optionally `THH:mm:ss`), negative years for BCE, and `~` between the ends of a range';

/** Flags the README documents (`> NOTODAY`, `> HEIGHT 300`, `> ORDERBY start|-content`, `> DEFAULTVIEW -3000|3000`). */
const FLAGS = new Set(['notoday', 'height', 'orderby', 'defaultview']);

/** Chronos's own date form (its `utcUtil.ts` isoRegex): the year is required. */
const CHRONOS_DATE = /^(-?)(\d+)(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}))?(?::(\d{2}))?(?::(\d{2}))?(?:\.\d+)?Z?$/u;

/** One Chronos date, or what is wrong with it. The time of day is dropped (the timeline has days at most). */
function readChronosDate(text: string): CalendarDate | string {
  const m = CHRONOS_DATE.exec(text);
  if (!m) return `\`${text}\` is not a Chronos date`;
  const digits = m[2]!.replace(/^0+(?=\d)/u, '');
  if (digits.length > 6) return `the year ${text} is beyond what Chronos can draw (271,821 BCE to 275,761 CE)`;
  const year = Number(digits);
  if (year === 0) return 'there is no year 0 (1 BCE is followed by 1 CE)';
  const date: CalendarDate = {
    year,
    bc: m[1] === '-',
    month: m[3] === undefined ? null : Number(m[3]),
    day: m[4] === undefined ? null : Number(m[4]),
  };
  const wrong = calendarProblem(date);
  if (wrong) return `${wrong} (${text})`;
  if (m[5] !== undefined && Number(m[5]) > 23) return `hour ${m[5]} is not an hour of the day (${text})`;
  if ((m[6] !== undefined && Number(m[6]) > 59) || (m[7] !== undefined && Number(m[7]) > 59))
    return `${text} has minutes or seconds past 59`;
  return date;
}

/** Where the description starts: the first `|` outside a `[[wiki link]]`, or -1. */
function descriptionBar(text: string): number {
  let inLink = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[' && text[i + 1] === '[') {
      inLink = true;
      i++;
    } else if (c === ']' && text[i + 1] === ']') {
      inLink = false;
      i++;
    } else if (c === '|' && !inLink) return i;
  }
  return -1;
}

/** Reads a ```chronos block. */
export function readChronos(value: string, firstLine: number): PluginBlock {
  const block = emptyBlock('chronos');
  const lines = splitLines(value);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const text = raw.trim();
    if (!text) continue;
    const line = firstLine + i;
    const column = indentColumn(raw);
    const lead = text[0];
    if (lead === '#') {
      block.hidden.push({ line, why: 'a Chronos comment (`#`): Chronos ignores the line' });
    } else if (lead === '>') {
      const name = /^>\s*(\w+)/u.exec(text)?.[1];
      if (name && FLAGS.has(name.toLowerCase())) {
        block.hidden.push({ line, why: `the Chronos flag \`> ${name.toUpperCase()}\`, a display setting` });
      } else {
        block.hidden.push({ line, why: 'a Chronos flag (`>`), a display setting' });
        if (name)
          block.problems.push({
            line,
            column,
            message: `Chronos: unknown flag \`> ${name}\` (Chronos shows an error instead of the timeline)`,
            hint: 'Chronos knows the flags NOTODAY, HEIGHT, ORDERBY and DEFAULTVIEW',
          });
      }
    } else if (lead === '-' || lead === '@' || lead === '*' || lead === '=') {
      readItem(block, text, line, column);
    } else {
      block.kept.push({ line, text, why: 'not a Chronos item (it starts with none of `- @ * = # >`)' });
      block.problems.push({
        line,
        column,
        message: 'Chronos cannot read this line (Chronos shows an error instead of the timeline); it is kept as text',
        hint: HINT_SYNTAX,
      });
    }
  }
  return block;
}

const KINDS = { '-': 'event', '*': 'event', '@': 'period', '=': 'marker' } as const;

/** One `-`, `@`, `*` or `=` line. */
function readItem(block: PluginBlock, text: string, line: number, column: number): void {
  const type = text[0] as keyof typeof KINDS;
  const open = text.slice(1).search(/\S/u) + 1;
  const close = open > 0 && text[open] === '[' ? text.indexOf(']', open + 1) : -1;
  if (close < 0) {
    block.kept.push({ line, text, why: `a Chronos \`${type}\` line without a \`[date]\`` });
    block.problems.push({
      line,
      column,
      message: `Chronos: \`${type}\` must be followed by a date in brackets (\`${type} [1969-07-20] …\`); the line is kept as text`,
      hint: HINT_SYNTAX,
    });
    return;
  }
  const written = text.slice(open + 1, close).trim();
  const dateColumn = column + open;
  const kind = KINDS[type];
  let rest = text.slice(close + 1).trim();
  let group: string | null = null;
  let title: string;
  let description = '';
  if (type === '=') {
    // A marker's name is the rest of its line, as Chronos reads it (no colour, group or description).
    title = rest;
  } else {
    const color = /^#\w+/u.exec(rest);
    if (color) rest = rest.slice(color[0].length).trimStart();
    const braces = /^\{([^}]+)\}/u.exec(rest);
    if (braces) {
      group = braces[1]!.trim() || null;
      rest = rest.slice(braces[0].length).trimStart();
    }
    const bar = descriptionBar(rest);
    title = (bar < 0 ? rest : rest.slice(0, bar)).trim();
    description = bar < 0 ? '' : rest.slice(bar + 1).trim();
  }
  const event: PluginEvent = { line, column, date: null, written, title, description, group, kind };
  event.date = readItemDate(block, type, written, line, dateColumn);
  block.events.push(event);
}

/** The date of an item, normalised; null (with a problem) when it cannot be read. */
function readItemDate(block: PluginBlock, type: string, written: string, line: number, column: number): string | null {
  const problem = (message: string, hint = HINT_DATE) =>
    block.problems.push({ line, column, message: `Chronos: ${message}`, hint });
  const parts = written.split('~').map((p) => p.trim());
  if (parts.length > 2) {
    problem(`\`[${written}]\` has more than one \`~\`; the event is left undated`);
    return null;
  }
  if (!parts[0]) {
    problem(
      parts.length === 1
        ? 'an empty date (Chronos draws the item at today’s date); the event is left undated'
        : `\`[${written}]\` has no start (Chronos starts it today); the event is left undated`,
    );
    return null;
  }
  const start = readChronosDate(parts[0]);
  if (typeof start === 'string') {
    const hyphenRange =
      parts.length === 1 &&
      !CHRONOS_DATE.test(parts[0]) &&
      /^-?\d+(?:-\d{2}){0,2}\s*[-–—]\s*-?\d+(?:-\d{2}){0,2}$/u.test(parts[0]);
    problem(
      hyphenRange
        ? `\`[${written}]\`: the ends of a range are separated by \`~\`, not a dash; the event is left undated`
        : `${start}; the event is left undated`,
    );
    return null;
  }
  if (parts.length === 1) {
    if (type === '@') problem('a period needs a start and an end (`@ [start~end] Name`); it is read as one date');
    return formatCalendarDate(start);
  }
  if (type === '=') {
    problem(`a marker takes one date, not \`[${written}]\` (Chronos refuses it); the marker is left undated`);
    return null;
  }
  if (type === '*') {
    problem(`a point takes one date; Chronos draws \`[${written}]\` at its start`);
    return formatCalendarDate(start);
  }
  if (!parts[1]) return formatRange(start, 'present');
  const end = readChronosDate(parts[1]);
  if (typeof end === 'string') {
    problem(`${end}; the event is left undated`);
    return null;
  }
  if (compareDates(start, end) > 0) {
    problem(`\`[${written}]\` ends before it starts (Chronos refuses it); the event is left undated`);
    return null;
  }
  return formatRange(start, end);
}
