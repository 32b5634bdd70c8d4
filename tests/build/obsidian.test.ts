/**
 * Obsidian syntax in one real build of the obsidian fixture, whose files
 * must hold no comment, resolved wiki links, the note's images, and no dead
 * link.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, buildSiteWithLog } from './support/build-site.ts';

const NOTE = 'tests/fixtures/obsidian/input.md';

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
      expect(src).toMatch(/^\/_media\/[0-9a-f]{16}-(diagram|holiday)\.png$/u);
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

/** Every file below a folder, recursively. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('wiki links by a publisher’s rules (WIKI_LINKS)', () => {
  it('WIKI_LINKS=quartz links other notes where Quartz serves them, case kept', () => {
    const outDir = buildSite({
      TIMELINE_NOTE: NOTE,
      WIKI_BASE_URL: 'https://quartz.example/notes',
      WIKI_LINKS: 'quartz',
    });
    try {
      const html = readFileSync(join(outDir, 'eras', '启程-departure', 'index.html'), 'utf8');
      expect(html).toContain('href="https://quartz.example/notes/Other-Note"');
      expect(html).toContain('href="https://quartz.example/notes/Other-Note#some-heading"');
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 240_000);

  it('a publisher without its address, or one it does not know, stops the build with what to set', () => {
    expect(() => buildSite({ TIMELINE_NOTE: NOTE, WIKI_LINKS: 'quartz' })).toThrow(
      /wikiLinks "quartz" needs the address of that site: set WIKI_BASE_URL/u,
    );
    expect(() => buildSite({ TIMELINE_NOTE: NOTE, WIKI_BASE_URL: 'https://x.example/', WIKI_LINKS: 'hugo' })).toThrow(
      /WIKI_LINKS must be digital-garden or quartz, not "hugo"/u,
    );
  }, 240_000);
});
