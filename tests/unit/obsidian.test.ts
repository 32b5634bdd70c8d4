/**
 * Obsidian syntax, read as Obsidian shows it: first the parser on the
 * obsidian fixture, then one real build of it, whose files must hold no
 * comment, resolved wiki links, the note's images, and no dead link.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSiteWithLog } from '../support/build-site.ts';
import { parseNote, type Entry, type Timeline } from '../../src/timeline/index.ts';
import { fixturePath } from './helpers.ts';

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

/** Every file below a folder, recursively. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('Obsidian syntax in a real build', () => {
  let outDir = '';
  let log = '';
  beforeAll(() => {
    ({ outDir, log } = buildSiteWithLog({ TIMELINE_NOTE: NOTE, WIKI_BASE_URL: 'https://garden.example.org/notes/' }));
  }, 240_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  const page = (slug: string) => readFileSync(join(outDir, 'eras', slug, 'index.html'), 'utf8');

  it('writes no comment text anywhere in dist/', () => {
    for (const file of files(outDir)) expect(readFileSync(file, 'latin1'), file).not.toMatch(/SECRET-|spans lines/u);
  });

  it('copies the images the note uses, found beside it, in attachments/ or by name, and links them', () => {
    const html = page('启程-departure');
    const srcs = [...html.matchAll(/<img src="([^"]+)"/gu)].map((m) => m[1]!);
    expect(srcs).toHaveLength(3);
    for (const src of srcs) {
      expect(src).toMatch(/^\/_media\/[0-9a-f]{8}-(diagram|holiday)\.png$/u);
      expect(existsSync(join(outDir, src)), src).toBe(true);
    }
    expect(html).toMatch(/<img src="[^"]+diagram\.png" alt="diagram\.png"[^>]*width="120"/u);
  });

  it('shows a missing image as a visible placeholder and warns with its line', () => {
    expect(page('启程-departure')).toContain('<span class="image-missing">[missing-picture.png]</span>');
    expect(log).toMatch(/input\.md:19:\d+: image missing-picture\.png was not found/u);
  });

  it('resolves in-note wiki links to pages that exist', () => {
    const html = page('启程-departure');
    for (const [, href] of html.matchAll(/<a href="(\/eras\/[^"#]*)[^"]*" class="wikilink"/gu)) {
      expect(existsSync(join(outDir, decodeURIComponent(href!), 'index.html')), href).toBe(true);
    }
  });
});
