/**
 * The Timelines plugin (Darakah/obsidian-timelines, and seanlowe's
 * "Timelines (Revamped)", seanlowe/obsidian-timelines): events written as
 * HTML elements of class `ob-timelines`, and render blocks that draw other
 * notes' events.
 *
 * Events (Darakah's README; seanlowe's `docs/content/docs/02_events/02_html_events.md`
 * and `docs/content/docs/03_arguments/01_html_arguments.md`):
 *
 *     <span class='ob-timelines' data-date='144-43-49-00' data-title='Another Event'
 *           data-class='orange' data-img='…' data-type='range' data-end='2000-10-20-00'>
 *       A second event!
 *     </span>
 *     <div class="ob-timelines" data-start-date="2000-10-11-00" data-end-date="2000-10-12-00"
 *          data-title="Another Event" data-type="range" data-era="AD">A minimal event</div>
 *
 * The date is `YEAR-MONTH-DAY-HOUR`, numbers of any length, the year
 * possibly negative; Darakah requires all four parts and reads zero parts
 * at the right as absent (`2300-02-00-00` shows as `2300-02`), seanlowe
 * also takes `2300`, `2300-02`, `2300-02-01`. Darakah writes `data-date`
 * and `data-end`, seanlowe `data-start-date` and `data-end-date`; both are
 * read (the revamp's names first). `data-era` is a suffix shown after the
 * date ("useful for fictional calendars"): `BC`/`BCE`/`AD`/`CE` are read,
 * any other era names a calendar we cannot place. `data-type` is `box`
 * (the default), `point`, `range` or `background`. The description is
 * `data-description` (seanlowe) or the element's text. The plugin hides
 * these elements in the note ("hidden in preview by default").
 *
 * Render blocks: Darakah's ```timeline holds a `;`-separated tag list
 * (`test;now`), his ```timeline-vis `key=value` lines (`tags=`,
 * `startDate=`, `divHeight=`…); seanlowe's ```ob-timeline (`tags=now;test`,
 * `type=flat`…; `ob-timelines`/`ob-timelines-flat` before v2). They draw
 * the events of other notes with those tags, so they are dropped.
 */
import {
  calendarProblem,
  compareDates,
  decodeEntities,
  emptyBlock,
  formatCalendarDate,
  formatRange,
  type CalendarDate,
} from './shared.ts';
import type { PluginBlock, PluginDrop, PluginEvent } from './types.ts';

const PLUGIN = 'ob-timelines';
const HINT_DATE =
  'the Timelines plugin writes dates as YEAR-MONTH-DAY-HOUR, e.g. `data-date="1969-07-20-00"`, `-490-00-00-00` for 490 BC';

/* ------------------------------------------------------------------ */
/* Render blocks                                                       */
/* ------------------------------------------------------------------ */

/** Block languages that only render other notes' events. */
const RENDER_ONLY = new Set([
  'timeline-vis',
  'ob-timeline',
  'ob-timelines',
  'ob-timelines-flat',
  // A fork's "timeline with interpretations" view, documented alongside `timeline` and `timeline-vis`.
  'timeline-with-interpretations',
]);

const DROP_WHY =
  'a Timelines plugin render block: it draws the events of other notes with the given tags, not events of this note';

/** A render-only block language's drop, or null. */
export function renderOnlyDrop(lang: string): PluginDrop | null {
  return RENDER_ONLY.has(lang) ? { plugin: PLUGIN, drop: DROP_WHY } : null;
}

/** An Obsidian tag as a render block lists it: letters, digits, `_`, `-`, `/`, optionally after `#`. */
const TAG = /^#?[\p{L}\p{N}_/-]+$/u;

/** Whether a line is a render block's: a `key=value` option or a `;`-separated tag list (optionally in brackets). */
function isRenderLine(line: string): boolean {
  if (/^[A-Za-z][\w-]*\s*=/u.test(line)) return true;
  const list = line.replace(/^\[(.*)\]$/u, '$1');
  const tags = list
    .split(/[;,]/u)
    .map((t) => t.trim())
    .filter(Boolean);
  return tags.length > 0 && tags.every((t) => TAG.test(t));
}

/**
 * Whether a ```timeline block is Darakah's render block: empty (every
 * timeline note), or only tag lists and `key=value` options.
 */
export function darakahTimelineDrop(value: string): PluginDrop | null {
  const lines = value
    .split(/\r\n|\r|\n/u)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.every(isRenderLine) ? { plugin: PLUGIN, drop: DROP_WHY } : null;
}

/* ------------------------------------------------------------------ */
/* HTML                                                                */
/* ------------------------------------------------------------------ */

/** An HTML tag as read from the text. */
interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  attrs: Map<string, string>;
  /** Index of `<` and just after `>`; `end` is -1 when the tag runs to the end of the text unclosed. */
  start: number;
  end: number;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';

/**
 * Reads the tag at `s[lt] === '<'`, or null when no tag starts there. Its
 * attributes as HTML reads them: names lower-cased, the first of a name
 * kept, values quoted with `'` or `"` or bare, character references
 * decoded. Linear: every character is looked at once.
 */
function readTag(s: string, lt: number): Tag | null {
  let j = lt + 1;
  const closing = s[j] === '/';
  if (closing) j++;
  const name = /[A-Za-z][A-Za-z0-9-]*/y;
  name.lastIndex = j;
  const m = name.exec(s);
  if (!m) return null;
  j += m[0].length;
  const tag: Tag = { name: m[0].toLowerCase(), closing, selfClosing: false, attrs: new Map(), start: lt, end: -1 };
  const n = s.length;
  while (j < n) {
    const c = s[j];
    if (isSpace(c)) {
      j++;
      continue;
    }
    if (c === '>') {
      tag.end = j + 1;
      return tag;
    }
    if (c === '/') {
      tag.selfClosing = s[j + 1] === '>';
      j++;
      continue;
    }
    let k = j;
    while (k < n && !isSpace(s[k]) && s[k] !== '/' && s[k] !== '>' && (s[k] !== '=' || k === j)) k++;
    const attr = s.slice(j, k).toLowerCase();
    j = k;
    while (j < n && isSpace(s[j])) j++;
    let value = '';
    if (s[j] === '=') {
      j++;
      while (j < n && isSpace(s[j])) j++;
      const q = s[j];
      if (q === '"' || q === "'") {
        const close = s.indexOf(q, j + 1);
        if (close < 0) {
          tag.attrs.set(attr, decodeEntities(s.slice(j + 1)));
          return tag;
        }
        value = s.slice(j + 1, close);
        j = close + 1;
      } else {
        k = j;
        while (k < n && !isSpace(s[k]) && s[k] !== '>') k++;
        value = s.slice(j, k);
        j = k;
      }
    }
    if (!tag.attrs.has(attr)) tag.attrs.set(attr, decodeEntities(value));
  }
  return tag;
}

/** Line and column of offsets read in increasing order, counted from the fragment's position in the note. */
function positions(s: string, line: number, column: number) {
  let at = 0;
  let l = line;
  let c = column;
  return (offset: number) => {
    for (; at < offset && at < s.length; at++) {
      if (s[at] === '\n') {
        l++;
        c = 1;
      } else c++;
    }
    return { line: l, column: c };
  };
}

/** An element's text: tags and comments dropped, `<br>` and block ends as line breaks, references decoded. */
function textOf(html: string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end < 0) break;
      i = end + 3;
      continue;
    }
    if (!/[A-Za-z/!?]/u.test(html[lt + 1] ?? '')) {
      out += '<';
      i = lt + 1;
      continue;
    }
    const gt = html.indexOf('>', lt);
    if (gt < 0) break;
    if (/^<\/?(?:br|p|div|li|h[1-6])\b/iu.test(html.slice(lt, Math.min(gt, lt + 8)))) out += '\n';
    i = gt + 1;
  }
  return decodeEntities(out)
    .split('\n')
    .map((l) => l.replace(/[ \t\f\r]+/gu, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** Whether an opening tag is a Timelines event. */
const isEvent = (tag: Tag) => !tag.closing && (tag.attrs.get('class') ?? '').split(/\s+/u).includes(PLUGIN);

/**
 * Reads a raw HTML fragment as the Timelines plugin's events; null when it
 * holds none. Other HTML in the fragment is kept as text.
 */
export function readTimelinesHtml(html: string, line: number, column: number): PluginBlock | null {
  if (!/ob-timelines/iu.test(html)) return null;
  const block = emptyBlock(PLUGIN);
  const at = positions(html, line, column);
  const n = html.length;
  let i = 0;
  let textFrom = 0;
  const keep = (from: number, to: number) => {
    const text = html.slice(from, to).trim();
    if (text)
      block.kept.push({
        line: at(from + html.slice(from, to).search(/\S/u)).line,
        text,
        why: 'HTML around the Timelines event',
      });
  };
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const tag = readTag(html, lt);
    if (!tag) {
      i = lt + 1;
      continue;
    }
    if (!isEvent(tag)) {
      i = tag.end < 0 ? n : tag.end;
      continue;
    }
    keep(textFrom, lt);
    const where = at(lt);
    if (tag.end < 0) {
      block.problems.push({
        ...where,
        message: `Timelines: the \`<${tag.name} class="ob-timelines">\` tag is not closed with \`>\`; the event is left out`,
        hint: 'close the tag, and every quoted attribute value',
      });
      textFrom = n;
      break;
    }
    // The element's content: up to its closing tag, the next event, or the end of the fragment.
    let depth = 0;
    let j = tag.end;
    let contentEnd = n;
    let next = n;
    let closed = false;
    while (!tag.selfClosing && j < n) {
      const lt2 = html.indexOf('<', j);
      if (lt2 < 0) break;
      if (html.startsWith('<!--', lt2)) {
        const end = html.indexOf('-->', lt2 + 4);
        j = end < 0 ? n : end + 3;
        continue;
      }
      const inner = readTag(html, lt2);
      if (!inner) {
        j = lt2 + 1;
        continue;
      }
      if (isEvent(inner)) {
        contentEnd = next = lt2;
        break;
      }
      if (inner.name === tag.name && !inner.selfClosing) {
        if (!inner.closing) depth++;
        else if (depth-- === 0) {
          contentEnd = lt2;
          next = inner.end < 0 ? n : inner.end;
          closed = true;
          break;
        }
      }
      j = inner.end < 0 ? n : inner.end;
    }
    if (tag.selfClosing) {
      contentEnd = tag.end;
      next = tag.end;
      closed = true;
    }
    block.events.push(readEvent(block, tag, html.slice(tag.end, contentEnd), where));
    if (!closed && next === n) block.unclosed = tag.name;
    textFrom = i = next;
  }
  keep(textFrom, n);
  return block.events.length || block.problems.length ? block : null;
}

/** One element as an event. */
function readEvent(
  block: PluginBlock,
  tag: Tag,
  content: string,
  where: { line: number; column: number },
): PluginEvent {
  const a = tag.attrs;
  const startText = (a.get('data-start-date') || a.get('data-date') || '').trim();
  const endText = (a.get('data-end-date') || a.get('data-end') || '').trim();
  const era = (a.get('data-era') ?? '').trim();
  const type = (a.get('data-type') ?? '').trim().toLowerCase();
  const written = [startText, endText].filter(Boolean).join(' – ') + (era ? ` ${era}` : '');
  const problem = (message: string, hint = HINT_DATE) =>
    block.problems.push({ ...where, message: `Timelines: ${message}`, hint });
  const event: PluginEvent = {
    ...where,
    date: null,
    written,
    title: (a.get('data-title') ?? '').trim(),
    description: a.get('data-description')?.trim() || textOf(content),
    group: null,
    kind: 'event',
  };
  const eraBc = readEra(era);
  if (!startText) {
    problem('an event with no `data-date` (or `data-start-date`); the plugin leaves it out, and it is left undated');
    return event;
  }
  if (eraBc === 'other') {
    problem(
      `the era \`${era}\` names a calendar that cannot be placed on this timeline; the event is left undated`,
      'use a date of the Gregorian calendar, with `data-era="BC"` or a negative year before Christ',
    );
    return event;
  }
  const start = readTimelinesDate(startText, eraBc);
  if (typeof start === 'string') {
    problem(`${start}; the event is left undated`);
    return event;
  }
  const pointType = type === 'point' || type === 'box';
  if (!endText || pointType) {
    if (endText && pointType) problem(`a \`${type}\` event takes one date; \`${endText}\` is left out`);
    else if (type === 'range' || type === 'background')
      problem(`a \`${type}\` event needs an end date (\`data-end-date\`); it is read as one date`);
    event.date = formatCalendarDate(start);
    return event;
  }
  const end = readTimelinesDate(endText, eraBc);
  if (typeof end === 'string') {
    problem(`the end date: ${end}; the event is read as one date`);
    event.date = formatCalendarDate(start);
    return event;
  }
  if (compareDates(start, end) > 0) {
    problem(`the event ends (${endText}) before it starts (${startText}); it is left undated`);
    return event;
  }
  event.date = formatRange(start, end);
  event.kind = event.date.includes(' – ') ? 'period' : 'event';
  return event;
}

/** What a `data-era` says: before Christ, after, nothing, or another calendar's era. */
function readEra(era: string): 'bc' | 'ad' | null | 'other' {
  if (!era) return null;
  const e = era.replace(/[.\s]/gu, '').toLowerCase();
  if (['bc', 'bce', '公元前', '西元前', '紀元前', '纪元前', '前'].includes(e)) return 'bc';
  if (['ad', 'ce', '公元', '西元', '紀元', '纪元'].includes(e)) return 'ad';
  return 'other';
}

const TIMELINES_DATE = /^(-?)(\d+)(?:-(\d+))?(?:-(\d+))?(?:-(\d+(?::\d+)?))?$/u;

/** A `YEAR-MONTH-DAY-HOUR` date as a calendar date (the hour dropped), or what is wrong with it. */
function readTimelinesDate(text: string, era: 'bc' | 'ad' | null): CalendarDate | string {
  const m = TIMELINES_DATE.exec(text);
  if (!m) return `\`${text}\` is not a YEAR-MONTH-DAY-HOUR date`;
  const digits = m[2]!.replace(/^0+(?=\d)/u, '');
  if (digits.length > 6) return `the year in \`${text}\` is too far away to place`;
  const year = Number(digits);
  if (year === 0) return `\`${text}\`: there is no year 0 (1 BC is followed by AD 1)`;
  if (m[1] === '-' && era === 'ad') return `\`${text}\` is a negative year with the era AD`;
  // Zero parts read as absent, as the plugin shows them (`2300-02-00-00` is `2300-02`); a day needs its month.
  const month = m[3] === undefined || Number(m[3]) === 0 ? null : Number(m[3]);
  const day = month === null || m[4] === undefined || Number(m[4]) === 0 ? null : Number(m[4]);
  const date: CalendarDate = { year, bc: m[1] === '-' || era === 'bc', month, day };
  const wrong = calendarProblem(date);
  return wrong ? `\`${text}\`: ${wrong} (a fictional calendar's date cannot be placed)` : date;
}
