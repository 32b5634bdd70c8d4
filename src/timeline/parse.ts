import type { Heading, List, ListItem, Paragraph, PhrasingContent, RootContent, Table, TableRow, Yaml } from 'mdast';
import { TimelineError } from './errors.ts';
import { readFrontmatter } from './frontmatter.ts';
import { guardNote, restoreMarks } from './guards.ts';
import { detectLanguage } from './lang.ts';
import {
  opensWithDate,
  readEntry,
  splitLines,
  WEEKDAY_LEAD,
  WEEKDAY_NOTE,
  type EntryParts,
  type LineContext,
} from './entry-lines.ts';
import { MAX_DATE_LENGTH } from './dates.ts';
import { removeAttributeLists } from './shapes/attributes.ts';
import { datedProbe, findStructure, outlineChapters } from './shapes/structure.ts';
import { readTable } from './shapes/table.ts';
import { excerptOf, titleFromText, type TitledText } from './shapes/title.ts';
import { linkHooks, type LinkOptions } from './links.ts';
import type { RenderHooks } from './hooks.ts';
import { parseMarkdown, visibleText } from './markdown.ts';
import {
  isPluginDrop,
  readObTimelinesHtml,
  readPluginCode,
  readTimelineCallout,
  type PluginBlock,
  type PluginDrop,
  type PluginEvent,
} from './shapes/plugins/index.ts';
import { plainText } from './plain-text.ts';
import { renderBlocks, renderInline } from './render.ts';
import { periodBounds, readPeriod, singleYear, splitHeadingPeriod, type PeriodReading } from './period.ts';
import { Slugger } from './slug.ts';
import type { Diagnostic, Entry, Era, EraItem, Period, Position, Rich, Timeline } from './types.ts';
import { safeUrl } from './url.ts';
import { visit } from 'unist-util-visit';

/** Options of {@link parseNote}. */
export interface ParseOptions {
  /** The note's path, used in messages and, without a title, as the title. */
  file: string;
  /** Where the site serves eras, other notes and images; see {@link LinkOptions}. */
  links?: LinkOptions;
  /**
   * A heading with no period and no entries (`## Climate`) is kept as text in
   * the chapter before it (`merge`), or is a chapter of its own (`keep`: a
   * Markwhen section is a chapter by declaration).
   * @default 'merge'
   */
  topics?: 'merge' | 'keep';
}

/** An era while the note is walked, before slugs and ids are handed out. */
interface DraftEra extends Omit<Era, 'slug'> {
  /** The chapter's heading; null for the one chapter of a note without chapter headings. */
  headingNode: Heading | null;
  /** The blocks the chapter holds, its heading first, for footnotes and merging. */
  nodes: RootContent[];
}

/**
 * Parses one note into a timeline. Throws {@link TimelineError} for a note
 * that cannot be published; recoverable problems land in `warnings`.
 */
export function parseNote(source: string, options: ParseOptions): Timeline {
  const { file } = options;
  const text = normalise(source);
  checkUnicode(text, file);
  checkFences(text, file);
  const warnings: Diagnostic[] = [];
  // Limits and linear-time defusing before micromark (guards.ts): no note can hang the build.
  const guarded = guardNote(text, file, warnings);
  const tree = parseMarkdown(guarded, file, warnings);
  if (guarded !== text) restoreMarks(tree);
  removeAttributeLists(tree);
  const lines = text.split('\n');
  // Rendering waits until every slug and anchor is known, so that a wiki link
  // can point at a heading further down: each Rich is filled in at the end.
  const jobs: Array<(hooks: RenderHooks) => void> = [];
  const defer = (fill: (hooks: RenderHooks) => Rich): Rich => {
    const rich: Rich = { html: '', text: '' };
    jobs.push((hooks) => Object.assign(rich, fill(hooks)));
    return rich;
  };
  const render: Renderer = {
    blocks: (nodes) => defer((hooks) => renderBlocks(nodes, hooks)),
    inline: (nodes) => defer((hooks) => renderInline(nodes, hooks)),
    later: (job) => jobs.push(job),
  };

  const yaml = tree.children[0]?.type === 'yaml' ? (tree.children[0] as Yaml) : undefined;
  const meta = readFrontmatter(yaml, file, warnings);
  // Link definitions are syntax: parseMarkdown has already put their URLs into the links.
  let body: RootContent[] = tree.children.filter((node) => node.type !== 'yaml' && node.type !== 'definition');

  if (body.length === 0) {
    // No body: point at the end of the frontmatter, where the body should start.
    const end = yaml?.position?.end ?? { line: 1, column: 1 };
    throw new TimelineError({
      file,
      line: end.line,
      column: end.column,
      message: yaml ? 'the note has no body: nothing after the frontmatter' : 'the note is empty',
      hint: 'write the history below the frontmatter: chapters as headings (`## The Jazz Age (1920–1929)`), events as lines such as `1927: The Jazz Singer`',
    });
  }

  // The chapters: from the headings, else from an outline, else one chapter (shapes/structure.ts).
  // A timeline plugin's block counts as dated material, as its events do.
  const probe = datedProbe(pluginEvents);
  let structure = findStructure(body, probe);
  if (structure.depth === null) {
    const outline = outlineChapters(body);
    if (outline) {
      body = outline;
      structure = findStructure(body, probe);
    }
  }
  const titleNode = structure.title === -1 ? null : (body[structure.title] as Heading);
  const titleHeading = titleNode ? plainText([titleNode]).trim() : null;
  const depth = structure.depth;
  const firstChapter =
    depth === null
      ? structure.start
      : body.findIndex((n, i) => i !== structure.title && n.type === 'heading' && n.depth <= depth);
  const title = meta.title ?? titleHeading ?? fileTitle(file);
  // A `#` heading that says more than the frontmatter's title stays in the
  // preface, one level down (the page's title is its only `<h1>`).
  const shownHeading = titleNode && titleHeading && titleHeading !== title ? { ...titleNode, depth: 2 as const } : null;
  const dropped: WalkContext['dropped'] = [];
  let prefaceNodes = body
    .slice(0, firstChapter)
    .flatMap((n) => (n !== titleNode ? [n] : shownHeading ? [shownHeading] : []))
    .filter((n) => !droppedPluginBlock(n, dropped));
  let chapterNodes = body.slice(firstChapter).filter((n) => n !== titleNode);
  const single = depth === null ? title : null;
  // Events above the first chapter heading (a Chronos block, a dated list under the title,
  // then `## Sources`): they open a chapter named after the note; prose there stays the preface.
  const firstEvents =
    depth === null ? -1 : prefaceNodes.findIndex((n) => n.type !== 'paragraph' && n.type !== 'heading' && probe(n));
  const lead = firstEvents === -1 ? null : title;
  if (firstEvents !== -1) {
    chapterNodes = [...prefaceNodes.slice(firstEvents), ...chapterNodes];
    prefaceNodes = prefaceNodes.slice(0, firstEvents);
  }

  // Comments blanked: a plugin's text is read from what the note shows, never from a `%%comment%%`.
  const walkContext: WalkContext = { file, source: visibleText(tree) ?? '', lines, warnings, render, dropped };
  const walked = walkEras(chapterNodes, depth ?? 0, single ?? lead, single !== null, walkContext);
  const drafts = options.topics === 'keep' ? walked : mergeTopics(walked, prefaceNodes, render);
  warnEmptyEras(drafts, walkContext);
  const eras = assignIds(drafts);

  // The first blocks tell the language as well as the whole note does, at a fraction of the cost.
  const lang = meta.lang ?? detectLanguage(plainText(body.slice(0, 200), '\n').slice(0, 20_000));
  const preface = prefaceNodes.length ? render.blocks(prefaceNodes) : null;

  const noteNames = [
    title,
    titleHeading ?? '',
    fileTitle(file),
    meta.permalink?.replace(/\/+$/u, '').split('/').pop() ?? '',
  ];
  const hooks = linkHooks(
    eras,
    noteNames,
    options.links ?? {},
    (d) => warnings.push({ file, ...d }),
    footnotePages(prefaceNodes, drafts, eras),
  );
  for (const job of jobs) job(hooks);
  // A block that showed only hidden HTML shows nothing: no empty box on the page.
  for (const era of eras)
    era.items = era.items.filter((item) => item.kind !== 'block' || item.content.html.trim() !== '');

  return {
    file,
    meta: { ...meta, title, lang, langDetected: meta.lang === null },
    titleHeading,
    preface,
    eras,
    warnings,
    dropped,
  };
}

/** Where each footnote's definition is shown: its chapter's slug, or null in the preface. */
function footnotePages(
  preface: readonly RootContent[],
  drafts: readonly DraftEra[],
  eras: readonly Era[],
): Map<string, string | null> {
  const pages = new Map<string, string | null>();
  const note = (nodes: readonly RootContent[], slug: string | null) => {
    for (const node of nodes)
      visit(node, 'footnoteDefinition', (definition) => {
        // CommonMark: the first definition of a label wins.
        if (!pages.has(definition.identifier)) pages.set(definition.identifier, slug);
      });
  };
  note(preface, null);
  drafts.forEach((draft, i) => note(draft.nodes, eras[i]?.slug ?? null));
  return pages;
}

/**
 * A section with no period and no entries (`## Climate`, `## Sources`) is
 * no chapter: it is kept as text, with its heading, in the chapter before
 * it, or in the preface when it comes first. A note whose sections all are
 * such keeps them as chapters.
 */
function mergeTopics(drafts: DraftEra[], preface: RootContent[], render: Renderer): DraftEra[] {
  const isTopic = (d: DraftEra) => !d.period && d.headingNode !== null && !d.items.some((i) => i.kind === 'entry');
  if (drafts.every(isTopic)) return drafts;
  const kept: DraftEra[] = [];
  for (const draft of drafts) {
    const previous = kept[kept.length - 1];
    if (!isTopic(draft)) {
      kept.push(draft);
      continue;
    }
    if (!previous) {
      for (const node of draft.nodes) preface.push(node);
      continue;
    }
    // Items are in note order: the last one holds the highest group.
    const offset = (previous.items[previous.items.length - 1]?.group ?? 0) + 1;
    // Its heading stays a heading in the text, as a heading below the sub-periods is.
    previous.items.push({
      kind: 'block',
      type: 'heading',
      content: render.blocks([draft.headingNode!]),
      group: offset,
      position: draft.position,
    });
    if (draft.intro)
      previous.items.push({ kind: 'note', content: draft.intro, group: offset, position: draft.position });
    for (const item of draft.items) previous.items.push({ ...item, group: item.group + offset });
    for (const node of draft.nodes) previous.nodes.push(node);
  }
  return kept.map((draft, i) => ({ ...draft, ordinal: i + 1 }));
}

/** A chapter with a period but no entries is most likely unfinished: said at its heading. */
function warnEmptyEras(eras: readonly DraftEra[], ctx: WalkContext): void {
  for (const e of eras) {
    if (!e.items.some((item) => item.kind === 'entry')) {
      ctx.warnings.push({
        file: ctx.file,
        ...e.position,
        message: `era “${e.heading || `#${e.ordinal}`}” has no entries`,
        hint: 'entries are lines such as `Title（1997）：description` or `1997: description` under the chapter heading',
      });
    }
  }
}

/** A BOM and CR or CRLF line endings would shift text; lines stay the same. */
function normalise(source: string): string {
  return source.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
}

/**
 * A lone UTF-16 surrogate cannot come from a UTF-8 file (readNote refuses
 * those) but can from a string built in code; URL encoding a slug or link
 * would then throw a bare URIError deep in rendering, so it is refused here,
 * at its place.
 */
function checkUnicode(text: string, file: string): void {
  if (text.isWellFormed()) return;
  // With the `u` flag a well-formed pair is one code point: only lone halves match.
  const index = /[\uD800-\uDFFF]/u.exec(text)?.index ?? 0;
  const lines = text.slice(0, index).split('\n');
  throw new TimelineError({
    file,
    line: lines.length,
    column: [...lines[lines.length - 1]!].length + 1,
    message: 'the note is not valid Unicode text: it holds a lone UTF-16 surrogate',
    hint: 'save the note as UTF-8 text; a note built in code can be passed through `String.prototype.toWellFormed()`',
  });
}

/** An opening `---` with no closing fence would otherwise read as a thematic break. */
function checkFences(text: string, file: string): void {
  if (!/^---[ \t]*\n/u.test(text)) return;
  if (/\n---[ \t]*(\n|$)/u.test(text.slice(3))) return;
  throw new TimelineError({
    file,
    line: 1,
    column: 1,
    message: 'the frontmatter is not closed: the note starts with `---` but no line `---` ends it',
    hint: 'add a line `---` after the last frontmatter field',
  });
}

/** Renders fragments once links can be resolved; see parseNote. */
interface Renderer {
  blocks: (nodes: readonly RootContent[]) => Rich;
  inline: (nodes: readonly PhrasingContent[]) => Rich;
  /** Runs a job at render time, for fields that are not a Rich. */
  later: (job: (hooks: RenderHooks) => void) => void;
}

interface WalkContext {
  file: string;
  /** The note's text (as parsed), for the raw source of HTML and callouts. */
  source: string;
  lines: string[];
  warnings: Diagnostic[];
  render: Renderer;
  /** What was left out on purpose, with why; see `Timeline.dropped`. */
  dropped: Array<{ line: number; why: string }>;
}

/** A heading below the chapter level, while its section is read. */
interface HeadingContext {
  depth: number;
  heading: string;
  period: Period | null;
  /**
   * The heading is wholly a date (`### 1912`, `### 09/21`) and its text
   * holds no entries written out: plain bullets under it are its events.
   */
  bullets: boolean;
  /** The heading is wholly a date: an entry below with no date of its own is one of its events. */
  isDate: boolean;
}

/** An era's state while its blocks are read. */
interface EraState {
  era: DraftEra;
  /** The era heading is wholly a date (`## 1990`), and plain bullets under it are its events. */
  bullets: boolean;
  /** The era heading is wholly a date. */
  isDate: boolean;
  /** Sub-headings in effect, outermost first. */
  stack: HeadingContext[];
  /** A thematic break since the last heading ends its plain bullets' dates. */
  broken: boolean;
  group: number;
}

/** Where an entry's date comes from when it has none of its own. */
interface Inherited {
  period: Period | null;
  source: Entry['dateSource'];
  /** The heading an out-of-period warning names. */
  container: { heading: string; period: Period | null; sub: boolean; depth: number };
}

/** The nearest heading with a period: the entries below take its date and are checked against it. */
function inherited(state: EraState): Inherited {
  for (let i = state.stack.length - 1; i >= 0; i--) {
    const h = state.stack[i]!;
    if (h.period?.start || h.period?.end)
      return {
        period: h.period,
        source: h.isDate && isPoint(h.period) ? 'heading' : 'subperiod',
        container: { heading: h.heading, period: h.period, sub: true, depth: h.depth },
      };
  }
  const { era } = state;
  return {
    period: era.period,
    source: era.period ? (state.isDate && isPoint(era.period) ? 'heading' : 'era') : 'none',
    container: { heading: era.heading, period: era.period, sub: false, depth: era.headingNode?.depth ?? 0 },
  };
}

/** The one year of the nearest dated heading, for dates written relative to it (`12.04`). */
function yearOf(state: EraState): number | null {
  return singleYear(inherited(state).period);
}

/** The date heading whose events plain bullets here are, or null. */
function bulletDate(state: EraState): Inherited | null {
  if (state.broken) return null;
  const top = state.stack[state.stack.length - 1];
  // A date heading written backwards (`### 1453–1204`) has no dates to give: its bullets stay a list.
  const dated = (period: Period | null) => period !== null && (period.start !== null || period.end !== null);
  const own = inherited(state);
  if (top) return top.bullets && dated(top.period) && own.period === top.period ? { ...own, source: 'heading' } : null;
  return state.bullets && dated(state.era.period) ? { ...own, source: 'heading' } : null;
}

/** Reads `text` as wholly a date, as a date heading or a date alone on a line is. */
function wholeDate(text: string, year: number | null): PeriodReading | null {
  const trimmed = text.trim();
  // A month or a season alone (`### January`, `### 春`) is a date only under a one-year heading.
  if (!trimmed || trimmed.length > MAX_DATE_LENGTH || (!/\d/u.test(trimmed) && year === null)) return null;
  // A bare number is a year only with three or four digits (`## 1990`, not `## 3`).
  if (/^\d+$/u.test(trimmed) && !/^[1-9]\d{2,3}$/u.test(trimmed)) return null;
  return readPeriod(trimmed, year) ?? (/[)）]$/u.test(trimmed) ? readPeriod(withoutGloss(trimmed), year) : null);
}

/**
 * A heading's name and period (`The Jazz Age (1920–1929)`, `序曲 2022`), and
 * whether it is wholly a date (`1912`, `1912年`, `09/21` under a year), whose
 * plain bullets are its events (its name is then empty).
 */
function readHeading(
  heading: string,
  year: number | null,
): ReturnType<typeof splitHeadingPeriod> & { isDate: boolean } {
  const split = splitHeadingPeriod(heading);
  if (split.period && split.name) return { ...split, isDate: false };
  // A day's weekday is no part of its date: `9月27日（周六）`, `09/21 (Sat)`, `Saturday, September 21`.
  const whole = wholeDate(heading.replace(WEEKDAY_NOTE, '').replace(WEEKDAY_LEAD, ''), year);
  if (!whole) return { ...split, isDate: false };
  return { name: '', period: whole.period, ...(whole.reversed ? { reversed: true as const } : {}), isDate: true };
}

/** A period that names one year, month or day: a date, not a span. */
function isPoint(period: Period | null): boolean {
  const { start, end } = period ?? {};
  if (!start || !end || start.precision !== end.precision) return false;
  if (!['year', 'month', 'day'].includes(start.precision)) return false;
  return start.year === end.year && start.month === end.month && start.day === end.day;
}

/** A period that names one day (`### 09/21` under `## 2019`). */
function isDay(period: Period | null): boolean {
  const { start, end } = period ?? {};
  return (
    start?.precision === 'day' &&
    end?.precision === 'day' &&
    start.year === end.year &&
    start.month === end.month &&
    start.day === end.day
  );
}

/**
 * Walks the chapters. `first`: the name of a chapter that opens before any
 * chapter heading (the note's title); `only`: it is the note's one chapter,
 * headings and all.
 */
function walkEras(
  nodes: RootContent[],
  chapterDepth: number,
  first: string | null,
  only: boolean,
  ctx: WalkContext,
): DraftEra[] {
  const eras: DraftEra[] = [];
  let state: EraState | undefined;
  if (first !== null) {
    const start = nodes[0];
    const era: DraftEra = {
      ordinal: 1,
      heading: first,
      name: first,
      period: null,
      intro: null,
      items: [],
      position: start ? positionOf(start, ctx) : { line: 1, column: 1 },
      headingNode: null,
      nodes: [],
    };
    eras.push(era);
    state = { era, bullets: false, isDate: false, stack: [], broken: false, group: 0 };
  }

  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    if (node.type === 'heading' && node.depth <= chapterDepth && !only) {
      const era = startEra(node, eras.length + 1, ctx);
      eras.push(era);
      const isDate = readHeading(era.heading, null).isDate;
      const bullets = isDate && bulletsAreEvents(nodes, index, era.period);
      state = { era, bullets, isDate, stack: [], broken: false, group: 0 };
      continue;
    }
    if (!state) continue; // unreachable: nodes start at the first chapter heading
    state.era.nodes.push(node);
    state.group++;
    const { era } = state;

    if (node.type === 'heading') {
      while (state.stack.length && state.stack[state.stack.length - 1]!.depth >= node.depth) state.stack.pop();
      state.broken = false;
      const heading = plainText([node]).trim();
      const position = positionOf(node, ctx);
      if (!heading) warnEmptyHeading(node, ctx);
      const split = readHeading(heading, yearOf(state));
      const whole = split.isDate ? { period: split.period!, reversed: split.reversed === true } : null;
      if (split.reversed) warnReversed(split.period!.label, position.line, ctx);
      // A day heading whose text holds no entries of its own is one event: the day and its text.
      if (whole && isDay(whole.period)) {
        const end = sectionEnd(nodes, index);
        const section = nodes.slice(index + 1, end);
        if (section.length && !section.some((n) => holdsEntry(n, whole.period))) {
          for (const n of section) state.era.nodes.push(n);
          era.items.push(dayEntry(node, heading, whole.period, section, state, ctx));
          index = end - 1;
          continue;
        }
      }
      // Below the sub-period level, a heading with no date is a heading in the text, as it always was.
      if (!split.period && node.depth > chapterDepth + 1 && !only) {
        era.items.push(block(node, 'heading', state.group, ctx));
        continue;
      }
      const bullets = whole !== null && bulletsAreEvents(nodes, index, split.period);
      state.stack.push({ depth: node.depth, heading, period: split.period, bullets, isDate: whole !== null });
      era.items.push({
        kind: 'subperiod',
        id: '',
        heading,
        name: split.name,
        period: split.period,
        group: state.group,
        position,
      });
      continue;
    }

    if (node.type === 'thematicBreak') state.broken = true;

    if (node.type === 'paragraph') {
      const nextNode = nodes[index + 1];
      const aloneFirst = nextNode?.type === 'paragraph' ? dateAlone(node, yearOf(state)) : null;
      if (!aloneFirst && !era.intro && era.items.length === 0 && isWhollyEmphasised(node)) {
        const inner = (
          node.children.find((c) => c.type === 'emphasis' || c.type === 'strong') as {
            children: PhrasingContent[];
          }
        ).children;
        era.intro = ctx.render.inline(inner);
        continue;
      }
      if (readPlugin(node, state, ctx)) continue;
      // A paragraph under a heading that names one year, month or day is one of that date's
      // events, as a bullet is; under a decade or a span (`### 1980s`) it is a note about it.
      const dated = bulletDate(state);
      if (
        dated &&
        isPoint(dated.period) &&
        !aloneFirst &&
        plainText([node]).trim() &&
        !readsAsEntries(node, yearOf(state))
      ) {
        const titled = titleFromText(node.children);
        const parts: EntryParts = {
          ...partsOf(titled, { period: dated.period!, reversed: false }, 'bullet'),
          yearLabel: null,
          dateFirst: false,
          period: null,
        };
        era.items.push(entryFrom(parts, [], state, positionOf(node, ctx), ctx, dated, titled.excerpt ? [node] : null));
        continue;
      }
      // A date alone on a line, its event in the next paragraph.
      const next = nodes[index + 1];
      const alone = dateAlone(node, yearOf(state));
      if (alone && next?.type === 'paragraph' && !readsAsEntries(next, yearOf(state))) {
        state.era.nodes.push(next);
        const titled = titleFromText(next.children);
        const parts = partsOf(titled, alone, 'prose');
        era.items.push(entryFrom(parts, [], state, positionOf(node, ctx), ctx, null, titled.excerpt ? [next] : null));
        index++;
        continue;
      }
      readParagraph(node, state, ctx);
      continue;
    }

    if (node.type === 'list') {
      readList(node, state, ctx);
      continue;
    }

    if (node.type === 'table') {
      readTableNode(node, state, ctx);
      continue;
    }

    if (readPlugin(node, state, ctx)) continue;

    era.items.push(block(node, node.type, state.group, ctx));
  }

  return eras;
}

/** Where the section of the heading at `index` ends: the next heading. */
function sectionEnd(nodes: readonly RootContent[], index: number): number {
  for (let i = index + 1; i < nodes.length; i++) if (nodes[i]!.type === 'heading') return i;
  return nodes.length;
}

/**
 * Under a date heading, plain bullets and paragraphs are that date's events
 * unless the heading's own text (to the next heading) holds lines written out
 * as entries (`Title (1997): text`): that author uses bullets and prose for
 * notes. Bullets mixing entries and plain items are all events.
 */
function bulletsAreEvents(nodes: readonly RootContent[], index: number, period: Period | null): boolean {
  const year = singleYear(period);
  return !nodes
    .slice(index + 1, sectionEnd(nodes, index))
    .some((n) => (n.type === 'paragraph' && readsAsEntries(n, year)) || isPluginMaterial(n));
}

/** A timeline plugin's block or element holding events (not a block that renders other notes'). */
function pluginEvents(node: RootContent): boolean {
  if (node.type === 'code' && node.lang) {
    const reading = readPluginCode(node.lang, node.meta ?? null, node.value, 1);
    return reading !== null && !isPluginDrop(reading) && reading.events.length > 0;
  }
  return node.type === 'html' && /\bob-timelines\b/u.test(node.value);
}

/** A plugin's block that only renders other notes' events, left out (and said) wherever it stands. */
function droppedPluginBlock(node: RootContent, dropped: Array<{ line: number; why: string }>): boolean {
  if (node.type !== 'code' || !node.lang) return false;
  const reading = readPluginCode(node.lang, node.meta ?? null, node.value, 1);
  if (!reading || !isPluginDrop(reading)) return false;
  dropped.push({ line: node.position?.start.line ?? 1, why: reading.drop });
  return true;
}

/** A timeline plugin's block or element: events written out in the plugin's syntax. */
function isPluginMaterial(node: RootContent): boolean {
  if (node.type === 'code') return /^(?:chronos|timeline|timeline-labeled)$/iu.test(node.lang ?? '');
  if (node.type === 'html' || node.type === 'paragraph') return /\bob-timelines\b/u.test(htmlOf(node));
  return node.type === 'blockquote' && isTimelineCallout(node);
}

/** Whether a block holds a line that reads as an entry of its own. */
function holdsEntry(node: RootContent, period: Period | null): boolean {
  const year = singleYear(period);
  if (node.type === 'paragraph') return readsAsEntries(node, year);
  if (node.type === 'list')
    return node.children.some(
      (item) =>
        (item.children[0]?.type === 'paragraph' && readsAsEntries(item.children[0], year)) ||
        item.children.some((child) => child.type === 'list' && holdsEntry(child, period)),
    );
  return false;
}

function readsAsEntries(node: Paragraph, year: number | null): boolean {
  return splitLines(node.children, 1).some((line) => readEntry(line.nodes, { year }) !== null);
}

/** A paragraph of one line that is wholly a date (`1492`, `**1492**`, `1492:`, `Spring 1776`). */
function dateAlone(node: Paragraph, year: number | null): PeriodReading | null {
  const text = plainText([node]).trim();
  if (text.includes('\n')) return null;
  return wholeDate(labelOf(node.children), year);
}

/** A line's text as a date label: without the colon or full stop that may close it. */
function labelOf(nodes: readonly PhrasingContent[]): string {
  return plainText([...nodes])
    .trim()
    .replace(/[:：.。]$/u, '');
}

/** The parts of an entry read from a date and a text with no title of its own. */
function partsOf(
  titled: TitledText,
  reading: PeriodReading,
  shape: Entry['shape'],
): EntryParts & { shape: Entry['shape'] } {
  return {
    title: titled.title,
    titleText: plainText(titled.title).trim(),
    yearLabel: reading.period.label,
    period: reading.period,
    reversed: reading.reversed,
    dateFirst: true,
    link: null,
    wikiTarget: null,
    description: titled.description,
    titleExcerpt: titled.excerpt,
    shape,
  };
}

/** A day heading and its text, as one event (rule 2d in docs/note-format.md). */
function dayEntry(
  node: Heading,
  heading: string,
  period: Period,
  section: RootContent[],
  state: EraState,
  ctx: WalkContext,
): Entry {
  const firstText =
    section[0]?.type === 'list'
      ? plainText(section[0].children[0]?.children.slice(0, 1) ?? [])
      : plainText(section.slice(0, 1));
  const title = excerptOf(firstText.trim()) || heading;
  const parts: EntryParts & { shape: Entry['shape'] } = {
    title: [{ type: 'text', value: title }],
    titleText: title,
    yearLabel: heading,
    period,
    reversed: false,
    dateFirst: true,
    link: null,
    wikiTarget: null,
    description: [],
    titleExcerpt: true,
    shape: 'day',
  };
  return entryFrom(parts, [], state, positionOf(node, ctx), ctx, null, section);
}

/** The year context of the lines of a paragraph or list, and whether most of them open with a date. */
function lineContext(state: EraState, openings: boolean[]): LineContext {
  const year = yearOf(state);
  const dated = openings.filter(Boolean).length;
  return { year, dateList: dated >= 2 && dated * 2 >= openings.length };
}

/** A warning for an entry dated outside the heading it stands under. */
/**
 * An entry dated outside the period it stands under (its sub-period, else
 * its era) is most likely a typo: said at its line, the build goes on. Only
 * a date that does not overlap the period at all warns: a life span
 * (`Cicero (106 – 43 BC)`) under a sub-period of its years is no typo. Open
 * and unknown ends bound nothing.
 */
function warnOutside(entry: Entry, container: Inherited['container'], ctx: WalkContext): void {
  if (entry.dateSource !== 'title' || !entry.date || !container.period) return;
  const outer = periodBounds(container.period);
  const inner = periodBounds(entry.date);
  // A tiny slack: fractions of a year are sums of floats.
  const eps = 1e-6;
  const before = outer.lo !== null && inner.hi !== null && inner.hi <= outer.lo + eps;
  const after = outer.hi !== null && inner.lo !== null && inner.lo >= outer.hi - eps;
  if (!before && !after) return;
  const where = container.sub ? `its sub-period “${container.heading}”` : `its era “${container.heading}”`;
  ctx.warnings.push({
    file: ctx.file,
    line: entry.position.line,
    column: entry.position.column,
    message: `“${entry.title}” (${entry.yearLabel ?? entry.date.label}) lies outside ${where}`,
    hint: `check the date for a typo, or move the entry under the ${container.depth ? `\`${'#'.repeat(container.depth)}\` heading` : container.sub ? 'date' : 'chapter'} whose period holds it`,
  });
}

function warnEmptyHeading(node: Heading, ctx: WalkContext): void {
  ctx.warnings.push({
    file: ctx.file,
    ...positionOf(node, ctx),
    message: `empty level-${node.depth} heading`,
    hint: 'give the heading a name and period, e.g. `## 序曲 2022`',
  });
}

function isWhollyEmphasised(node: Paragraph): boolean {
  const meaningful = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  return meaningful.length === 1 && (meaningful[0]!.type === 'emphasis' || meaningful[0]!.type === 'strong');
}

/**
 * Each line of a paragraph is an entry or, if it is not, a note. A line
 * that is wholly a date takes the note lines after it as its event.
 */
function readParagraph(node: Paragraph, state: EraState, ctx: WalkContext): void {
  const { era, group } = state;
  const lines = splitLines(node.children, node.position?.start.line ?? 1);
  const year = yearOf(state);
  const context = lineContext(
    state,
    lines.map((line) => opensWithDate(line.nodes, year)),
  );
  let pendingNote: { nodes: PhrasingContent[]; position: Position } | null = null;
  const flushNote = () => {
    if (!pendingNote) return;
    era.items.push({
      kind: 'note',
      content: ctx.render.inline(pendingNote.nodes),
      group,
      position: pendingNote.position,
    });
    pendingNote = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const position = { line: line.line, column: firstColumn(ctx.lines, line.line) };
    // `1492` (or `**1492**`, `1492:`) then `Columbus reaches the Americas` on the next line: one event.
    const alone = wholeDate(labelOf(line.nodes), year);
    const next = lines[i + 1];
    const parts = alone && next && !readEntry(next.nodes, context) ? null : readEntry(line.nodes, context);
    if (parts) {
      flushNote();
      era.items.push(entryFrom(parts, [], state, position, ctx));
      continue;
    }
    if (alone && next && !readEntry(next.nodes, context)) {
      // `1492` then `Columbus reaches the Americas` on the next line: one event.
      flushNote();
      const titled = titleFromText(next.nodes);
      era.items.push(entryFrom(partsOf(titled, alone, 'prose'), [], state, position, ctx));
      i++;
      continue;
    }
    if (pendingNote) {
      // Consecutive note lines stay one note, with the line break Obsidian shows.
      pendingNote.nodes.push({ type: 'break' }, ...line.nodes);
    } else {
      pendingNote = { nodes: [...line.nodes], position };
    }
  }
  flushNote();
}

/**
 * Each list item that reads as an entry is one; so is a plain item under a
 * date heading (one of that date's events), and a date alone with its event
 * in the nested items. Runs of other items stay a list.
 */
function readList(node: List, state: EraState, ctx: WalkContext, dated: Inherited | null = bulletDate(state)): void {
  const { era, group } = state;
  const year = dated ? singleYear(dated.period) : yearOf(state);
  const context = lineContext(
    state,
    node.children.map(
      (item) => item.children[0]?.type === 'paragraph' && opensWithDate(item.children[0].children, year),
    ),
  );
  if (dated) context.year = year;
  let run: ListItem[] = [];
  let runStart = node.start ?? 1;
  let index = 0;
  const flush = () => {
    if (!run.length) return;
    // The run stands where its first item does, not where the whole list starts.
    const position = { start: run[0]!.position!.start, end: run[run.length - 1]!.position!.end };
    const list: List = { ...node, start: node.ordered ? runStart : node.start, children: run, position };
    era.items.push(block(list, 'list', group, ctx));
    run = [];
  };

  for (const item of node.children) {
    const [first, ...rest] = item.children;
    const alone = first?.type === 'paragraph' && rest.length ? dateAlone(first, year) : null;
    const parts = first?.type === 'paragraph' && !alone ? readItemEntry(first, context, year) : null;
    if (parts) {
      flush();
      era.items.push(entryFrom(parts, rest, state, positionOf(first!, ctx), ctx, dated));
    } else if (alone && rest.length === 1 && rest[0]!.type === 'list' && !isDay(alone.period)) {
      // `- 1990` with its events nested below: each nested item is one of that date's events.
      flush();
      const own: Inherited = {
        period: alone.period,
        source: 'heading',
        container: { heading: alone.period.label, period: alone.period, sub: true, depth: 0 },
      };
      era.items.push({
        kind: 'subperiod',
        id: '',
        heading: alone.period.label,
        name: '',
        period: alone.period,
        group,
        position: positionOf(first!, ctx),
      });
      readList(rest[0] as List, state, ctx, own);
    } else if (alone) {
      // A date alone with its event nested below it.
      flush();
      const firstText =
        rest[0]?.type === 'list'
          ? plainText(rest[0].children[0]?.children.slice(0, 1) ?? [])
          : plainText(rest.slice(0, 1));
      const title = excerptOf(firstText.trim());
      const parts: EntryParts & { shape: Entry['shape'] } = {
        ...partsOf({ title: [{ type: 'text', value: title }], description: [], excerpt: true }, alone, 'bullet'),
      };
      era.items.push(entryFrom(parts, [], state, positionOf(first!, ctx), ctx, null, rest));
    } else if (
      first?.type === 'paragraph' &&
      !plainText([first]).includes('\n') &&
      rest.some((child) => child.type === 'list' && holdsEntry(child, null))
    ) {
      // `- Politics` with dated entries nested below: a label over its events, as a heading would be.
      flush();
      const heading = plainText([first]).trim();
      const { name, period } = splitHeadingPeriod(heading);
      era.items.push({ kind: 'subperiod', id: '', heading, name, period, group, position: positionOf(first, ctx) });
      for (const child of rest)
        if (child.type === 'list') readList(child, state, ctx, dated);
        else era.items.push(block(child, child.type, group, ctx));
    } else if (dated && first?.type === 'paragraph' && typeof item.checked !== 'boolean') {
      // A plain bullet under a date heading: one of that date's events, titled by its first clause.
      flush();
      const titled = titleFromText(first.children);
      const parts: EntryParts & { shape: Entry['shape'] } = {
        ...partsOf(titled, { period: dated.period!, reversed: false }, 'bullet'),
        yearLabel: null,
        dateFirst: false,
        period: null,
      };
      era.items.push(
        entryFrom(parts, rest, state, positionOf(first, ctx), ctx, dated, titled.excerpt ? [first, ...rest] : null),
      );
    } else {
      if (!run.length) runStart = (node.start ?? 1) + index;
      run.push(item);
    }
    index++;
  }
  flush();
}

/**
 * An item's first paragraph as an entry: a line of its own, or a date alone
 * on its first line with the event on the lines after it (`- 1521` then
 * `Magellan dies at Mactan.`).
 */
function readItemEntry(first: Paragraph, context: LineContext, year: number | null): EntryParts | null {
  const lines = splitLines(first.children, first.position?.start.line ?? 1);
  const alone = lines.length > 1 ? wholeDate(labelOf(lines[0]!.nodes), year) : null;
  if (!alone) return readEntry(first.children, context);
  const text = lines.slice(1).flatMap((line, i) => (i ? [{ type: 'break' } as const, ...line.nodes] : line.nodes));
  return partsOf(titleFromText(text), alone, 'prose');
}

/** A table with a date column: its rows are events; rows whose date does not read stay a table. */
function readTableNode(node: Table, state: EraState, ctx: WalkContext): void {
  const { era, group } = state;
  const reading = readTable(node, yearOf(state));
  if (!reading) {
    era.items.push(block(node, 'table', group, ctx));
    return;
  }
  let run: TableRow[] = [];
  const flush = () => {
    if (!run.length) return;
    const position = { start: run[0]!.position!.start, end: run[run.length - 1]!.position!.end };
    era.items.push(block({ ...node, children: [node.children[0]!, ...run], position }, 'table', group, ctx));
    run = [];
  };
  for (const row of reading.rows) {
    if (!('reading' in row)) {
      run.push(row);
      continue;
    }
    flush();
    const titled: TitledText = row.title.length
      ? { title: row.title, description: row.description, excerpt: false }
      : titleFromText(row.description);
    const parts = partsOf(titled, row.reading, 'row');
    parts.yearLabel = row.label;
    // `| Band | Year |`: the date is written after the title.
    parts.dateFirst = reading.titleColumn === -1 || reading.dateColumn < reading.titleColumn;
    if (titled.excerpt) parts.description = row.description;
    era.items.push(entryFrom(parts, [], state, positionOf(row.row, ctx), ctx));
  }
  flush();
}

/**
 * A timeline plugin's block read as events (`shapes/plugins`): a Chronos or
 * George-debug block, the Timelines plugin's `ob-timelines` spans and divs,
 * a `[!timeline]` callout. A block that only renders other notes' events is
 * left out, and said in the explanation. Returns false when the node is
 * none of these.
 */
function readPlugin(node: RootContent, state: EraState, ctx: WalkContext): boolean {
  const start = node.position?.start;
  const end = node.position?.end;
  if (!start || !end) return false;
  let reading: PluginBlock | PluginDrop | null = null;
  if (node.type === 'code' && node.lang) {
    reading = readPluginCode(node.lang, node.meta ?? null, node.value, start.line + 1);
  } else if ((node.type === 'html' || node.type === 'paragraph') && /ob-timelines/u.test(htmlOf(node))) {
    // HTML that hides part of itself is shown as HTML (the sanitizer leaves that part out), never read here.
    const html = htmlOf(node);
    if (!HIDING_HTML.test(html)) reading = readObTimelinesHtml(html, start.line, start.column);
  } else if (node.type === 'blockquote' && isTimelineCallout(node) && !HIDING_HTML.test(rawOf(node, ctx))) {
    const raw = rawOf(node, ctx).split('\n');
    const head = /^\s*>\s*\[!([^\]]*)\][+-]?[ \t]*(.*)$/u.exec(raw[0] ?? '');
    if (head) {
      const lines = raw.slice(1).map((text, i) => {
        const prefix = /^\s*(?:>\s?)*/u.exec(text)![0];
        return { text: text.slice(prefix.length), line: start.line + 1 + i, column: prefix.length + 1 };
      });
      reading = readTimelineCallout(head[1]!, head[2]!, lines, { line: start.line, column: start.column });
    }
  }
  if (!reading) return false;
  if (isPluginDrop(reading)) {
    ctx.dropped.push({ line: start.line, why: reading.drop });
    return true;
  }
  if (!reading.events.length && !reading.kept.length) return false;
  const { era, group } = state;
  const kept = reading.kept;
  const items: Array<{ line: number; item: () => EraItem }> = [];
  for (const event of reading.events) {
    items.push({ line: event.line, item: () => pluginEntry(event, state, ctx) });
  }
  for (const k of kept) {
    items.push({
      line: k.line,
      item: () => ({
        kind: 'note',
        content: ctx.render.inline(inlineOf(k.text, ctx)),
        group,
        position: { line: k.line, column: firstColumn(ctx.lines, k.line) },
      }),
    });
  }
  items.sort((a, b) => a.line - b.line);
  for (const { item } of items) era.items.push(item());
  for (const h of reading.hidden) ctx.dropped.push({ line: h.line, why: h.why });
  for (const p of reading.problems)
    ctx.warnings.push({ file: ctx.file, line: p.line, column: p.column, message: p.message, hint: p.hint });
  return true;
}

/** A callout of type `timeline` (`> [!timeline]`), as remark-callout marks it. */
function isTimelineCallout(node: RootContent): boolean {
  const classes = (node.data as { hProperties?: { className?: unknown } } | undefined)?.hProperties?.className;
  return Array.isArray(classes) && classes.some((c) => /^callout-timeline/u.test(String(c)));
}

/** HTML that may hide what it holds: a callout holding it is shown as a callout, with that part left out. */
const HIDING_HTML = /<(?:script|template)\b|<!--|\s(?:hidden|style)\s*[=\s/>]|^\s*(?:>\s*)*(?:```|~~~)/imu;

/** A node's HTML as the tree holds it: an HTML block, or a paragraph's tags and text. */
function htmlOf(node: RootContent): string {
  if (node.type === 'html') return node.value;
  if (node.type !== 'paragraph') return '';
  // Inline code shows its text as code: `<span class="ob-timelines">` written in backticks is no event.
  if (node.children.some((child) => child.type === 'inlineCode' && child.value.includes('ob-timelines'))) return '';
  return node.children.map((child) => (child.type === 'html' ? child.value : plainText([child]))).join('');
}

/** The note's text of a node, as written (comments blanked). */
function rawOf(node: RootContent, ctx: WalkContext): string {
  const { start, end } = node.position ?? {};
  if (start?.offset === undefined || end?.offset === undefined) return '';
  return ctx.source.slice(start.offset, end.offset);
}

/** A plugin's Markdown text, parsed behind the same guards as the note (guards.ts): no text can hang it. */
function parseFragment(text: string, ctx: WalkContext) {
  const guarded = guardNote(text, ctx.file, []);
  const tree = parseMarkdown(guarded, ctx.file);
  if (guarded !== text) restoreMarks(tree);
  return tree;
}

/** Inline Markdown of a plugin's text (a title, a kept line). */
function inlineOf(text: string, ctx: WalkContext): PhrasingContent[] {
  const first = parseFragment(text, ctx).children[0];
  return first?.type === 'paragraph' ? first.children : text ? [{ type: 'text', value: text }] : [];
}

/** A date without the gloss in parentheses that may follow it. */
function withoutGloss(text: string): string {
  return text.replace(/\s*[（(][^（）()]*[)）]\s*$/u, '');
}

/** One of a plugin's events as an entry: its date read by the note's date grammar. */
function pluginEntry(event: PluginEvent, state: EraState, ctx: WalkContext): Entry {
  // `1600年（慶長5年）`: a gloss in an era the grammar does not know is left aside, the year read.
  const glossed = event.date && !readPeriod(event.date) ? readPeriod(withoutGloss(event.date)) : null;
  const reading = glossed
    ? { ...glossed, period: { ...glossed.period, label: event.date! } }
    : event.date
      ? readPeriod(event.date)
      : null;
  const position = { line: event.line, column: event.column };
  if (event.date && !reading)
    ctx.warnings.push({
      file: ctx.file,
      ...position,
      message: `the date “${event.written}” of a timeline plugin's event cannot be read; the event is shown undated`,
      hint: 'write the date as the plugin documents it, e.g. `1969-07-20`, `-490` for 490 BC, or `[1914~1918]` in Chronos',
    });
  const title = inlineOf(event.title, ctx);
  const description = event.description ? parseFragment(event.description, ctx).children : [];
  if (event.group)
    description.push({
      type: 'paragraph',
      children: [{ type: 'emphasis', children: [{ type: 'text', value: event.group }] }],
    });
  // A time of day the date grammar leaves aside (`20:17<br> 20 July 1969`) stays in the label.
  const time = /\b\d{1,2}:\d{2}\b/u.exec(event.written)?.[0];
  const label = reading ? (time ? `${time} ${reading.period.label}` : reading.period.label) : event.written || null;
  const parts: EntryParts = {
    title,
    titleText: plainText(title).trim(),
    yearLabel: label,
    period: reading?.period ?? null,
    reversed: reading?.reversed ?? false,
    dateFirst: true,
    link: null,
    wikiTarget: null,
    description: [],
    titleExcerpt: false,
    shape: 'block',
  };
  // An unreadable date leaves the event undated, as its warning says, not dated by its chapter.
  const undated: Inherited | null =
    event.date && !reading ? { ...inherited(state), period: null, source: 'none' } : null;
  return entryFrom(parts, [], state, position, ctx, undated, description);
}

function entryFrom(
  parts: EntryParts,
  extraBlocks: RootContent[],
  state: EraState,
  position: Position,
  ctx: WalkContext,
  dated: Inherited | null = null,
  /** Blocks that are the whole description (a day's text), instead of `parts.description` and `extraBlocks`. */
  wholeBlocks: RootContent[] | null = null,
): Entry {
  const description = wholeBlocks
    ? ctx.render.blocks(wholeBlocks)
    : extraBlocks.length
      ? ctx.render.blocks([{ type: 'paragraph', children: parts.description }, ...extraBlocks])
      : ctx.render.inline(parts.description);
  const from = dated ?? inherited(state);
  if (parts.reversed) warnReversed(parts.yearLabel ?? '', position.line, ctx);
  // A reversed date stays the entry's own, shown as written; it has no dates, so it places nothing.
  const own = parts.period;
  const date = own ?? from.period;
  const dateSource = own ? 'title' : from.period ? from.source : 'none';
  let link: string | null = null;
  if (parts.link !== null) {
    link = safeUrl(parts.link);
    if (link === null) {
      ctx.warnings.push({
        file: ctx.file,
        ...position,
        message: `the link of “${parts.titleText}” is not a safe URL and is dropped: ${parts.link.slice(0, 60)}`,
        hint: 'links may be http(s), mailto or relative URLs',
      });
    }
  }
  const entry: Entry = {
    kind: 'entry',
    id: '',
    title: parts.titleText || parts.yearLabel || '',
    titleHtml: '',
    yearLabel: parts.yearLabel,
    dateFirst: parts.dateFirst,
    date,
    dateSource,
    link,
    description,
    titleExcerpt: parts.titleExcerpt,
    shape: (parts as { shape?: Entry['shape'] }).shape ?? 'line',
    group: state.group,
    position,
  };
  ctx.render.later((hooks) => {
    // The date as text when the title is empty: escaped like any text, never raw HTML.
    entry.titleHtml =
      renderInline(parts.title, hooks).html ||
      renderInline([{ type: 'text', value: parts.yearLabel ?? '' }], hooks).html;
  });
  warnOutside(entry, from.container, ctx);
  return entry;
}

function startEra(node: Heading, ordinal: number, ctx: WalkContext): DraftEra {
  const heading = plainText([node]).trim();
  if (!heading) warnEmptyHeading(node, ctx);
  const { name, period, reversed } = readHeading(heading, null);
  if (reversed) warnReversed(period!.label, positionOf(node, ctx).line, ctx);
  return {
    ordinal,
    heading,
    name,
    period,
    intro: null,
    items: [],
    position: positionOf(node, ctx),
    headingNode: node,
    nodes: [node],
  };
}

/** Where `text` starts on a line of the note (1-based), else where the line's text starts. */
function columnOf(text: string, line: number, ctx: WalkContext): number {
  const at = (ctx.lines[line - 1] ?? '').indexOf(text);
  return at === -1 ? firstColumn(ctx.lines, line) : at + 1;
}

/** A range whose end comes before its start is kept as written, undated, and said. */
function warnReversed(label: string, line: number, ctx: WalkContext): void {
  ctx.warnings.push({
    file: ctx.file,
    line,
    column: columnOf(label, line, ctx),
    message: `the period “${label}” ends before it starts; it is shown as written but not placed in time`,
    hint: 'write the earlier date first (`1914–1918`); for years before the common era mark them, e.g. `490–479 BC`',
  });
}

function block(node: RootContent, type: string, group: number, ctx: WalkContext): EraItem {
  return { kind: 'block', type, content: ctx.render.blocks([node]), group, position: positionOf(node, ctx) };
}

function positionOf(node: RootContent, ctx: WalkContext): Position {
  const start = node.position?.start;
  if (!start) return { line: 1, column: 1 };
  return { line: start.line, column: start.column ?? firstColumn(ctx.lines, start.line) };
}

function firstColumn(lines: string[], line: number): number {
  const text = lines[line - 1] ?? '';
  return text.length - text.trimStart().length + 1;
}

/** Era slugs first (from names), then entry and sub-period anchors, all unique together. */
function assignIds(drafts: DraftEra[]): Era[] {
  const eraSlugs = new Slugger();
  const slugs = drafts.map((d) => eraSlugs.slug(d.name || d.heading, `era-${d.ordinal}`));
  const anchors = new Slugger();
  anchors.reserve(slugs);
  return drafts.map(({ headingNode: _heading, nodes: _nodes, ...draft }, i) => ({
    ...draft,
    slug: slugs[i]!,
    // In place: deferred rendering (see parseNote) fills these same objects.
    items: draft.items.map((item) => {
      if (item.kind === 'entry') item.id = anchors.slug(item.title, 'entry');
      if (item.kind === 'subperiod') item.id = anchors.slug(item.heading, 'period');
      return item;
    }),
  }));
}

/** `notes/My Timeline.md` gives `My Timeline`. */
function fileTitle(file: string): string {
  const base = file.split(/[\\/]/u).pop() ?? file;
  return base.replace(/\.(md|markdown)$/iu, '') || 'Timeline';
}
