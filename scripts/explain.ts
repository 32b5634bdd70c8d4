/**
 * `npm run explain -- <note>`: how the parser reads a note (Markdown or
 * Markwhen), chapter by chapter and line by line, with its warnings. The path
 * is read from the folder you stand in.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { explain } from '../src/timeline/explain.ts';
import { formatDiagnostic, TimelineError } from '../src/timeline/errors.ts';
import { readNote } from '../src/timeline/read.ts';
import { readerFor } from '../src/timeline/reader.ts';

const argument = process.argv[2];
if (!argument) {
  console.error('usage: npm run explain -- <note.md | timeline.mw>');
  process.exit(2);
}
// npm runs scripts from the project root; INIT_CWD is where the author typed the command.
const path = resolve(process.env['INIT_CWD'] ?? process.cwd(), argument);
try {
  const source = await readNote(path, argument);
  const read = await readerFor(path);
  const timeline = read(source, { file: argument });
  for (const warning of timeline.warnings) console.warn(formatDiagnostic(warning));
  console.log(explain(timeline, readFileSync(path, 'utf8')));
} catch (error) {
  if (!(error instanceof TimelineError)) throw error;
  console.error(error.message + (error.hint ? `\n  hint: ${error.hint}` : ''));
  process.exit(1);
}
