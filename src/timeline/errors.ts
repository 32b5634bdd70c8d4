import type { Diagnostic } from './types.ts';

/**
 * The one error type the parser throws: it always names the file, the line
 * and column, what is wrong and how to fix it. `message` is
 * `file:line:column: what`; `hint` and `loc` are the fields Astro's error
 * printer reads, and there is no stack: the note, not our code, is at fault.
 */
export class TimelineError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly reason: string;
  readonly hint: string | undefined;
  readonly loc: { file: string; line: number; column: number };
  /** `unpublished` when the note's frontmatter withdraws it: the build then leaves no site behind. */
  readonly code: 'unpublished' | undefined;

  constructor(diagnostic: Diagnostic, code?: 'unpublished') {
    const { hint: _hint, ...withoutHint } = diagnostic;
    super(formatDiagnostic(withoutHint));
    this.name = 'TimelineError';
    // `delete`, not `= undefined`: the field is optional (exactOptionalPropertyTypes).
    delete this.stack;
    this.loc = { file: diagnostic.file, line: diagnostic.line, column: diagnostic.column };
    this.file = diagnostic.file;
    this.line = diagnostic.line;
    this.column = diagnostic.column;
    this.reason = diagnostic.message;
    this.hint = diagnostic.hint;
    this.code = code;
  }
}

/** `file:line:column: message` and, on the next line, the hint. */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.column}: ${d.message}`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}
