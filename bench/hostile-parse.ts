/**
 * One hostile parse in a process of its own, so that its peak memory is its
 * own: `node bench/hostile-parse.ts <family> <size>` prints one JSON line
 * (parse time, outcome, peak resident memory).
 */
import { parseNote, TimelineError } from '../src/timeline/index.ts';
import { HOSTILE_FAMILIES } from './hostile-families.ts';

const [name, sizeText] = process.argv.slice(2);
const family = HOSTILE_FAMILIES.find((f) => f.name === name);
if (!family) throw new Error(`no hostile family named ${name}`);
const text = family.note(Number(sizeText));
const start = performance.now();
let outcome: string;
try {
  const timeline = parseNote(text, { file: 'hostile.md' });
  outcome = `timeline, ${timeline.warnings.length} warning(s)`;
} catch (error) {
  if (!(error instanceof TimelineError)) throw error;
  outcome = `error at ${error.line}:${error.column}`;
}
const ms = performance.now() - start;
// maxRSS is in kilobytes.
console.log(JSON.stringify({ chars: text.length, ms, outcome, peakRssBytes: process.resourceUsage().maxRSS * 1024 }));
