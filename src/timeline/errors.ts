import type { Diagnostic } from './types.ts';

/**
 * The one error type the parser throws: it always names the file, the line
 * and column, what is wrong and how to fix it.
 */
export class TimelineError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly reason: string;
  readonly hint: string | undefined;

  constructor(diagnostic: Diagnostic, options?: { cause?: unknown }) {
    super(formatDiagnostic(diagnostic), options);
    this.name = 'TimelineError';
    this.file = diagnostic.file;
    this.line = diagnostic.line;
    this.column = diagnostic.column;
    this.reason = diagnostic.message;
    this.hint = diagnostic.hint;
  }
}

/** `file:line:column: message` and, on the next line, the hint. */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.column}: ${d.message}`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}
