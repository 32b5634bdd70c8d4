/**
 * `[!timeline]` callouts: a callout type that CSS snippets draw as a
 * vertical timeline, each callout one stop on it. Two forms are documented:
 *
 * - SlRvb's ITS Theme (SlRvb/Obsidian--ITS-Theme, `Guide/Callouts.md`):
 *   `> [!timeline|t-l] **Title** _Subtitle_` and the body below; `t-l`,
 *   `t-r` place it left or right, and ITS's note templates put the date in
 *   the subtitle (`**X Founded** _Date of founding._`).
 * - FireIsGood's "Timeline callout" snippet (shared on Obsidian's Discord,
 *   collected as "Callout styling - Timeline callout"): `> [!timeline|red]
 *   Title` and the body, the title drawn in large type left of the line
 *   (where the date goes), the body a card that may open with a heading.
 *
 * Notes also list several dated items in one callout, a bold lead giving
 * each one's date or time (`> **2024 Q1** — Event A happened`,
 * `> - **10:00** First meal`). All three are read here:
 *
 * - one event, when the callout's line carries a date: the italic
 *   subtitle after a bold title, a bold lead, the title's text before
 *   ` — `, `: ` or ` | `, or the whole title when it reads as a date (then
 *   a heading or bold line opening the body is the event's title);
 * - else items: every body line whose bold lead looks like a date (or a
 *   list item whose text before ` — ` or `: ` does) is an event, the lines
 *   after it its description; the callout's title and the text before the
 *   first item are kept;
 * - else one undated event (a problem says so).
 *
 * The en dash and hyphen never split a title from its date: they join a
 * range's ends (`1914 – 1918`).
 */
import { cleanFreeDate, emptyBlock, joinText, looksLikeDate } from './shared.ts';
import type { PluginBlock } from './types.ts';

const HINT =
  'give the callout a date: `> [!timeline] 1969-07-20 — Moon landing`, `> [!timeline] **Moon landing** _1969-07-20_`, or items `> - **1969** Moon landing`';

/** A callout's body line, without its `> ` prefix. */
export interface CalloutLine {
  text: string;
  line: number;
  column: number;
}

/** Title separators, strongest first (never the en dash or hyphen, which join a range). */
const SEPARATORS = [' — ', '—', '：', ': ', ' | ', '｜'];

/** A date and a title split at a separator, when the part before it reads as a date. */
function splitAtSeparator(text: string): { date: string; title: string } | null {
  for (const sep of SEPARATORS) {
    const at = text.indexOf(sep);
    if (at <= 0) continue;
    const left = text.slice(0, at).trim();
    // `1405—1407年：…`: an em dash before a number joins a range, as Chinese writes it.
    if (sep.trim() === '—' && /^\s*[\d０-９]/u.test(text.slice(at + sep.length))) continue;
    if (left.length <= 40 && looksLikeDate(left)) return { date: left, title: text.slice(at + sep.length).trim() };
  }
  return null;
}

/** `**bold**` or `__bold__` opening the text: its inner text and length. */
function boldLead(text: string): { inner: string; length: number } | null {
  const mark = text.startsWith('**') ? '**' : text.startsWith('__') ? '__' : null;
  if (!mark) return null;
  const close = text.indexOf(mark, 2);
  if (close <= 2) return null;
  return { inner: text.slice(2, close).trim(), length: close + 2 };
}

/** Separators between a bold date and its title. */
const LEAD_SEPARATOR = /^\s*(?:[—–:：|｜-]\s*)?/u;

/** A body line as a dated item: the date, the rest as title, and where the date starts; else null. */
function itemOf(text: string): { written: string; title: string; offset: number } | null {
  const bullet = /^\s*(?:[-*+]|\d{1,9}[.)])\s+/u.exec(text);
  const offset = bullet ? bullet[0].length : text.length - text.trimStart().length;
  const rest = text.slice(offset);
  const bold = boldLead(rest);
  if (bold && looksLikeDate(bold.inner)) {
    const after = rest.slice(bold.length);
    return {
      written: bold.inner,
      title: after.slice(LEAD_SEPARATOR.exec(after)![0].length).trim(),
      offset: offset + 2,
    };
  }
  if (!bullet) return null;
  const split = splitAtSeparator(rest);
  return split && { written: split.date, title: split.title, offset };
}

/**
 * Reads a callout of type `timeline` (with or without `|metadata` and a
 * fold sign); null for any other type. `titleAt` is where the title stands
 * in the note (by default column 1 of the line above the first body line).
 */
export function readCallout(
  type: string,
  title: string,
  lines: CalloutLine[],
  titleAt?: { line: number; column: number },
): PluginBlock | null {
  const base = type.trim().toLowerCase().split('|')[0]!.trim().replace(/[+-]$/u, '').trim();
  if (base !== 'timeline') return null;
  const block = emptyBlock('callout');
  const head = titleAt ?? { line: lines.length ? lines[0]!.line - 1 : 0, column: 1 };
  const heading = title.trim();
  // A date on the callout's line makes it one event; else dated items in its body are events.
  const one = readTitle(
    heading,
    lines.map((l) => l.text),
  );
  const items = one.written === null ? lines.map((l) => itemOf(l.text)) : [];
  if (items.some(Boolean)) readItems(block, heading, head, lines, items);
  else readOne(block, heading, head, one);
  return block;
}

/** A callout holding several dated items. */
function readItems(
  block: PluginBlock,
  heading: string,
  head: { line: number; column: number },
  lines: CalloutLine[],
  items: Array<ReturnType<typeof itemOf>>,
): void {
  if (heading)
    block.kept.push({ line: head.line, text: heading, why: 'the title of a timeline callout of dated items' });
  let body: string[] | null = null;
  const finish = () => {
    if (body) block.events[block.events.length - 1]!.description = joinText(body);
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const item = items[i];
    if (item) {
      finish();
      body = [];
      const date = cleanFreeDate(item.written);
      if (date === null)
        block.problems.push({
          line: l.line,
          column: l.column + item.offset,
          message: `\`${item.written}\` is a time of day, not a date; the item is left undated`,
          hint: HINT,
        });
      block.events.push({
        line: l.line,
        column: l.column + item.offset,
        date,
        written: item.written,
        title: item.title,
        description: '',
        group: null,
        kind: 'event',
      });
    } else if (body) {
      body.push(l.text);
    } else if (l.text.trim()) {
      block.kept.push({
        line: l.line,
        text: l.text.trim(),
        why: 'text in a timeline callout before its first dated item',
      });
    }
  }
  finish();
}

/** A heading (`## Moon landing`) or a line wholly bold (`**Moon landing**`): its text; else null. */
function openingTitle(line: string): string | null {
  const t = line.trim();
  const hashes = /^#{1,6}(?:\s|$)/u.exec(t);
  if (hashes) {
    // An ATX heading's text, without a closing run of `#` after a space (`## C#` keeps its own).
    const content = t.slice(hashes[0].length).trim();
    let e = content.length;
    while (e > 0 && content[e - 1] === '#') e--;
    return e === 0 ? '' : /\s/u.test(content[e - 1]!) ? content.slice(0, e).trim() : content;
  }
  const bold = boldLead(t);
  return bold && bold.length === t.length ? bold.inner : null;
}

/** A callout's title read as one event's: its date (as written), title, a subtitle opening the description, and the body left. */
interface TitleReading {
  written: string | null;
  title: string;
  prefix: string;
  body: string[];
}

/** Reads the callout's title (and a heading opening the body, when the title is only a date). */
function readTitle(heading: string, lines: string[]): TitleReading {
  const reading: TitleReading = { written: null, title: heading, prefix: '', body: lines };
  const bold = boldLead(heading);
  if (bold) {
    const after = heading.slice(bold.length).trim();
    const italic = /^([*_])(.+)\1$/u.exec(after) ?? /^([*_])([^*_]+)\1/u.exec(after);
    if (italic && looksLikeDate(italic[2]!)) {
      // ITS: **Title** _date_
      reading.written = italic[2]!.trim();
      reading.title = [bold.inner, after.slice(italic[0].length).trim()].filter(Boolean).join(' ');
    } else if (looksLikeDate(bold.inner)) {
      reading.written = bold.inner;
      reading.title = after.slice(LEAD_SEPARATOR.exec(after)![0].length).trim();
    } else {
      const more = italic ? after.slice(italic[0].length).trim() : after;
      reading.title = more ? `${bold.inner} ${more}` : bold.inner;
      if (italic) reading.prefix = `*${italic[2]!.trim()}*`;
    }
    return reading;
  }
  const split = splitAtSeparator(heading);
  if (split) {
    reading.written = split.date;
    reading.title = split.title;
  } else if (looksLikeDate(heading)) {
    // FireIsGood: the title is the label left of the line; a heading or bold line opening the card names the event.
    reading.written = heading;
    reading.title = '';
    const first = lines.findIndex((t) => t.trim());
    const opening = first < 0 ? null : openingTitle(lines[first]!);
    if (opening !== null) {
      reading.title = opening;
      reading.body = lines.slice(first + 1);
    }
  }
  return reading;
}

/** A callout that is one event. */
function readOne(
  block: PluginBlock,
  heading: string,
  head: { line: number; column: number },
  { written, title, prefix, body }: TitleReading,
): void {
  const date = written === null ? null : cleanFreeDate(written);
  const hasBody = body.some((t) => t.trim());
  if (!heading && !hasBody) return;
  if (date === null)
    block.problems.push({
      line: head.line,
      column: head.column,
      message: 'a `[!timeline]` callout with no date in its title; it is read as an undated event',
      hint: HINT,
    });
  block.events.push({
    line: head.line,
    column: head.column,
    date,
    written: written ?? heading,
    title,
    description: joinText(prefix ? [prefix, '', ...body] : body),
    group: null,
    kind: 'event',
  });
}
