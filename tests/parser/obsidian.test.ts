/**
 * Obsidian syntax, read as Obsidian shows it, by the parser on the obsidian
 * fixture (tests/build/obsidian.test.ts builds it).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNote, type Entry, type Timeline } from '../../src/timeline/index.ts';
import { fixturePath } from './support/helpers.ts';

const NOTE = 'tests/fixtures/obsidian/input.md';
const source = readFileSync(fixturePath('obsidian'), 'utf8');

function entry(timeline: Timeline, title: string): Entry {
  const found = timeline.eras
    .flatMap((era) => era.items)
    .find((item): item is Entry => item.kind === 'entry' && item.title === title);
  if (!found) throw new Error(`no entry “${title}”`);
  return found;
}

describe('Obsidian syntax in the parser', () => {
  const withGarden = parseNote(source, { file: NOTE, links: { wikiBase: 'https://garden.example.org/notes/' } });
  const alone = parseNote(source, { file: NOTE });

  it.each([
    // ==highlight== in the preface and in entries, Chinese and English
    ['Highlights', '<mark>重点</mark> and <mark>a key phrase</mark>'],
    // inline #tags become chips, Unicode tags included
    ['Highlights', '<span class="tag">#tag-one</span> and <span class="tag">#标签二</span>'],
    // inline code keeps %% literally
    ['Comments', '<code>code keeps %%this%% literal</code>'],
    // GFM footnote reference and strikethrough
    ['Footnotes', '<del>struck</del>'],
  ])('%s renders %s', (title, html) => {
    expect(entry(withGarden, title).description.html).toContain(html);
  });

  it('removes %%comments%%, inline and across lines, from every part of the model', () => {
    expect(JSON.stringify(withGarden)).not.toMatch(/SECRET|spans lines/u);
    expect(entry(withGarden, 'Comments').description.text.replace(/\s+/gu, ' ')).toBe(
      'visible text, code keeps %%this%% literal.',
    );
  });

  it.each([
    // [[#Heading]] of an era: its page
    ['Arrival', '/eras/arrival/'],
    // [[#Heading]] of a sub-period: its anchor on the era page
    ['2021', '/eras/arrival/#2021'],
    // [[This note#Entry title]]: the entry's anchor
    ['Obsidian 语法 / Obsidian syntax › Highlights', `/eras/${encodeURIComponent('启程-departure')}/#highlights`],
    // [[Other Note]], [[Other Note|alias]], [[Other Note#Heading|alias]]: the garden
    ['Other Note', 'https://garden.example.org/notes/other-note'],
    ['另一篇', 'https://garden.example.org/notes/other-note'],
    ['a heading there', 'https://garden.example.org/notes/other-note#some-heading'],
  ])('links the wiki link shown as “%s” to %s', (text, href) => {
    const html = entry(withGarden, 'Wiki links').description.html;
    expect(html).toContain(`href="${href}"`);
    expect(html).toContain(`>${text}</a>`);
  });

  it('without a garden URL, shows links to other notes as marked text, never a dead link, and warns', () => {
    const html = entry(alone, 'Wiki links').description.html;
    expect(html).not.toContain('other-note');
    expect(html).toContain('<span class="wikilink wikilink-unresolved">另一篇</span>');
    const lines = alone.warnings.filter((w) => w.message.includes('Other Note')).map((w) => w.line);
    expect(lines).toEqual([18, 18, 18]);
  });

  it('turns ![[Other note]] into a link to that note', () => {
    expect(entry(withGarden, 'Embeds').description.html).toContain(
      'href="https://garden.example.org/notes/another-note"',
    );
  });

  it('makes callouts: a note region, and foldable ones as <details>, closed with - and open with +', () => {
    const blocks = withGarden.eras[0]!.items.filter((item) => item.kind === 'block').map(
      (item) => item.kind === 'block' && item.content.html,
    );
    expect(blocks[0]).toMatch(
      /^<div class="callout callout-note" role="note">\s*<p class="callout-title">注意 Note<\/p>/u,
    );
    expect(blocks[1]).toMatch(
      /^<details class="callout callout-tip">\s*<summary class="callout-title">Folded tip<\/summary>/u,
    );
    expect(blocks[2]).toMatch(/^<details class="callout callout-warning" open>/u);
  });

  it('keeps task lists and tables as blocks', () => {
    const html = withGarden.eras[1]!.items.map((item) => (item.kind === 'block' ? item.content.html : '')).join('');
    expect(html).toContain('<input type="checkbox" checked disabled> a done task');
    expect(html).toContain('<th>列</th>');
  });
});

describe('bare links end at any white space, as GFM and Obsidian read them', () => {
  const preface = (body: string) => parseNote(`${body}\n\n## 序曲 2022\n`, { file: 'note.md' }).preface!;

  it('an embed after a URL and an ideographic space is still an embed, not part of the link (found by the property test)', () => {
    const { html, text } = preface('https://bare.example/p:q\u3000![[javascript:alert(1).png]]');
    expect(html).toContain(
      '<a href="https://bare.example/p:q" rel="noopener noreferrer">https://bare.example/p:q</a>\u3000',
    );
    expect(html).not.toContain('%E3%80%80');
    // Shown as the embed it is (a refused file: its name, marked), exactly as after an ASCII space.
    expect(text).toBe('https://bare.example/p:q\u3000javascript:alert(1).png');
    expect(preface('https://bare.example/p:q ![[javascript:alert(1).png]]').text).toBe(
      'https://bare.example/p:q javascript:alert(1).png',
    );
  });

  it('two URLs apart by a no-break or ideographic space are two links; trailing punctuation stays out', () => {
    for (const space of ['\u00a0', '\u3000', '\u2003']) {
      const { html } = preface(`见 https://a.example/x.${space}https://b.example/y`);
      expect(html, JSON.stringify(space)).toContain(
        '<a href="https://a.example/x" rel="noopener noreferrer">https://a.example/x</a>.',
      );
      expect(html, JSON.stringify(space)).toContain(
        '<a href="https://b.example/y" rel="noopener noreferrer">https://b.example/y</a>',
      );
    }
    // A link written in full is left alone.
    expect(preface('[a\u3000b](https://c.example/)').html).toContain('<a href="https://c.example/"');
  });
});
