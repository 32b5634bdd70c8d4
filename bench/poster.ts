/**
 * The poster's use of the sheet (issue #22), for the default note, a 60-entry
 * BC note (tests/fixtures/ancient) and 1,000 synthetic entries: how many
 * entries it shows, and the share of a 12 × 8 grid over the drawing whose
 * cells hold part of a label (poster/layout.ts `labelCoverage`). Layout only,
 * no build: `npm run bench -- --poster` prints just this table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ui } from '../src/i18n/ui.ts';
import { posterInputOfNote } from '../src/poster/input.ts';
import { labelCoverage, layoutPoster } from '../src/poster/layout.ts';
import { parseNote } from '../src/timeline/index.ts';
import { generateNote } from './generate.ts';

export interface PosterFigures {
  note: string;
  entries: number;
  shown: number;
  /** Share of the 96 cells holding part of a label, 0–1. */
  coverage: number;
  /** What the issue asks: every entry for the small notes, 150 for 1,000. */
  target: number;
}

export function measurePosters(root: string): PosterFigures[] {
  const notes = [
    { note: 'default', text: readFileSync(join(root, 'content/llm-history.md'), 'utf8'), target: Infinity },
    {
      note: '60 entries, BC',
      text: readFileSync(join(root, 'tests/fixtures/ancient/input.md'), 'utf8'),
      target: Infinity,
    },
    { note: '1,000 entries', text: generateNote({ entries: 1000, seed: 1 }), target: 150 },
  ];
  return notes.map(({ note, text, target }) => {
    const timeline = parseNote(text, { file: 'note.md' });
    const input = posterInputOfNote(timeline, ui(timeline.meta.lang));
    const layout = layoutPoster(input);
    const entries = input.entries.length;
    return {
      note,
      entries,
      shown: layout.labels.length,
      coverage: labelCoverage(layout),
      target: Math.min(target, entries),
    };
  });
}

/** The figures as a small table. */
export function posterTable(figures: readonly PosterFigures[]): string {
  const lines = figures.map(
    (f) =>
      `${f.note.padEnd(16)}  ${`${f.shown} of ${f.entries}`.padStart(12)} ${f.shown >= f.target ? '✓' : '✗'} (target ${f.target === f.entries ? 'all' : `≥ ${f.target}`})  ${(f.coverage * 100).toFixed(0).padStart(3)}% of the sheet`,
  );
  return ['poster (layout only)  entries shown                 labels cover (12 × 8 grid)', ...lines].join('\n');
}
