/**
 * GitHub-flavoured Markdown as remark-gfm reads it, less one micromark
 * construct: the literal-autolink tokenizer of
 * micromark-extension-gfm-autolink-literal. It hooks every letter, and on a
 * long paragraph micromark then merges its text in quadratic time (a 1 MB
 * paragraph of entry lines: 12.0 s, against 0.5 s without it; see
 * docs/safety.md). Literal autolinks (`https://…`, `www.…`, `a@b.org`) are
 * still links: mdast-util-gfm finds them in the tree's text, in linear time.
 */
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Processor } from 'unified';

/** The unified plugin: footnotes, strikethrough, tables, task lists and literal autolinks. */
export function remarkGfmLinear(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown());
}
