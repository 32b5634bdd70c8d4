/**
 * cmark's pathological inputs (test/pathological_tests.py in
 * commonmark/cmark), generated from their formulas: each is a text that a
 * naive Markdown parser takes quadratic time or more, or unbounded stack,
 * to read. Used by the parser tests (each must end in a timeline or a
 * TimelineError with a position) and by `npm run bench -- --hostile`.
 */

/** One pathological input: its name and text. */
export interface Pathological {
  name: string;
  text: string;
  /** Block syntax (quotes, lists, definitions): it goes at the start of a line, as the era's body. */
  block?: true;
}

const repeat = (s: string, n: number) => s.repeat(n);

/** The sixteen inputs, at cmark's sizes. */
export function pathologicalInputs(): Pathological[] {
  return [
    { name: 'nested strong emph', text: `${repeat('*a **a ', 65_000)}b${repeat(' a** a*', 65_000)}` },
    { name: 'many emph closers with no openers', text: repeat('a_ ', 65_000) },
    { name: 'many emph openers with no closers', text: repeat('_a ', 65_000) },
    { name: 'many link closers with no openers', text: repeat('a]', 65_000) },
    { name: 'many link openers with no closers', text: repeat('[a', 65_000) },
    { name: 'mismatched openers and closers', text: repeat('*a_ ', 50_000) },
    { name: 'openers and closers multiple of 3', text: `a**b${repeat('c* ', 50_000)}` },
    { name: 'link openers and emph closers', text: repeat('[ a_', 50_000) },
    { name: 'pattern [ (]( repeated', text: repeat('[ (](', 80_000) },
    { name: 'nested brackets', text: `${repeat('[', 50_000)}a${repeat(']', 50_000)}` },
    { name: 'nested block quotes', text: `${repeat('> ', 50_000)}a`, block: true },
    {
      name: 'deeply nested lists',
      text: Array.from({ length: 1_000 }, (_, i) => `${repeat('  ', i)}* a\n`).join(''),
      block: true,
    },
    { name: 'U+0000 in input', text: 'abc\u0000de\u0000' },
    { name: 'backticks', text: Array.from({ length: 2_500 }, (_, i) => `e${repeat('`', i + 1)}`).join('') },
    { name: 'unclosed links A', text: repeat('[a](<b', 30_000) },
    { name: 'unclosed links B', text: repeat('[a](b', 30_000) },
    {
      name: 'reference definitions',
      text: `${Array.from({ length: 800_000 }, (_, i) => `[${i}]: /url\n`).join('')}[0]`,
      block: true,
    },
  ];
}

/** An input as one entry's text (inline syntax) or as the era's body (block syntax) of an otherwise ordinary note. */
export function asNote(input: Pathological): string {
  const body = input.block ? `Entry (2000): an ordinary entry.\n\n${input.text}` : `Entry (2000): ${input.text}`;
  return `---\ntitle: ${input.name}\n---\n\n## Era 2000\n\n${body}\n`;
}
