/**
 * `[[Other note]]` links follow the publisher's own URL rules (issue #24):
 * the linked note is found in the vault as Obsidian finds it, then placed
 * where Digital Garden (every folder slugified, `dg-permalink` first) or
 * Quartz (case and folders kept) serves it. A real vault on disk, the real
 * parser.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNote } from '../../src/timeline/index.ts';
import { noteFinder } from '../../src/vault/notes.ts';
import { publisherRule, type WikiLinkRule } from '../../src/vault/publishers.ts';

let vault: string;
const files: Record<string, string> = {
  'History/Space Race.md': '# Space Race\n',
  'People/Yuri Gagarin.md': '---\ntitle: Yuri Gagarin\n---\nFirst human in space.\n',
  'People/Sergei Korolev.md': '---\ndg-permalink: korolev\n---\nChief designer.\n',
  'Archive/People/Yuri Gagarin.md': 'An older copy, deeper in the vault.\n',
  'Places/Baikonur & Tyuratam.md': 'Cosmodrome.\n',
  'Places/index.md': 'All places.\n',
  '.trash/Valentina Tereshkova.md': 'Deleted: never found.\n',
};

beforeAll(() => {
  vault = mkdtempSync(join(tmpdir(), 'timeline-vault-'));
  mkdirSync(join(vault, '.obsidian'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(vault, path)), { recursive: true });
    writeFileSync(join(vault, path), text);
  }
  // A symlink out of the vault is not followed.
  symlinkSync(tmpdir(), join(vault, 'Outside'));
});
afterAll(() => rmSync(vault, { recursive: true, force: true }));

/** The hrefs of a note's links, read back from the parsed timeline's HTML. */
function hrefs(source: string, rule: WikiLinkRule): string[] {
  const find = noteFinder(vault);
  const timeline = parseNote(source, {
    file: 'History/Space Race.md',
    links: { wikiUrl: (note, heading) => rule(find(note, heading)) },
  });
  const html = timeline.eras.flatMap((era) =>
    era.items.flatMap((item) => (item.kind === 'entry' ? [item.titleHtml, item.description.html] : [])),
  );
  return [...html.join('\n').matchAll(/href="([^"]+)"/gu)].map((m) => m[1]!.replaceAll('&#x26;', '&'));
}

const NOTE = `# Space Race

## Firsts (1957–1965)

- 1961: Vostok 1 — [[Yuri Gagarin]] orbits the Earth.
- 1957: Sputnik, built by [[Sergei Korolev|Korolev]]'s bureau.
- 1955: A launch site at [[Places/Baikonur & Tyuratam#Launch pads]].
- 1962: [[Archive/People/Yuri Gagarin]] keeps an older page.
- 1963: [[Valentina Tereshkova]] flies Vostok 6.
- 1964: See [[places/index|all places]].
`;

describe('finding the linked note as Obsidian does', () => {
  it('a bare name is the note of that name nearest the root, case aside; a path names its note; hidden folders are never read', () => {
    const find = noteFinder(vault);
    expect(find('Yuri Gagarin', '').path).toBe('People/Yuri Gagarin.md');
    expect(find('yuri gagarin', '').path).toBe('People/Yuri Gagarin.md');
    expect(find('Archive/People/Yuri Gagarin', '').path).toBe('Archive/People/Yuri Gagarin.md');
    expect(find('People/Yuri Gagarin.md', '').path).toBe('People/Yuri Gagarin.md');
    expect(find('Valentina Tereshkova', '').path).toBeNull();
    expect(find('Sergei Korolev', '').frontmatter).toEqual({ 'dg-permalink': 'korolev' });
  });
});

describe('Digital Garden', () => {
  const rule = publisherRule('digital-garden', 'https://garden.example/');

  it('slugifies every folder and the name, honours dg-permalink, and places a note it cannot find at the root', () => {
    expect(hrefs(NOTE, rule)).toEqual([
      'https://garden.example/people/yuri-gagarin/',
      'https://garden.example/korolev/',
      'https://garden.example/places/baikonur-and-tyuratam/#launch-pads',
      'https://garden.example/archive/people/yuri-gagarin/',
      'https://garden.example/valentina-tereshkova/',
      'https://garden.example/places/index/',
    ]);
  });

  it('keeps a garden under a path', () => {
    const under = publisherRule('digital-garden', 'https://example.org/garden');
    expect(hrefs('## 1961\n\n- 1961: [[Yuri Gagarin]]\n', under)).toEqual([
      'https://example.org/garden/people/yuri-gagarin/',
    ]);
  });
});

describe('Quartz', () => {
  const rule = publisherRule('quartz', 'https://quartz.example/notes/');

  it('keeps case and folders, writes spaces as -, & as -and-, a folder index as the folder, headings as GitHub slugs', () => {
    expect(hrefs(NOTE, rule)).toEqual([
      'https://quartz.example/notes/People/Yuri-Gagarin',
      'https://quartz.example/notes/People/Sergei-Korolev',
      'https://quartz.example/notes/Places/Baikonur--and--Tyuratam#launch-pads',
      'https://quartz.example/notes/Archive/People/Yuri-Gagarin',
      'https://quartz.example/notes/Valentina-Tereshkova',
      'https://quartz.example/notes/Places',
    ]);
  });
});

describe('a rule of the author’s own', () => {
  it('gets the found path, and leaves the note plain text where it returns null', () => {
    const rule: WikiLinkRule = (note) => (note.path ? `https://wiki.example/${note.path.replace(/\.md$/u, '')}` : null);
    const find = noteFinder(vault);
    const timeline = parseNote('## 1961\n\n- 1961: [[Yuri Gagarin]] and [[Nobody Here]]\n', {
      file: 'History/Space Race.md',
      links: { wikiUrl: (note, heading) => rule(find(note, heading)) },
    });
    const entry = timeline.eras[0]!.items.find((item) => item.kind === 'entry')!;
    const html = entry.kind === 'entry' ? entry.description.html + entry.titleHtml : '';
    expect(html).toContain('href="https://wiki.example/People/Yuri%20Gagarin"');
    expect(html).not.toContain('Nobody%20Here');
    expect(timeline.warnings.map((w) => w.message)).toContain(
      'wiki link [[Nobody Here]] points at another note, shown as plain text',
    );
  });
});
