/**
 * Bad input, on purpose. Every error names the file, the line and column,
 * says what is wrong, and carries a hint on how to fix it; the build stops.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, parseNote, readNote, TimelineError } from '../../src/timeline/index.ts';
import { fixturePath, parse } from './support/helpers.ts';

/** Reads and parses a fixture as the build does; returns the error it throws. */
async function failureOf(name: string): Promise<TimelineError> {
  const label = `tests/fixtures/${name}/input.md`;
  try {
    parseNote(await readNote(fixturePath(name), label), { file: label });
  } catch (error) {
    return error as TimelineError;
  }
  throw new Error(`${name} did not fail`);
}

/** Parses an inline note; returns the error it throws. */
function parseFailure(source: string): TimelineError {
  try {
    parse(source);
  } catch (error) {
    return error as TimelineError;
  }
  throw new Error('the note did not fail');
}

function expectClearError(error: TimelineError, file: string, line: number, column: number, what: string) {
  expect(error).toBeInstanceOf(TimelineError);
  expect(error.message).toBe(`${file}:${line}:${column}: ${error.reason}`);
  expect(error.reason).toContain(what);
  expect([error.file, error.line, error.column]).toEqual([file, line, column]);
  // Astro's error overlay reads `loc` and `hint`.
  expect(error.loc).toEqual({ file, line, column });
  expect(error.hint?.length).toBeGreaterThan(10);
}

describe('notes that cannot be published (fixtures)', () => {
  it.each([
    // The path does not exist.
    { name: 'error-missing', line: 1, column: 1, what: 'does not exist', hint: 'TIMELINE_NOTE' },
    // The path is a directory.
    { name: 'error-directory', line: 1, column: 1, what: 'is a directory', hint: '.md' },
    // The path goes through a file (ENOTDIR): unreadable.
    { name: 'english/input.md', line: 1, column: 1, what: 'cannot be read (ENOTDIR)', hint: 'TIMELINE_NOTE' },
    // A PNG renamed to .md: the NUL byte is on line 3 of the bytes as text.
    { name: 'error-binary', line: 3, column: 1, what: 'binary file', hint: 'UTF-8' },
    // A Latin-1 `é` in `Café`: reported at the `é` itself.
    { name: 'error-invalid-utf8', line: 3, column: 4, what: 'not valid UTF-8', hint: 'UTF-8' },
    // `tags: [music, history` is never closed; YAML notices at the next field.
    { name: 'error-invalid-yaml', line: 4, column: 1, what: 'invalid frontmatter YAML', hint: 'YAML' },
    // `---` opens the frontmatter and nothing closes it.
    { name: 'error-unclosed-frontmatter', line: 1, column: 1, what: 'frontmatter is not closed', hint: '---' },
    // Only frontmatter: pointed at the end of the closing fence.
    { name: 'error-only-frontmatter', line: 4, column: 4, what: 'nothing after the frontmatter', hint: 'chapters' },
    // `dg-publish: false`, pointed at the field.
    { name: 'error-unpublished', line: 3, column: 1, what: 'dg-publish: false', hint: 'dg-publish: true' },
    // The same in the one-line JSON form: pointed at the key inside the braces.
    { name: 'error-unpublished-json', line: 2, column: 18, what: 'dg-publish: false', hint: 'dg-publish: true' },
  ])('$name: $what at $line:$column', async ({ name, line, column, what, hint }) => {
    const error = await failureOf(name);
    expectClearError(error, `tests/fixtures/${name}/input.md`, line, column, what);
    expect(error.hint).toContain(hint);
    // No stack trace: the note, not the code, is at fault.
    expect(error.stack).toBeUndefined();
  });

  it('prints the hint on its own line after `file:line:column: what`', async () => {
    const error = await failureOf('error-unpublished');
    expect(
      formatDiagnostic({
        file: error.file,
        line: error.line,
        column: error.column,
        message: error.reason,
        hint: error.hint!,
      }),
    ).toBe(`${error.message}\n  hint: ${error.hint}`);
  });
});

describe('invalid UTF-8 is reported at the first bad character', () => {
  const dir = mkdtempSync(join(tmpdir(), 'timeline-utf8-'));
  it.each([
    // A Latin-1 byte inside a word.
    { bytes: [0x43, 0x61, 0x66, 0xe9, 0x20, 0x21], line: 1, column: 4 },
    // A stray continuation byte right after a valid `é`.
    { bytes: [0xc3, 0xa9, 0x80], line: 1, column: 2 },
    // A byte that never occurs in UTF-8, on the second line.
    { bytes: [0x61, 0x0a, 0x62, 0xff], line: 2, column: 2 },
    // A character cut short at the very end of the file.
    { bytes: [0x61, 0x62, 0xe5, 0xba], line: 1, column: 3 },
  ])('$bytes → $line:$column', async ({ bytes, line, column }) => {
    const path = join(dir, `${bytes.join('-')}.md`);
    writeFileSync(path, Uint8Array.from(bytes));
    const error = await readNote(path, 'bad.md').catch((e: unknown) => e as TimelineError);
    expectClearError(error as TimelineError, 'bad.md', line, column, 'not valid UTF-8');
  });
});

describe('notes that cannot be published (inline)', () => {
  it.each([
    // An empty file.
    { source: '', line: 1, column: 1, what: 'the note is empty' },
    // White space only.
    { source: '  \n\n\t\n', line: 1, column: 1, what: 'the note is empty' },
    // Frontmatter and a blank body.
    { source: '---\ntitle: T\n---\n\n\n', line: 3, column: 4, what: 'nothing after the frontmatter' },
    // Bad YAML indentation: the `yaml` package points at the value the indented field would nest under.
    { source: '---\ntitle: a\n  bad: indent\n---\n## A\nX: y\n', line: 2, column: 8, what: 'invalid frontmatter YAML' },
    // A YAML list instead of a mapping.
    { source: '---\n- a\n- b\n---\n## A\nX: y\n', line: 2, column: 1, what: 'mapping' },
    // `dg-publish` as a string.
    { source: '---\ndg-publish: "false"\n---\n## A\nX: y\n', line: 2, column: 1, what: 'unpublished' },
    // An unclosed fence with CRLF line endings.
    { source: '---\r\ntitle: a\r\n\r\n## A\r\n', line: 1, column: 1, what: 'not closed' },
  ])('$what at $line:$column', ({ source, line, column, what }) => {
    expectClearError(parseFailure(source), 'n.md', line, column, what);
  });

  it('reads a file that is fine', async () => {
    await expect(readNote(fixturePath('english'), 'english.md')).resolves.toContain('## The Jazz Age (1920–1929)');
  });
});
