/**
 * A paragraph's lines and the entries they hold: Obsidian shows a single
 * newline as a line break, so each visual line (and each list item) is read
 * on its own as `Title（1997）：description`, `490 BCE: Title`, or prose.
 */
import type { PhrasingContent, Text } from 'mdast';
import type { Entry, Period } from './types.ts';
import { readPeriod, splitTitleYear } from './period.ts';
import { MAX_DATE_LENGTH } from './dates.ts';
import { plainText } from './plain-text.ts';
import { titleFromText } from './shapes/title.ts';

/** One visual line of a paragraph: Obsidian shows single newlines as breaks. */
export interface Line {
  nodes: PhrasingContent[];
  /** 1-based line in the note where this line starts. */
  line: number;
}

/**
 * Splits a paragraph's inline content at its newlines (soft and hard breaks).
 * Only top-level text is split: a newline inside emphasis or a link keeps the
 * line whole, as the emphasis spans both lines.
 */
export function splitLines(children: readonly PhrasingContent[], firstLine: number): Line[] {
  const lines: Line[] = [{ nodes: [], line: firstLine }];
  for (const node of children) {
    const current = lines[lines.length - 1]!;
    if (node.type === 'break') {
      lines.push({ nodes: [], line: node.position?.end.line ?? current.line });
      continue;
    }
    if (node.type !== 'text' || !node.value.includes('\n')) {
      if (current.nodes.length === 0 && node.position) current.line = node.position.start.line;
      current.nodes.push(node);
      continue;
    }
    const parts = node.value.split('\n');
    const startLine = node.position?.start.line ?? current.line;
    parts.forEach((part, i) => {
      if (i > 0) lines.push({ nodes: [], line: startLine + i });
      if (part) lines[lines.length - 1]!.nodes.push({ type: 'text', value: part });
    });
  }
  return lines.map((l) => ({ ...l, nodes: trimLine(l.nodes) })).filter((l) => l.nodes.length > 0);
}

/**
 * Trims a line's white space. `trimStart`/`trimEnd`, not `/\s+$/`: they
 * strip the same characters, but the regex retries from every space of a
 * long run that is not at the end, so a line with a long run of spaces in
 * the middle took quadratic time (40,000 spaces: half a minute).
 */
function trimLine(nodes: PhrasingContent[]): PhrasingContent[] {
  const out = [...nodes];
  const first = out[0];
  if (first?.type === 'text') out[0] = { ...first, value: first.value.trimStart() };
  const lastIndex = out.length - 1;
  const last = out[lastIndex];
  if (last?.type === 'text') out[lastIndex] = { ...last, value: last.value.trimEnd() };
  return out.filter((n) => n.type !== 'text' || n.value !== '');
}

/** A line read as `Title：description`. */
export interface EntryParts {
  /** Title content, wrapper emphasis, link and year removed. */
  title: PhrasingContent[];
  titleText: string;
  yearLabel: string | null;
  period: Period | null;
  /** The date was a range written backwards (`1990–1980`): kept as written, undated. */
  reversed: boolean;
  /** The line was written date first (`490 BCE: Battle of Marathon`). */
  dateFirst: boolean;
  /** The URL of a title that is wholly a Markdown link. */
  link: string | null;
  /** The target of a title that is wholly a wiki link. */
  wikiTarget: string | null;
  description: PhrasingContent[];
  /** The title is cut from the text, and the description is the whole line (see `shapes/title.ts`). */
  titleExcerpt: boolean;
  /** `line` for `Title: text` and `DATE: text`, `prose` for a date set apart by a comma or a space alone; see `Entry`. */
  shape: Entry['shape'];
}

/**
 * The separator: the first full-width colon, or the first ASCII colon
 * followed by white space, in top-level text (so never inside links, code
 * or URLs, which GFM has already made into link nodes).
 */
const SEPARATOR = /：|:(?=\s)/u;

/** What a line is read in: the one year of the heading above, for dates relative to it. */
export interface LineContext {
  /** Astronomical year of a one-year era or `###` heading, else null. */
  year: number | null;
  /**
   * The list or paragraph the line stands in is written date first (most of
   * its lines open with a date): a date may be set apart by a space alone,
   * and a bare number (`1519 Magellan sets sail`) is a year.
   */
  dateList?: boolean;
}

/** Reads a line as an entry, or returns null when it is a note. */
export function readEntry(nodes: readonly PhrasingContent[], context: LineContext = { year: null }): EntryParts | null {
  const dateFirst = readDateFirst(nodes, context);
  if (dateFirst) return dateFirst;
  const split = splitAtSeparator(nodes);
  if (!split) return null;
  let title = trimLine(split.title);
  const description = trimLine(split.description);

  title = unwrapEmphasis(title);
  const { nodes: bare, yearLabel, period, reversed } = takeYear(title, context.year);
  title = unwrapEmphasis(bare);
  return finishEntry(title, description, yearLabel, period, reversed, false);
}

/** Options of a finished entry that most lines leave at their defaults. */
interface Finish {
  titleExcerpt?: boolean;
  shape?: Entry['shape'];
}

function finishEntry(
  titleNodes: PhrasingContent[],
  description: PhrasingContent[],
  yearLabel: string | null,
  period: Period | null,
  reversed: boolean,
  dateFirst: boolean,
  { titleExcerpt = false, shape = 'line' }: Finish = {},
): EntryParts | null {
  let title = titleNodes;
  let link: string | null = null;
  let wikiTarget: string | null = null;
  if (title.length === 1 && title[0]!.type === 'link') {
    link = title[0].url;
    title = title[0].children;
  } else if (title.length === 1 && (title[0] as { type: string }).type === 'wikiLink') {
    wikiTarget = (title[0] as unknown as { value: string }).value;
  }
  const titleText = plainText(title).trim();
  if (!titleText && !yearLabel) return null;
  return {
    title,
    titleText,
    yearLabel,
    period,
    reversed,
    dateFirst,
    link,
    wikiTarget,
    description,
    titleExcerpt,
    shape,
  };
}

/**
 * What may set a date written first apart from its text: a colon
 * (full-width, or ASCII before white space), a spaced dash (` – `, ` — `,
 * ` - `, ` -- `), a bar (`|`, `｜`), or a comma (`,` `，` `、`).
 */
const DATE_END = /：|:(?=\s)|\s--?\s|\s[–—]\s|\s?[|｜]\s?|[,，、]/gu;
/**
 * Where the title of a date-first line ends and its description begins: a
 * line break (inside a list item), a colon, a spaced dash, an ideographic full stop, or a full stop and a
 * space after a word of three letters or more whose last two are lower case
 * (so `St. Louis` and `U.S. Army` stay whole, `War. Athens` splits).
 */
const TITLE_END = /\n\s*|：|:(?=\s)|\s[–—]\s|\s-\s|。|(?<=\p{L}[\p{Ll}\d]{2})\.\s/u;
/**
 * A word that may open a dated sentence before its date: `In 1215, …`,
 * `在1990年，…`. `Before`, `Since`, `Until` and `From` are part of the date
 * (an open start or end), and `Around` and `About` (an approximate one), read
 * by the date grammar.
 */
const PREPOSITION = /^(?:(?:in|on|by|during|at|after)\s+|[在于於](?=\s*(?:\d|公元|西元|前)))/iu;

/** A date that opens a line, and how it is set apart from the rest. */
interface LeadingDate {
  label: string;
  reading: NonNullable<ReturnType<typeof readPeriod>>;
  /** Where the text after the date and its separator starts. */
  rest: number;
  /** `sep` for a colon, dash or bar; `comma`; `space` for a space alone. */
  kind: 'sep' | 'comma' | 'space';
  /** A preposition before the date (`In`), kept in the description. */
  lead: string;
}

/** What every date holds but a month or season alone: a digit, a CJK numeral, or `元` (the first year of an era). */
const NUMBER = /[\d０-９〇零一二两兩三四五六七八九十百千元]/u;

/** A weekday after a day, in parentheses: `1月1日（月）`, `9月27日（周六）`, `09/21 (Sat)`. */
export const WEEKDAY_NOTE =
  /\s*[（(](?:(?:周|週|星期|礼拜|禮拜)[一二三四五六日天]|[月火水木金土日](?:曜日?)?|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|urday|rsday)?\.?)[)）]$/iu;
/** A weekday before a day: `Saturday, September 21`. */
export const WEEKDAY_LEAD = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+/iu;

/** A date as written, or the same without a weekday beside it. */
function readWithWeekday(candidate: string, year: number | null): ReturnType<typeof readPeriod> {
  const reading = readPeriod(candidate, year);
  if (reading || !/[)）]$|day,?\s/iu.test(candidate)) return reading;
  const bare = candidate.replace(WEEKDAY_NOTE, '').replace(WEEKDAY_LEAD, '');
  const read = bare !== candidate ? readPeriod(bare, year) : null;
  return read && { ...read, period: { ...read.period, label: candidate } };
}

/** A number alone (`1519`), which is a year only where the note's shape makes it one. */
const BARE = /^\d+$/u;
/** A bare number that may be a year: three or four digits, no leading zero. */
const BARE_YEAR = /^[1-9]\d{2,3}$/u;

/**
 * Finds the date a line opens with. The longest date before a separator
 * wins (`1914 – 1918 – The Great War`, `March 15, 44 BC, …`); a colon or a
 * bar ends the search. A date before a comma must be more than a number of
 * one or two digits (`3, 4 and 5` are numbers); a date set apart by a space
 * alone is read only in a date-first list, and a bare number there only
 * when it has three or four digits.
 */
function leadingDate(value: string, context: LineContext): LeadingDate | null {
  const lead = PREPOSITION.exec(value)?.[0] ?? '';
  const head = value.slice(0, MAX_DATE_LENGTH + lead.length + 4);
  // Every date holds a number (`1492`, `元年`, `二〇〇六年`, `12.04`) or a month or season
  // under a one-year heading: most lines are ruled out here, before the grammar runs.
  if (!NUMBER.test(head) && context.year === null) return null;
  let best: LeadingDate | null = null;
  for (const m of head.matchAll(DATE_END)) {
    const comma = /^[,，、]$/u.test(m[0]);
    // `1,000`: a comma between digits is part of a number.
    if (comma && m[0] === ',' && /\d/u.test(value[m.index + 1] ?? '')) continue;
    const from = comma ? lead.length : 0;
    const candidate = value.slice(from, m.index).trim();
    if (
      candidate &&
      (context.year !== null || NUMBER.test(candidate)) &&
      (!comma || !BARE.test(candidate) || BARE_YEAR.test(candidate))
    ) {
      const reading = readWithWeekday(candidate, context.year);
      if (reading)
        best = {
          label: candidate,
          reading,
          rest: m.index + m[0].length,
          kind: comma ? 'comma' : 'sep',
          lead: comma ? lead : '',
        };
    }
    if (/[:：|｜]/u.test(m[0])) break;
  }
  if (!context.dateList || (best && best.kind !== 'sep')) return best;
  // A space alone, in a date-first list: the longest date at a word boundary, with text
  // after it, unless a separator set apart as long a date (`1577 – 1580 Drake sails …`).
  for (const m of head.matchAll(/\s+/gu)) {
    const candidate = value.slice(0, m.index);
    // `594 BC – Solon's reforms`: a date that ends in a dash is set apart by it, not open-ended.
    if (/[-–—~〜～:：|｜,，、]$/u.test(candidate)) continue;
    if (!/\d/u.test(candidate) || (BARE.test(candidate) && !BARE_YEAR.test(candidate))) continue;
    // `100 soldiers held the bridge`: three digits before a word in lower case count something.
    if (BARE.test(candidate) && candidate.length < 4 && /^\p{Ll}/u.test(value.slice(m.index + m[0].length))) continue;
    const reading = readPeriod(candidate, context.year);
    if (reading && value.slice(m.index).trim() && (!best || candidate.trim().length > best.label.length))
      best = { label: candidate, reading, rest: m.index + m[0].length, kind: 'space', lead: '' };
  }
  return best;
}

/** Whether a line opens with a date, as a date-first list's lines do. */
export function opensWithDate(nodes: readonly PhrasingContent[], year: number | null): boolean {
  const first = nodes[0];
  if (first && (first.type === 'strong' || first.type === 'emphasis' || isWikiLink(first))) {
    const inner = labelText(first);
    return inner.length <= MAX_DATE_LENGTH && readPeriod(inner, year) !== null;
  }
  if (first?.type !== 'text') return false;
  return leadingDate(first.value, { year, dateList: true }) !== null;
}

/** A wiki link node (`[[1492]]`, `[[2023-03-14|March 14]]`). */
function isWikiLink(node: PhrasingContent): boolean {
  return (node as { type: string }).type === 'wikiLink';
}

/** The text of a bold, italic or linked date label, without the punctuation that ends it. */
function labelText(node: PhrasingContent): string {
  const link = node as unknown as { data?: { alias?: string }; value?: string; children?: PhrasingContent[] };
  const text = isWikiLink(node) ? (link.data?.alias ?? link.value ?? '') : plainText(link.children ?? []);
  return text
    .trim()
    .replace(/[:：.。,，]$/u, '')
    .trim();
}

/**
 * Reads a line that starts with a date: `DATE: rest`, `DATE：rest`,
 * `DATE – rest`, `DATE | rest`, `**DATE** rest`, `DATE, rest` and, in a
 * date-first list, `DATE rest`. After a colon, dash, bar or bold date the
 * title is `rest` up to its first colon, spaced dash or full stop (see
 * TITLE_END), the description what follows. After a comma or a space, the
 * rest has no title of its own: its first sentence or clause is the title
 * (`shapes/title.ts`); a sentence that opened with a preposition (`In 1215,
 * King John …`) is kept whole as the description.
 */
function readDateFirst(nodes: readonly PhrasingContent[], context: LineContext): EntryParts | null {
  const first = nodes[0];
  if (!first) return null;
  let label: string;
  let reading: ReturnType<typeof readPeriod>;
  let rest: PhrasingContent[];
  let found: LeadingDate | null = null;

  if (first.type === 'strong' || first.type === 'emphasis' || isWikiLink(first)) {
    // `**1995-12-04** rest`, `**1995-12-04:** rest`, `**1848.** rest`, `[[2023-03-14]]: rest` (a daily note's link)
    const inner = labelText(first);
    reading = inner.length <= MAX_DATE_LENGTH ? readPeriod(inner, context.year) : null;
    if (!reading) return null;
    label = inner;
    rest = [...nodes.slice(1)];
    const head = rest[0];
    if (head?.type === 'text')
      rest[0] = { ...head, value: head.value.replace(/^\s*(?:[:：|｜,，、]|[-–—](?=\s))?\s*/u, '') };
  } else if (first.type === 'text') {
    found = leadingDate(first.value, context);
    if (!found) return null;
    reading = found.reading;
    label = found.label;
    rest = [{ type: 'text', value: first.value.slice(found.rest) }, ...nodes.slice(1)];
  } else {
    return null;
  }

  rest = trimLine(rest);
  if (found && found.kind !== 'sep') {
    if (!rest.length) return null;
    const titled = titleFromText(rest);
    if (found.lead) {
      // `In 1215, King John …`: the sentence stays whole, its clause after the date is the title.
      const whole = trimLine([...nodes]);
      return finishEntry(unwrapEmphasis(titled.title), whole, label, reading.period, reading.reversed, true, {
        titleExcerpt: true,
        shape: 'prose',
      });
    }
    return finishEntry(
      unwrapEmphasis(trimLine(titled.title)),
      trimLine(titled.description),
      label,
      reading.period,
      reading.reversed,
      true,
      { titleExcerpt: titled.excerpt, shape: 'prose' },
    );
  }
  const split = splitAt(rest, TITLE_END);
  const title = unwrapEmphasis(trimLine(split ? split.before : rest));
  const description = split ? trimLine(split.after) : [];
  return finishEntry(title, description, label, reading.period, reading.reversed, true);
}

/** Splits inline content at the first match of `re` in its top-level text, or returns null. */
function splitAt(
  nodes: readonly PhrasingContent[],
  re: RegExp,
): { before: PhrasingContent[]; after: PhrasingContent[] } | null {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type !== 'text') continue;
    const match = re.exec(node.value);
    if (!match) continue;
    const before: Text = { type: 'text', value: node.value.slice(0, match.index) };
    const after: Text = { type: 'text', value: node.value.slice(match.index + match[0].length) };
    return { before: [...nodes.slice(0, i), before], after: [after, ...nodes.slice(i + 1)] };
  }
  return null;
}

/** Brackets a colon inside of which never splits a line: `Treaty of Paris (see: Versailles) (1783): …`. */
const OPENERS = '([{（【「『〔';
const CLOSERS = ')]}）】」』〕';

/** The first match of the separator outside brackets, given the depth the text starts at; and the depth it ends at. */
function separatorOutside(value: string, depth: number): { match: RegExpExecArray | null; depth: number } {
  const re = new RegExp(SEPARATOR.source, 'gu');
  let at = 0;
  let d = depth;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    for (; at < m.index; at++) {
      if (OPENERS.includes(value[at]!)) d++;
      else if (CLOSERS.includes(value[at]!) && d > 0) d--;
    }
    if (d === 0) return { match: m, depth: d };
  }
  for (; at < value.length; at++) {
    if (OPENERS.includes(value[at]!)) d++;
    else if (CLOSERS.includes(value[at]!) && d > 0) d--;
  }
  return { match: null, depth: d };
}

function splitAtSeparator(
  nodes: readonly PhrasingContent[],
): { title: PhrasingContent[]; description: PhrasingContent[] } | null {
  let depth = 0;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'text') {
      const found = separatorOutside(node.value, depth);
      depth = found.depth;
      const match = found.match;
      if (!match) continue;
      const before: Text = { type: 'text', value: node.value.slice(0, match.index) };
      const after: Text = { type: 'text', value: node.value.slice(match.index + match[0].length) };
      return { title: [...nodes.slice(0, i), before], description: [after, ...nodes.slice(i + 1)] };
    }
    // `**Title:** description`: the colon closes a leading bold or italic title.
    if (i === 0 && (node.type === 'strong' || node.type === 'emphasis')) {
      const last = node.children[node.children.length - 1];
      if (last?.type === 'text' && /(：|:)\s*$/u.test(last.value) && nodes.length > 1) {
        const trimmed: Text = { type: 'text', value: last.value.replace(/(：|:)\s*$/u, '') };
        return {
          title: [{ ...node, children: [...node.children.slice(0, -1), trimmed] }],
          description: nodes.slice(1),
        };
      }
    }
  }
  return null;
}

/** A title that is wholly bold or italic reads as its content. */
function unwrapEmphasis(nodes: PhrasingContent[]): PhrasingContent[] {
  let out = nodes;
  while (out.length === 1 && (out[0]!.type === 'strong' || out[0]!.type === 'emphasis')) {
    out = trimLine((out[0] as { children: PhrasingContent[] }).children);
  }
  return out;
}

/** Takes `（1997）` or `(2017–2019)` off the end of a title. */
function takeYear(
  nodes: PhrasingContent[],
  year: number | null,
): {
  nodes: PhrasingContent[];
  yearLabel: string | null;
  period: Period | null;
  reversed: boolean;
} {
  const last = nodes[nodes.length - 1];
  if (last?.type !== 'text') return { nodes, yearLabel: null, period: null, reversed: false };
  const { title, period, reversed } = splitTitleYear(last.value, year);
  if (!period) return { nodes, yearLabel: null, period: null, reversed: false };
  const rest = title ? [...nodes.slice(0, -1), { ...last, value: title }] : nodes.slice(0, -1);
  return { nodes: trimLine(rest), yearLabel: period.label, period, reversed: reversed === true };
}
