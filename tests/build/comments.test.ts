/**
 * Comments in a real build (issue #20): random notes of the comment
 * property (tests/parser/support/comment-notes.ts), a fixed sample of them
 * built as one note; no canary of a comment in any file of dist/ (HTML,
 * Pagefind's index gunzipped, timeline.json, timeline.mw), every canary in
 * code on the era page.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentNote, type CommentNote } from '../parser/support/comment-notes.ts';
import { buildSite } from './support/build-site.ts';

describe('comments in a real build of random notes', () => {
  const work = mkdtempSync(join(tmpdir(), 'timeline-comments-'));
  let notes: CommentNote[] = [];
  let outDir = '';
  beforeAll(() => {
    notes = fc.sample(commentNote, { seed: 20, numRuns: 6 });
    // Each sample is one era: `## Era 2000–2010` made distinct.
    const source = notes.map((n, i) => n.source.replace('## Era 2000–2010', `## Era ${i + 1} 2000–2010`)).join('\n');
    const note = join(work, 'note.md');
    writeFileSync(note, `---\ntitle: Comments\n---\n\n${source}`);
    outDir = buildSite({ TIMELINE_NOTE: note });
  }, 240_000);
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it('publishes no canary of a comment in any file, and every canary in code', () => {
    const hidden = notes.flatMap((n) => n.hidden);
    const kept = notes.flatMap((n) => n.kept);
    expect(hidden.length).toBeGreaterThan(10);
    expect(kept.length).toBeGreaterThan(2);
    const files = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    let pages = '';
    for (const entry of files) {
      const file = join(entry.parentPath, entry.name);
      let bytes = readFileSync(file);
      if (/\.pf_(fragment|index|meta)$/u.test(file)) bytes = gunzipSync(bytes);
      const text = bytes.toString('utf8');
      for (const canary of hidden) expect(text, `${canary} in ${relative(outDir, file)}`).not.toContain(canary);
      if (file.endsWith('.html')) pages += text;
    }
    for (const canary of kept) expect(pages, canary).toContain(`%%${canary}%%`);
  });
});
