/**
 * Hostile notes built for real: one note per family of
 * bench/hostile-families.ts (100 KB each) and one that holds several of
 * cmark's pathological inputs. Each build ends with a site, or with the
 * note's `file:line:column`, what is wrong and a hint, and never a stack
 * trace. How long they take is `npm run bench -- --hostile`'s to report.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HOSTILE_FAMILIES } from '../../bench/hostile-families.ts';
import { buildSiteWithLog } from './support/build-site.ts';
import { pathologicalInputs } from '../parser/support/pathological.ts';

const BUILD_TIMEOUT = 180_000;
const dir = mkdtempSync(join(tmpdir(), 'timeline-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Builds a note; returns the site folder, or the build's output when it failed. */
function build(name: string, text: string): { site: string | null; log: string; file: string } {
  const file = join(dir, `${name.replace(/[^a-z0-9]+/giu, '-')}.md`);
  writeFileSync(file, text);
  try {
    const { outDir, log } = buildSiteWithLog({ TIMELINE_NOTE: file }, BUILD_TIMEOUT);
    return { site: outDir, log, file };
  } catch (error) {
    return { site: null, log: (error as Error).message, file };
  }
}

/** Which families end in a message rather than a site. */
const REFUSED: Record<string, RegExp> = {
  'YAML aliases': /uses its aliases \(`\*name`\) more than 100 times/u,
  'nested quotes': /nested \d+ levels deep here; the limit is 100/u,
  'nested lists': /nested \d+ levels deep here; the limit is 100/u,
};

describe('hostile notes built for real', () => {
  it.each(HOSTILE_FAMILIES.map((f) => [f.name, f] as const))(
    '%s: a site, or the message at its line',
    (name, family) => {
      const { site, log, file } = build(name, family.note(100_000));
      expect(log).not.toMatch(/^\s+at .+:\d+:\d+\)?$/mu);
      expect(log).not.toMatch(/Maximum call stack|heap out of memory/u);
      if (REFUSED[name]) {
        expect(site).toBeNull();
        expect(log).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}:\\d+:\\d+: `, 'u'));
        expect(log).toMatch(REFUSED[name]!);
        expect(log).toMatch(/hint/iu);
      } else {
        expect(site).not.toBeNull();
        expect(existsSync(join(site!, 'eras/era/index.html'))).toBe(true);
        rmSync(site!, { recursive: true, force: true });
      }
    },
    BUILD_TIMEOUT,
  );

  it(
    "one build holds several of cmark's pathological inputs, each as an entry shown as plain text",
    () => {
      const inline = pathologicalInputs().filter(
        (p) => !p.block && p.text.length < 400_000 && !p.text.includes('\u0000'),
      );
      const body = inline.map((p, i) => `Case ${i + 1} (2000): ${p.text}`).join('\n\n');
      const { site, log } = build('cmark', `---\ntitle: cmark\n---\n\n## Era 2000\n\n${body}\n`);
      expect(site, log.slice(-2000)).not.toBeNull();
      expect((log.match(/shown as plain text/gu) ?? []).length).toBe(inline.length);
      const page = readFileSync(join(site!, 'eras/era/index.html'), 'utf8');
      for (let i = 1; i <= inline.length; i++) expect(page).toContain(`id="case-${i}"`);
      rmSync(site!, { recursive: true, force: true });
    },
    BUILD_TIMEOUT,
  );
});
