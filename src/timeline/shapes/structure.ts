/**
 * The chapters of a note, found from the note itself rather than from a
 * fixed heading level. Rules, in order:
 *
 * 1. The first heading is the note's title when it is its only `#` heading,
 *    or the first of several with no period of its own.
 * 2. A heading is dated when it carries a period or when the text under it
 *    (to the next heading of its level or above) holds a dated event.
 * 3. The chapter level is the shallowest heading level with a dated
 *    heading, else the shallowest level used at all. Every
 *    heading at that level or above starts a chapter; deeper ones are
 *    sub-periods (or, for a day, events).
 * 4. A note with no heading but the title reads its chapters from an outline:
 *    a list whose top items carry periods and hold nested items. Failing
 *    that, the note is one chapter, named after the note, and the text before
 *    its first dated event is the preface.
 */
import type { Heading, List, ListItem, Paragraph, RootContent } from 'mdast';
import { opensWithDate, readEntry, splitLines } from '../entry-lines.ts';
import { splitHeadingPeriod } from '../period.ts';
import { plainText } from '../plain-text.ts';
import { hasDateColumn } from './table.ts';

/** How a note's body divides into a preface and chapters. */
export interface Structure {
  /** Index in the body of the heading that titles the note, or -1. */
  title: number;
  /** Headings at this depth or above start a chapter; null: the note has none. */
  depth: number | null;
  /** With no chapter headings: where the one chapter starts (the first dated block). */
  start: number;
}

/** Whether some blocks hold a dated event, as a reader would see it (a probe; the walk reads them for real). */
export type DatedProbe = (node: RootContent) => boolean;

/** Finds the title heading and the chapter level of a note's body. */
export function findStructure(body: readonly RootContent[], dated: DatedProbe): Structure {
  const headings: Array<{ index: number; depth: number; own: boolean }> = [];
  body.forEach((node, index) => {
    if (node.type === 'heading')
      headings.push({ index, depth: node.depth, own: splitHeadingPeriod(plainText([node]).trim()).period !== null });
  });
  const first = headings[0];
  const h1s = headings.filter((h) => h.depth === 1).length;
  const title = first && first.depth === 1 && (h1s === 1 || !first.own) ? first.index : -1;

  const counts = new Map<number, number>();
  const used = new Set<number>();
  // Where each heading's section ends: the next heading at its level or above (one pass, from the end).
  const ends = new Array<number>(headings.length);
  const nextAtOrAbove = new Array<number>(7).fill(body.length);
  for (let i = headings.length - 1; i >= 0; i--) {
    const heading = headings[i]!;
    ends[i] = nextAtOrAbove[heading.depth]!;
    for (let d = heading.depth; d <= 6; d++) nextAtOrAbove[d] = heading.index;
  }
  headings.forEach((heading, i) => {
    if (heading.index === title) return;
    used.add(heading.depth);
    let isDated = heading.own;
    for (let n = heading.index + 1; !isDated && n < ends[i]!; n++) isDated = dated(body[n]!);
    if (isDated) counts.set(heading.depth, (counts.get(heading.depth) ?? 0) + 1);
  });
  const depths = [...used].sort((a, b) => a - b);
  const depth = depths.find((d) => (counts.get(d) ?? 0) >= 1) ?? depths[0] ?? null;
  if (depth !== null) return { title, depth, start: -1 };
  const from = title + 1;
  const firstDated = body.findIndex((node, i) => i >= from && dated(node));
  return { title, depth: null, start: firstDated === -1 ? from : firstDated };
}

/**
 * Chapters from an outline (rule 4): each top item of a list that carries a
 * period and holds nested blocks becomes a chapter heading followed by those
 * blocks; its other items stay a list. Returns null when the body holds no
 * such list (two such items at least).
 */
export function outlineChapters(body: readonly RootContent[]): RootContent[] | null {
  const index = body.findIndex((node) => node.type === 'list' && node.children.filter(isChapterItem).length >= 2);
  if (index === -1) return null;
  const list = body[index] as List;
  const out: RootContent[] = [...body.slice(0, index)];
  let run: ListItem[] = [];
  const flush = () => {
    if (!run.length) return;
    out.push({
      ...list,
      children: run,
      position: { start: run[0]!.position!.start, end: run[run.length - 1]!.position!.end },
    });
    run = [];
  };
  for (const item of list.children) {
    if (!isChapterItem(item)) {
      run.push(item);
      continue;
    }
    flush();
    const [first, ...rest] = item.children as [Paragraph, ...RootContent[]];
    // A heading at the top level: the note has no other chapter headings (rule 4).
    const heading: Heading = { type: 'heading', depth: 1, children: first.children, position: first.position };
    out.push(heading, ...rest);
  }
  flush();
  for (let i = index + 1; i < body.length; i++) out.push(body[i]!);
  return out;
}

/** A top item of an outline: one line naming a period, with nested blocks. */
function isChapterItem(item: ListItem): boolean {
  const [first, ...rest] = item.children;
  if (first?.type !== 'paragraph' || rest.length === 0) return false;
  const text = plainText([first]).trim();
  if (text.includes('\n')) return false;
  // `Title: text` is an entry with nested notes, not a chapter.
  if (readEntry(first.children, { year: null })?.description.length) return false;
  return splitHeadingPeriod(text).period !== null;
}

/**
 * The probe of dated material: a heading with a period, a line or item that
 * reads as a dated entry or opens with a date, a table with a date column, a
 * quote or callout holding any of these, or a block the walk reads as events.
 */
export function datedProbe(extra: DatedProbe = () => false): DatedProbe {
  // A block is probed once for each heading above it: each answer is kept.
  const known = new WeakMap<RootContent, boolean>();
  const probe: DatedProbe = (node) => {
    let answer = known.get(node);
    if (answer === undefined) known.set(node, (answer = read(node)));
    return answer;
  };
  const read: DatedProbe = (node) => {
    switch (node.type) {
      case 'heading':
        return splitHeadingPeriod(plainText([node]).trim()).period !== null;
      case 'paragraph':
        return splitLines(node.children, 1).some(
          (line) => readEntry(line.nodes, { year: null })?.period || opensWithDate(line.nodes, null),
        );
      case 'list':
        return node.children.some((item) => item.children.some(probe));
      case 'blockquote':
        return node.children.some(probe);
      case 'table':
        return hasDateColumn(node);
      default:
        return extra(node);
    }
  };
  return probe;
}
