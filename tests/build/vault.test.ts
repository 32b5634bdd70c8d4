/**
 * Nothing private leaves the vault (issue #20), on the fixture vault built
 * for real (tests/build/support/vault.ts): symlinks in and out, a FIFO, a
 * directory named like an image, a file over the limit, non-image files, an
 * unpublished note, a dotfile, the SVG attack corpus, comments after code a
 * hand lexer misread, hidden HTML, remote images. Every probe is asserted
 * on `dist/` and on what the build said.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSiteWithLog } from './support/build-site.ts';
import { CANARIES, KEPT, makeVault, type Vault } from './support/vault.ts';

/** Every file below `dir`. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** A file's content as a reader could get it: Pagefind's fragments and indexes gunzipped. */
function readable(file: string): Buffer {
  const bytes = readFileSync(file);
  if (/\.pf_(fragment|index|meta|filter)$/u.test(file)) {
    try {
      return gunzipSync(bytes);
    } catch {
      return bytes;
    }
  }
  return bytes;
}

/** The line of the note that holds `text`. */
function lineOf(note: string, text: string): number {
  return (
    readFileSync(note, 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(text)) + 1
  );
}

describe('a vault built for real', () => {
  let vault: Vault;
  let outDir = '';
  let log = '';
  beforeAll(() => {
    vault = makeVault();
    ({ outDir, log } = buildSiteWithLog({ TIMELINE_NOTE: vault.note }));
  }, 240_000);
  afterAll(() => {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(vault.base, { recursive: true, force: true });
  });

  const media = () => readdirSync(join(outDir, '_media')).sort();

  it('publishes exactly the images the note embeds from inside the vault, SVGs cleaned', () => {
    const names = media().map((name) => name.replace(/^[0-9a-f]{16}-/u, ''));
    expect(names.sort()).toEqual(
      [
        // The attachment folder of .obsidian/app.json; beside the note; a link inside the vault to map.png.
        'map.png',
        'chart.gif',
        'portrait.png',
        'clean.svg',
        // Audio and a PDF, by their bytes.
        'voice.wav',
        'paper.pdf',
        // The attack corpus, each cleaned (entities.svg and not-svg.svg are refused).
        'animate-href.svg',
        'css-loads.svg',
        'event-handlers.svg',
        'foreign-object.svg',
        'image-external.svg',
        'link-data.svg',
        'link-javascript.svg',
        'namespaced-script.svg',
        'script-cdata.svg',
        'script-href.svg',
        'stylesheet-pi.svg',
        'use-external.svg',
        'xhtml-script.svg',
      ].sort(),
    );
  });

  it('names each published file by a hash of its bytes, never of its path', () => {
    for (const name of media()) {
      const bytes = readFileSync(join(outDir, '_media', name));
      expect(name.slice(0, 16), name).toBe(createHash('sha256').update(bytes).digest('hex').slice(0, 16));
    }
    // The same file reached through a link inside the vault is one file.
    expect(media().filter((name) => name.endsWith('-map.png'))).toHaveLength(1);
  });

  it.each([
    ['Text file', 'notes.txt is not an image, audio, video or PDF file'],
    ['HTML page', 'page.html is not an image, audio, video or PDF file'],
    ['Fake PNG', 'fake.png is named .png but its content is'],
    ['Fake audio', 'fake.mp3 is named .mp3 but its content is not a known image, audio, video or PDF format'],
    ['Draft note', 'Draft.md is not an image, audio, video or PDF file'],
    ['Dotfile', '../.env is a hidden file'],
    ['Outside the vault', '../../outside/secret.png lies outside the vault'],
    ['Link out of the vault', 'outside-link.png is a link to a file outside the vault'],
    ['Link to a dotfile', 'dotfile-link.png is a link to a hidden file'],
    ['Directory', 'folder.png is a directory, not a file'],
    ['Named pipe', 'pipe.png is a FIFO (named pipe), not a file'],
    ['Too large', 'huge.png is 26.0 MB, over the 25.0 MB limit'],
    ['External image', 'entities.svg is an SVG that declares XML entities'],
    ['External image', 'not-svg.svg is an SVG that has no <svg> root element'],
  ])('refuses the file of “%s” at its line: %s', (entry, reason) => {
    const line = lineOf(vault.note, `${entry} (`);
    expect(line).toBeGreaterThan(0);
    expect(log).toContain(`Timeline.md:${line}:`);
    const warning = log.split('\n').find((l) => l.includes(reason));
    expect(warning, reason).toBeDefined();
    expect(warning).toMatch(new RegExp(`Timeline\\.md:${line}:\\d+: `, 'u'));
    expect(warning).toContain('it is not published');
  });

  it('shows audio as a player and a PDF as a link to the published file', () => {
    const html = readFileSync(join(outDir, 'eras', 'media', 'index.html'), 'utf8');
    const audio =
      /<audio src="(\/_media\/[0-9a-f]{16}-voice\.wav)" controls preload="metadata">voice\.wav<\/audio>/u.exec(html);
    expect(audio, 'an <audio> player').not.toBeNull();
    const pdf = /<a href="(\/_media\/[0-9a-f]{16}-paper\.pdf)">paper\.pdf<\/a>/u.exec(html);
    expect(pdf, 'a link to the PDF').not.toBeNull();
    for (const src of [audio![1]!, pdf![1]!]) expect(statSync(join(outDir, src)).isFile()).toBe(true);
  });

  it('shows a placeholder where a refused file was embedded', () => {
    const html = readFileSync(join(outDir, 'eras', 'media', 'index.html'), 'utf8');
    expect(html).toContain('<span class="image-missing">[t]</span>');
    expect(html).toContain('<span class="image-missing">[pipe.png]</span>');
  });

  it('publishes no canary and no byte of a refused file, anywhere in dist/ (Pagefind decompressed)', () => {
    const all = files(outDir);
    expect(all.length).toBeGreaterThan(20);
    for (const file of all) {
      const bytes = readable(file);
      const text = bytes.toString('utf8');
      for (const canary of CANARIES) expect(text, `${canary} in ${relative(outDir, file)}`).not.toContain(canary);
      for (const [name, forbidden] of Object.entries(vault.forbidden)) {
        expect(bytes.indexOf(forbidden), `${name} in ${relative(outDir, file)}`).toBe(-1);
      }
      // No absolute path of the author's machine.
      expect(text, relative(outDir, file)).not.toContain(vault.base);
    }
  });

  it('keeps code, where %% is literal, and the text after hidden parts', () => {
    const text = files(outDir)
      .filter((file) => file.endsWith('.html'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    for (const kept of KEPT) expect(text, kept).toContain(kept);
    expect(text).toContain('%%CODE-KEPT-FENCED%%');
  });

  it('warns of each hidden element at its line', () => {
    for (const [entry, what] of [
      ['Hidden span (', '<span hidden>'],
      ['Display none (', '<span style="display: none">'],
      ['Template (', '<template>'],
      ['<div hidden>', '<div hidden>'],
    ] as const) {
      expect(log).toContain(`Timeline.md:${lineOf(vault.note, entry)}:`);
      expect(log).toMatch(
        new RegExp(
          `Timeline\\.md:${lineOf(vault.note, entry)}:\\d+: ${what.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')} hides its content`,
          'u',
        ),
      );
    }
  });

  it('publishes every SVG without script, handlers, foreign content or a reference outside it', () => {
    for (const name of media().filter((n) => n.endsWith('.svg'))) {
      const svg = readFileSync(join(outDir, '_media', name), 'utf8');
      // Well-formed XML with an <svg> root, as the browser will read it.
      const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
      expect(doc.documentElement.localName, name).toBe('svg');
      for (const element of doc.querySelectorAll('*')) {
        expect(element.localName, name).not.toMatch(/^(script|foreignObject|iframe|animate|set|handler)$/iu);
        for (const attribute of element.attributes) {
          expect(attribute.name, `${name} ${attribute.name}`).not.toMatch(/^on/iu);
          if (/href$/iu.test(attribute.name)) expect(attribute.value, name).toMatch(/^#/u);
          expect(attribute.value, name).not.toMatch(/javascript:|evil\.example|@import/iu);
        }
      }
      expect(svg, name).not.toMatch(/evil\.example|javascript:|<!ENTITY|<\?xml-stylesheet/iu);
    }
    expect(
      readFileSync(
        join(
          outDir,
          '_media',
          media().find((n) => n.endsWith('-clean.svg'))!,
        ),
        'utf8',
      ),
    ).toContain('CLEAN-SVG-TEXT');
  });

  it('lists, once, the hosts that readers will fetch remote images from', () => {
    const lines = log.split('\n').filter((line) => line.includes('remote images:'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('images.example.org');
    const html = readFileSync(join(outDir, 'eras', 'media', 'index.html'), 'utf8');
    expect(html).toContain('src="https://images.example.org/remote.png"');
  });

  it('gives the exports no word the pages do not show', () => {
    const words = (text: string) => new Set(text.match(/[\p{L}\p{N}][\p{L}\p{N}-]{3,}/gu) ?? []);
    const shown = new Set<string>();
    for (const file of files(outDir).filter((f) => f.endsWith('.html'))) {
      const doc = new JSDOM(readFileSync(file, 'utf8')).window.document;
      for (const word of words(doc.body.textContent ?? '')) shown.add(word);
    }
    const exported = JSON.parse(readFileSync(join(outDir, 'timeline.json'), 'utf8')) as { events: unknown[] };
    const jsonText = JSON.stringify(exported)
      .replace(/<[^>]+>/gu, ' ')
      .replace(/\\[nt"]/gu, ' ');
    const mw = readFileSync(join(outDir, 'timeline.mw'), 'utf8');
    for (const [name, text] of [
      ['timeline.json', jsonText],
      ['timeline.mw', mw],
    ] as const) {
      const unseen = [...words(text)].filter((word) => !shown.has(word) && /CANARY|HIDDEN|SECRET/u.test(word));
      expect(unseen, name).toEqual([]);
    }
  });
});

describe('REMOTE_IMAGES=block', () => {
  let vault: Vault;
  let outDir = '';
  let log = '';
  beforeAll(() => {
    vault = makeVault();
    ({ outDir, log } = buildSiteWithLog({ TIMELINE_NOTE: vault.note, REMOTE_IMAGES: 'block' }));
  }, 240_000);
  afterAll(() => {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(vault.base, { recursive: true, force: true });
  });

  it('refuses remote images with a warning at their line and a placeholder', () => {
    const html = readFileSync(join(outDir, 'eras', 'media', 'index.html'), 'utf8');
    expect(html).not.toContain('images.example.org');
    expect(html).toContain('<span class="image-missing">[r]</span>');
    expect(log).toMatch(
      new RegExp(`Timeline\\.md:${lineOf(vault.note, 'Remote (')}:\\d+: remote image .* is not shown`, 'u'),
    );
    expect(log).not.toContain('remote images:');
  });

  it('lets pages load images from the site alone', () => {
    for (const file of files(outDir).filter((f) => f.endsWith('.html'))) {
      const csp = /http-equiv="content-security-policy" content="([^"]+)"/iu.exec(readFileSync(file, 'utf8'))?.[1];
      expect(csp, file).toBeDefined();
      expect(csp, file).toMatch(/img-src 'self'(;|$)/u);
    }
  });

  it('still publishes the vault’s own images', () => {
    expect(statSync(join(outDir, '_media')).isDirectory()).toBe(true);
  });
});
