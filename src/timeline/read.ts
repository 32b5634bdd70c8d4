import { readFile, stat } from 'node:fs/promises';
import { TimelineError } from './errors.ts';

/**
 * Reads a note as UTF-8 text, turning every way that can fail into a
 * {@link TimelineError}: a missing file, a directory, unreadable bytes.
 * `label` is how the file is named in messages (relative to the project).
 */
export async function readNote(path: string, label = path): Promise<string> {
  const fail = (message: string, hint: string): never => {
    throw new TimelineError({ file: label, line: 1, column: 1, message, hint });
  };
  const info = await stat(path).catch((error: NodeJS.ErrnoException) =>
    fail(
      error.code === 'ENOENT' ? 'the note does not exist' : `the note cannot be read (${error.code ?? error.message})`,
      'set TIMELINE_NOTE to the path of a Markdown note, absolute or relative to the project root',
    ),
  );
  if (info.isDirectory())
    fail('the note is a directory, not a file', 'point TIMELINE_NOTE at one `.md` file inside it');
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) =>
    fail(`the note cannot be read (${error.code ?? error.message})`, 'check the file’s permissions'),
  );
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, column } = locate(bytes, nul);
    throw new TimelineError({
      file: label,
      line,
      column,
      message: 'the note is a binary file (it holds a NUL byte), not Markdown text',
      hint: 'choose a `.md` note saved as UTF-8 text',
    });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const { line, column } = locate(bytes, firstInvalidUtf8(bytes));
    throw new TimelineError({
      file: label,
      line,
      column,
      message: 'the note is not valid UTF-8 text',
      hint: 'save the note as UTF-8 (Obsidian always does; the file may come from another editor or encoding)',
    });
  }
}

/** Line and column (in characters) of a byte offset. */
function locate(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const lines = before.split(/\r\n?|\n/u);
  return { line: lines.length, column: [...lines[lines.length - 1]!].length + 1 };
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  // The longest prefix with no invalid sequence, found by halving; streaming
  // mode lets a prefix end inside a character without counting as invalid.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  // `low` is the first byte that cannot continue the text. When the prefix
  // ends inside a character (`caf` + 0xE9 + space), that unfinished character
  // is the fault: report its lead byte, not the byte after it. Otherwise the
  // byte at `low` is itself the fault (a stray continuation byte, 0xFF…).
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, low));
    return low;
  } catch {
    let offset = low - 1;
    while (offset > 0 && (bytes[offset]! & 0xc0) === 0x80) offset--;
    return offset;
  }
}
