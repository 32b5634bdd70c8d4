import type { Heading, List, ListItem, Paragraph, PhrasingContent, RootContent, Yaml } from 'mdast';
import { TimelineError } from './errors.ts';
import { readFrontmatter } from './frontmatter.ts';
import { guardNote, restoreMarks } from './guards.ts';
import { detectLanguage } from './lang.ts';
import { readEntry, splitLines, type EntryParts } from './entry-lines.ts';
import { linkHooks, type LinkOptions } from './links.ts';
import type { RenderHooks } from './hooks.ts';
import { parseMarkdown } from './markdown.ts';
import { plainText } from './plain-text.ts';
import { renderBlocks, renderInline } from './render.ts';
import { periodBounds, singleYear, splitHeadingPeriod } from './period.ts';
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
}

/** An era while the note is walked, before slugs and ids are handed out. */
interface DraftEra extends Omit<Era, 'slug'> {
  headingNode: Heading;
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
  const body = tree.children.filter((node) => node.type !== 'yaml' && node.type !== 'definition');

  const firstEra = body.findIndex((n) => n.type === 'heading' && n.depth === 2);
  if (firstEra === -1) {
    // No era: point at the end of the note, where the search for one ended;
    // no body at all: at the end of the frontmatter, where the body should start.
    const end = (body.length ? tree.position?.end : yaml?.position?.end) ?? { line: 1, column: 1 };
    throw new TimelineError({
      file,
      line: end.line,
      column: end.column,
      message: body.length
        ? 'the note has no era: no `##` heading was found'
        : yaml
          ? 'the note has no body: nothing after the frontmatter'
          : 'the note is empty',
      hint: 'start each era with a level-2 heading such as `## 序曲 2022` or `## The Jazz Age (1920–1929)`',
    });
  }

  const prefaceNodes = body.slice(0, firstEra);
  const h1Index = prefaceNodes.findIndex((n) => n.type === 'heading' && n.depth === 1);
  const titleHeading = h1Index === -1 ? null : plainText([prefaceNodes[h1Index]!]).trim();
  if (h1Index !== -1) prefaceNodes.splice(h1Index, 1);

  const drafts = walkEras(body.slice(firstEra), { file, lines, warnings, render });
  const eras = assignIds(drafts);

  const title = meta.title ?? titleHeading ?? fileTitle(file);
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
    footnotePages(body, eras),
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
  };
}

/** Where each footnote's definition is shown: its era's slug (one era per `##`), or null in the preface. */
function footnotePages(body: readonly RootContent[], eras: readonly Era[]): Map<string, string | null> {
  const pages = new Map<string, string | null>();
  let era = -1;
  for (const node of body) {
    if (node.type === 'heading' && node.depth === 2) era++;
    visit(node, 'footnoteDefinition', (definition) => {
      // CommonMark: the first definition of a label wins.
      if (!pages.has(definition.identifier))
        pages.set(definition.identifier, era < 0 ? null : (eras[era]?.slug ?? null));
    });
  }
  return pages;
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
  lines: string[];
  warnings: Diagnostic[];
  render: Renderer;
}

function walkEras(nodes: RootContent[], ctx: WalkContext): DraftEra[] {
  const eras: DraftEra[] = [];
  let era: DraftEra | undefined;
  let subPeriod: SubPeriodContext | null = null;
  let group = 0;

  const push = (item: EraItem) => era!.items.push(item);

  for (const node of nodes) {
    if (node.type === 'heading' && node.depth === 2) {
      era = startEra(node, eras.length + 1, ctx);
      eras.push(era);
      subPeriod = null;
      group = 0;
      continue;
    }
    if (!era) continue; // unreachable: nodes start at the first `##`
    group++;

    if (node.type === 'heading' && node.depth === 3) {
      const heading = plainText([node]).trim();
      const { name, period, reversed } = splitHeadingPeriod(heading);
      if (!heading) warnEmptyHeading(node, ctx);
      const position = positionOf(node, ctx);
      if (reversed) warnReversed(period!.label, position.line, ctx);
      subPeriod = { heading, period };
      push({ kind: 'subperiod', id: '', heading, name, period, group, position });
      continue;
    }

    if (node.type === 'paragraph') {
      if (!era.intro && era.items.length === 0 && isWhollyEmphasised(node)) {
        const inner = (
          node.children.find((c) => c.type === 'emphasis' || c.type === 'strong') as {
            children: PhrasingContent[];
          }
        ).children;
        era.intro = ctx.render.inline(inner);
        continue;
      }
      readParagraph(node, group, era, subPeriod, ctx);
      continue;
    }

    if (node.type === 'list') {
      readList(node, group, era, subPeriod, ctx);
      continue;
    }

    push(block(node, node.type, group, ctx));
  }

  for (const e of eras) {
    if (!e.items.some((item) => item.kind === 'entry')) {
      ctx.warnings.push({
        file: ctx.file,
        ...e.position,
        message: `era “${e.heading || `#${e.ordinal}`}” has no entries`,
        hint: 'entries are lines such as `Title（1997）：description` under the era heading',
      });
    }
  }
  return eras;
}

function startEra(node: Heading, ordinal: number, ctx: WalkContext): DraftEra {
  const heading = plainText([node]).trim();
  if (!heading) warnEmptyHeading(node, ctx);
  const { name, period, reversed } = splitHeadingPeriod(heading);
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
  };
}

/** A `###` heading the entries below it stand under. */
interface SubPeriodContext {
  heading: string;
  period: Period | null;
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

/**
 * An entry dated outside the period it stands under (its `###` sub-period,
 * else its era) is most likely a typo: said at its line, the build goes on.
 * Open and unknown ends bound nothing.
 */
function warnOutside(entry: Entry, era: DraftEra, subPeriod: SubPeriodContext | null, ctx: WalkContext): void {
  if (entry.dateSource !== 'title' || !entry.date) return;
  const container = subPeriod?.period?.start || subPeriod?.period?.end ? subPeriod : null;
  const period = container ? container.period : era.period;
  if (!period) return;
  const outer = periodBounds(period);
  const inner = periodBounds(entry.date);
  // A tiny slack: fractions of a year are sums of floats.
  const eps = 1e-6;
  const before = outer.lo !== null && inner.lo !== null && inner.lo < outer.lo - eps;
  const after = outer.hi !== null && inner.hi !== null && inner.hi > outer.hi + eps;
  if (!before && !after) return;
  const where = container ? `its sub-period “${container.heading}”` : `its era “${era.heading}”`;
  ctx.warnings.push({
    file: ctx.file,
    line: entry.position.line,
    column: entry.position.column,
    message: `“${entry.title}” (${entry.yearLabel ?? entry.date.label}) lies outside ${where}`,
    hint: `check the date for a typo, or move the entry under the ${container ? '`###` heading' : 'era'} whose period holds it`,
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

/** Each line of a paragraph is an entry or, if it is not, a note. */
function readParagraph(
  node: Paragraph,
  group: number,
  era: DraftEra,
  subPeriod: SubPeriodContext | null,
  ctx: WalkContext,
): void {
  const lines = splitLines(node.children, node.position?.start.line ?? 1);
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

  const context = { year: singleYear(subPeriod?.period ?? era.period) };
  for (const line of lines) {
    const parts = readEntry(line.nodes, context);
    const position = { line: line.line, column: firstColumn(ctx.lines, line.line) };
    if (parts) {
      flushNote();
      era.items.push(entryFrom(parts, [], group, era, subPeriod, position, ctx));
    } else if (pendingNote) {
      // Consecutive note lines stay one note, with the line break Obsidian shows.
      pendingNote.nodes.push({ type: 'break' }, ...line.nodes);
    } else {
      pendingNote = { nodes: [...line.nodes], position };
    }
  }
  flushNote();
}

/** Each list item that reads as an entry is one; runs of other items stay a list. */
function readList(
  node: List,
  group: number,
  era: DraftEra,
  subPeriod: SubPeriodContext | null,
  ctx: WalkContext,
): void {
  const context = { year: singleYear(subPeriod?.period ?? era.period) };
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
    const parts = first?.type === 'paragraph' ? readEntry(first.children, context) : null;
    if (parts) {
      flush();
      era.items.push(entryFrom(parts, rest, group, era, subPeriod, positionOf(first!, ctx), ctx));
    } else {
      if (!run.length) runStart = (node.start ?? 1) + index;
      run.push(item);
    }
    index++;
  }
  flush();
}

function entryFrom(
  parts: EntryParts,
  extraBlocks: RootContent[],
  group: number,
  era: DraftEra,
  subPeriod: SubPeriodContext | null,
  position: Position,
  ctx: WalkContext,
): Entry {
  const description = extraBlocks.length
    ? ctx.render.blocks([{ type: 'paragraph', children: parts.description }, ...extraBlocks])
    : ctx.render.inline(parts.description);
  const sub = subPeriod?.period ?? null;
  if (parts.reversed) warnReversed(parts.yearLabel ?? '', position.line, ctx);
  // A reversed date stays the entry's own, shown as written; it has no dates, so it places nothing.
  const own = parts.period;
  const date = own ?? sub ?? era.period;
  const dateSource = own ? 'title' : sub ? 'subperiod' : era.period ? 'era' : 'none';
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
    group,
    position,
  };
  ctx.render.later((hooks) => {
    entry.titleHtml = renderInline(parts.title, hooks).html || (parts.yearLabel ?? '');
  });
  warnOutside(entry, era, subPeriod, ctx);
  return entry;
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
  return drafts.map(({ headingNode: _heading, ...draft }, i) => ({
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
