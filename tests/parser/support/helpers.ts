/**
 * Shared helpers for the parser's unit tests: fixture paths, parsing a
 * fixture, and an independent reading of a note's body text (straight from
 * remark's mdast, not from the parser's model) for the "nothing lost" check.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkWikiLink from 'remark-wiki-link';
import { unified } from 'unified';
import { parseNote, type Timeline } from '../../../src/timeline/index.ts';

/** Absolute path of `tests/fixtures/<name>/input.md` (or another file in it). */
export function fixturePath(name: string, file = 'input.md'): string {
  return fileURLToPath(new URL(`../../fixtures/${name}/${file}`, import.meta.url));
}

/** The default note the site publishes. */
export const DEFAULT_NOTE = fileURLToPath(new URL('../../../content/llm-history.md', import.meta.url));

/** Parses a fixture note, naming it as the build would (relative path). */
export function parseFixture(name: string): Timeline {
  const path = fixturePath(name);
  return parseNote(readFileSync(path, 'utf8'), { file: `tests/fixtures/${name}/input.md` });
}

/** Parses an inline note; `n.md` is the file named in messages. */
export function parse(source: string, file = 'n.md'): Timeline {
  return parseNote(source, { file });
}

/** Every entry of a timeline, across eras, in document order. */
export function entries(timeline: Timeline) {
  return timeline.eras.flatMap((era) => era.items.filter((item) => item.kind === 'entry'));
}

/**
 * The body's text read independently: CommonMark + GFM + wiki links, the
 * frontmatter dropped, a wiki link read as what the reader sees (its alias).
 * Deliberately does not use the parser's own `plainText`.
 */
export function bodyText(source: string): string {
  const tree = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkWikiLink, { aliasDivider: '|' })
    .parse(source.replace(/^\uFEFF/u, '')) as Root;
  const text = (node: Nodes): string => {
    const wiki = node as unknown as { type: string; data?: { alias?: string }; value?: string };
    if (wiki.type === 'wikiLink') return wiki.data?.alias ?? wiki.value ?? '';
    if ('children' in node) {
      // What a browser never shows: the text inside a <script> (the HTML around it is already left out).
      let inScript = false;
      return (node.children as Nodes[])
        .map((child) => {
          if (child.type === 'html') {
            if (/^<script\b/iu.test(child.value) && !/<\/script>/iu.test(child.value)) inScript = true;
            else if (/^<\/script>/iu.test(child.value)) inScript = false;
            return '';
          }
          return inScript ? '' : text(child);
        })
        .join('');
    }
    return toString(node, { includeHtml: false });
  };
  return tree.children
    .filter((node) => node.type !== 'yaml')
    .map(text)
    .join('');
}

/**
 * The model's text pieces in document order: H1, preface, then per era its
 * heading, intro and items (sub-period heading, entry title + year +
 * description, note, block). An entry whose title is only a year shows the
 * year as its title: that year is counted once.
 */
export function modelText(timeline: Timeline): string {
  // The `#` heading is the page's title, or, when the frontmatter gives another title, the preface's first line.
  const heading = timeline.titleHeading === timeline.meta.title ? timeline.titleHeading : '';
  const pieces: string[] = [heading, timeline.preface?.text ?? ''];
  for (const era of timeline.eras) {
    pieces.push(era.heading, era.intro?.text ?? '');
    for (const item of era.items) {
      if (item.kind === 'subperiod') pieces.push(item.heading);
      else if (item.kind === 'entry' && item.titleExcerpt) {
        // The title is cut from the description, which holds the whole text
        // (and the date, unless it stood apart: a day heading, a date alone).
        const label = item.yearLabel && !item.description.text.includes(item.yearLabel) ? item.yearLabel : '';
        pieces.push(item.dateFirst ? label : '', item.description.text, item.dateFirst ? '' : label);
      } else if (item.kind === 'entry') {
        const title = item.title === item.yearLabel ? '' : item.title;
        // A date written first comes before the title in the note.
        if (item.dateFirst) pieces.push(item.yearLabel ?? '', title, item.description.text);
        else pieces.push(title, item.yearLabel ?? '', item.description.text);
      } else pieces.push(item.content.text);
    }
  }
  return pieces.join('');
}

/**
 * Text compared for completeness: whitespace, colons and parentheses aside,
 * and the dashes, bars, commas and full stops that set a date-first line's
 * date, title and description apart (the parser drops them, as it drops the
 * colon).
 */
export function comparable(text: string): string {
  return text.replace(/[\s:：()（）\-–—.。|｜,，、]/gu, '');
}
