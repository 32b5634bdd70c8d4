/**
 * George-debug's Timeline plugin (George-debug/obsidian-timeline):
 * ```timeline and ```timeline-labeled blocks.
 *
 * Its README and `readme_source/timeline_tag.md` show ```timeline as `+`
 * lines taken three by three, time, title and content:
 *
 *     + 13th April 1969
 *     + Enim sit amet venenatis urna
 *     + Lorem ipsum dolor sit amet…
 *
 * The plugin (`src/script/TagParsers.ts`) splits the block at every line
 * starting with `+` (after spaces), so a field runs on over the lines up to
 * the next `+` line; blank lines between events are allowed; a last event
 * may lack its title or content. Anything before the first `+` is the
 * optional `[class, class]` list for the wrapper and is not shown.
 *
 * ```timeline-labeled (`readme_source/timeline_labeled_tag.md`) labels the
 * fields instead: lines starting `date:`, `title:` and `content:`
 * (case-insensitive, after spaces), in that order, each field running on
 * to the next label; every `date:` starts an event.
 *
 * All three fields are Markdown to the plugin (`<br>` breaks a line); the
 * time is free text (`16:30<br> 29th June 2000`), passed on cleaned for the
 * caller's date grammar.
 */
import { cleanFreeDate, emptyBlock, hasDigit, joinText, splitLines } from './shared.ts';
import type { PluginBlock } from './types.ts';

const HINT =
  'write each event as three `+` lines, date, title and content (see https://github.com/George-debug/obsidian-timeline)';
const HINT_LABELED = 'write each event as `date: …`, `title: …` and `content: …` lines';

/** A field of an event: where it starts and its lines. */
interface Field {
  line: number;
  column: number;
  lines: string[];
}

/** Whether a ```timeline block holds George-debug's `+` lines. */
export function hasPlusLines(value: string): boolean {
  return /^[ \t]*\+/mu.test(value);
}

/** Lines before the first field: the wrapper's class list, or text the plugin ignores. */
function hidePreamble(block: PluginBlock, lines: string[], firstLine: number, what: string): void {
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.trim();
    if (!text) continue;
    block.hidden.push({
      line: firstLine + i,
      why: /^\[.*\]$/u.test(text)
        ? 'the list of CSS classes for the timeline’s wrapper (`[…]`), not shown'
        : `text before the first ${what}, which the plugin does not show`,
    });
  }
}

/** Reads George-debug's ```timeline block (`+` lines). */
export function readGeorgeTimeline(value: string, firstLine: number): PluginBlock {
  const block = emptyBlock('timeline');
  const lines = splitLines(value);
  const fields: Field[] = [];
  let preamble = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const plus = /^[ \t]*\+ ?/u.exec(raw);
    if (plus) {
      if (!fields.length) preamble = i;
      fields.push({ line: firstLine + i, column: plus[0].length + 1, lines: [raw.slice(plus[0].length)] });
    } else if (fields.length) {
      fields[fields.length - 1]!.lines.push(raw);
    }
  }
  hidePreamble(block, lines.slice(0, preamble), firstLine, '`+` line');
  for (let i = 0; i < fields.length; i += 3) {
    const [time, title, content] = [fields[i]!, fields[i + 1], fields[i + 2]];
    addEvent(block, time, title, content, 'timeline');
    if (!content)
      block.problems.push({
        line: time.line,
        column: time.column,
        message: `Timeline: the last event has ${title ? 'a date and a title but no content' : 'a date only'} (the plugin takes \`+\` lines three by three)`,
        hint: HINT,
      });
  }
  return block;
}

/** Reads George-debug's ```timeline-labeled block (`date:`, `title:`, `content:`). */
export function readGeorgeLabeled(value: string, firstLine: number): PluginBlock {
  const block = emptyBlock('timeline-labeled');
  const lines = splitLines(value);
  const events: Array<{ date: Field; title?: Field; content?: Field }> = [];
  let current: Field | null = null;
  let preamble = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const label = /^[ \t]*(date|title|content):[ \t]?/iu.exec(raw);
    const name = label?.[1]!.toLowerCase();
    const last = events[events.length - 1];
    const field = label
      ? { line: firstLine + i, column: label[0].length + 1, lines: [raw.slice(label[0].length)] }
      : null;
    // As the plugin's pattern reads them: a `date:` always starts an event; `title:` counts once, before `content:`.
    if (field && name === 'date') {
      if (!events.length) preamble = i;
      events.push({ date: field });
      current = field;
    } else if (field && last && name === 'title' && !last.title && !last.content) {
      last.title = current = field;
    } else if (field && last && name === 'content' && !last.content) {
      last.content = current = field;
    } else if (current) {
      current.lines.push(raw);
    }
  }
  hidePreamble(block, lines.slice(0, preamble), firstLine, '`date:` line');
  for (const e of events) addEvent(block, e.date, e.title, e.content, 'timeline-labeled');
  return block;
}

/** One event from its fields. */
function addEvent(
  block: PluginBlock,
  time: Field,
  title: Field | undefined,
  content: Field | undefined,
  plugin: string,
): void {
  const written = time.lines
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');
  const date = cleanFreeDate(written);
  const hint = plugin === 'timeline' ? HINT : HINT_LABELED;
  if (!date) {
    block.problems.push({
      line: time.line,
      column: time.column,
      message: 'Timeline: an event with no date; it is left undated',
      hint,
    });
  } else if (!hasDigit(date)) {
    block.problems.push({
      line: time.line,
      column: time.column,
      message: `Timeline: the date \`${date}\` has no number${plugin === 'timeline' ? ': a missing or extra `+` line above shifts dates, titles and contents' : ''}`,
      hint,
    });
  }
  block.events.push({
    line: time.line,
    column: time.column,
    date,
    written,
    title: title
      ? title.lines
          .map((l) => l.trim())
          .filter(Boolean)
          .join(' ')
          .replace(/<br\s*\/?>/giu, ' ')
          .replace(/\s+/gu, ' ')
          .trim()
      : '',
    description: content ? joinText(content.lines) : '',
    group: null,
    kind: 'event',
  });
}
