/**
 * A footnote reference links to the page its definition is shown on: the
 * definition stays where it is written (often at the end of the note, in
 * the last era), and the reference may be on another era page, on the
 * overview or in the preface on the index.
 */
import { expect, it } from 'vitest';
import { parseNote, type Entry, type EraItem } from '../../src/timeline/index.ts';

const NOTE = `---
title: t
---

Preface[^p].

[^p]: Defined in the preface.

## One 2000

X (2001): a claim[^1] and another[^注].

## Two 2001

Y (2002): again[^1].

[^1]: The source.
[^注]: 中文.
`;

it('links each reference to the era page (or the index) that shows its definition', () => {
  const { preface, eras } = parseNote(NOTE, { file: 'note.md' });
  expect(preface?.html).toContain('<a href="/#user-content-fn-p" data-footnote-ref>p</a>');
  const [x] = eras[0]!.items as [Entry];
  expect(x.description.html).toBe(
    'a claim<sup><a href="/eras/two/#user-content-fn-1" data-footnote-ref>1</a></sup> and another<sup><a href="/eras/two/#user-content-fn-%E6%B3%A8" data-footnote-ref>注</a></sup>.',
  );
  const [y, one, zhu] = eras[1]!.items as [Entry, EraItem, EraItem];
  expect(y.description.html).toContain('href="/eras/two/#user-content-fn-1"');
  // The ids the links point at.
  expect(one.kind === 'block' && one.content.html).toContain('id="user-content-fn-1"');
  expect(zhu.kind === 'block' && zhu.content.html).toContain('id="user-content-fn-%E6%B3%A8"');
});

it('follows the site’s base path', () => {
  const era = (slug: string, anchor?: string) => `/sub/eras/${encodeURIComponent(slug)}/${anchor ? `#${anchor}` : ''}`;
  const { preface, eras } = parseNote(NOTE, { file: 'note.md', links: { era, home: '/sub/' } });
  expect(preface?.html).toContain('href="/sub/#user-content-fn-p"');
  expect((eras[0]!.items[0] as Entry).description.html).toContain('href="/sub/eras/two/#user-content-fn-1"');
});
