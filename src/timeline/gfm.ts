/**
 * GitHub-flavoured Markdown as remark-gfm reads it, less one micromark
 * construct: the literal-autolink tokenizer of
 * micromark-extension-gfm-autolink-literal. It hooks every letter, and on a
 * long paragraph micromark then merges its text in quadratic time (a 1 MB
 * paragraph of entry lines: 12.0 s, against 0.5 s without it; see
 * docs/safety.md). Literal autolinks (`https://…`, `www.…`, `a@b.org`) are
 * still links: mdast-util-gfm finds them in the tree's text, in linear time.
 *
 * That finder ends a link only at an ASCII space, where GFM's own tokenizer
 * (and Obsidian) end it at any Unicode white space: `https://a.org` + U+3000 + `![[x]]`
 * became one link swallowing the embed after an ideographic space. Such a
 * link is cut at its first white space, as GFM would read it, and the rest
 * is given back as text and searched for links again with the same finder.
 */
import type { Link, Nodes, Parent, Root, Text } from 'mdast';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Processor } from 'unified';

/** The unified plugin: footnotes, strikethrough, tables, task lists and literal autolinks. */
export function remarkGfmLinear(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown(), { transforms: [cutLinksAtWhiteSpace] });
}

/** White space other than what the finder already stops at. */
const WIDE_SPACE = /[^\S \t\r\n]/u;
/** Trailing punctuation that GFM leaves out of a literal link. */
const TRAILING = /[?!.,:*_~]+$/u;
const findLinks = gfmAutolinkLiteralFromMarkdown().transforms![0]!;

/** Cuts every literal link (a link the finder made: it has no position) at its first white space. */
function cutLinksAtWhiteSpace(tree: Root): void {
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (!('children' in node)) continue;
    const parent = node as Parent;
    for (let i = parent.children.length - 1; i >= 0; i--) {
      const child = parent.children[i]!;
      const rest = child.type === 'link' ? cut(child) : null;
      if (rest) {
        // The rest may hold links of its own: the same finder looks at it alone, and its links are cut too.
        const holder: Root = { type: 'root', children: [rest] };
        findLinks(holder);
        cutLinksAtWhiteSpace(holder);
        parent.children.splice(i + 1, 0, ...(holder.children as Parent['children']));
        joinTexts(parent, i + 1);
      } else stack.push(child);
    }
  }
}

/** Joins the text nodes that follow each other from `from` on, as the tree had the text before the finder split it (Obsidian's syntax is read within one text node). */
function joinTexts(parent: Parent, from: number): void {
  for (let i = from; i + 1 < parent.children.length;) {
    const a = parent.children[i]!;
    const b = parent.children[i + 1]!;
    if (a.type === 'text' && b.type === 'text') {
      a.value += b.value;
      if (a.position && b.position) a.position.end = b.position.end;
      parent.children.splice(i + 1, 1);
    } else if (b.type === 'text') i++;
    else break;
  }
}

/** Cuts a literal link at its first white space; returns what followed, as text, or null when there is nothing to cut. */
function cut(link: Link): Text | null {
  if (link.position || link.children.length !== 1 || link.children[0]!.type !== 'text') return null;
  const text = link.children[0]!;
  const at = text.value.search(WIDE_SPACE);
  if (at <= 0 || !link.url.endsWith(text.value)) return null;
  const kept = text.value.slice(0, at).replace(TRAILING, '');
  if (!kept) return null;
  const rest = text.value.slice(kept.length);
  link.url = link.url.slice(0, link.url.length - text.value.length) + kept;
  text.value = kept;
  return { type: 'text', value: rest };
}
