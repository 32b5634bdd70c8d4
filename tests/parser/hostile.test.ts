/**
 * Hostile notes: every family that could hang the build, exhaust its memory
 * or end in a stack trace (YAML aliases, deep nesting, long runs of marks,
 * unclosed `[[`, comments and fences that never close, huge notes), cmark's
 * pathological suite, and random mixes of them. Each ends in a timeline or
 * a TimelineError with a position and a hint; the time they take is the
 * bench's to report (`npm run bench -- --hostile`), not a test's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNote, TimelineError, type Entry, type Timeline } from '../../src/timeline/index.ts';
import { MAX_MARKS_PER_PARAGRAPH, MAX_NESTING, MAX_NOTE_LENGTH } from '../../src/timeline/guards.ts';
import { asNote, pathologicalInputs } from './support/pathological.ts';

const parse = (text: string) => parseNote(text, { file: 'h.md' });
const note = (body: string) => `---\ntitle: H\n---\n\n## Era 2000\n\nFirst (2000): an ordinary entry.\n\n${body}\n`;
const entries = (t: Timeline) => t.eras.flatMap((e) => e.items.filter((i): i is Entry => i.kind === 'entry'));

/** The outcome of parsing: a timeline, or our error with its position and hint; anything else fails the test. */
function outcome(text: string): { timeline?: Timeline; error?: TimelineError } {
  try {
    return { timeline: parse(text) };
  } catch (error) {
    if (!(error instanceof TimelineError)) throw error;
    expect(error.line).toBeGreaterThan(0);
    expect(error.column).toBeGreaterThan(0);
    expect(error.hint).toBeTruthy();
    return { error };
  }
}

describe('nesting', () => {
  it.each([
    // One line of 5,000 `>`: was `Maximum call stack size exceeded` in our own tree walk.
    ['5,000 block quotes on one line', `${'>'.repeat(5_000)} a`, 9, MAX_NESTING + 1],
    ['block quotes with spaces', `${'> '.repeat(MAX_NESTING + 1)}a`, 9, 2 * MAX_NESTING + 1],
    // Lists nested by indentation, one level a line.
    [
      '101 nested lists',
      Array.from({ length: MAX_NESTING + 1 }, (_, i) => `${'  '.repeat(i)}- a`).join('\n'),
      9 + MAX_NESTING,
      2 * MAX_NESTING + 1,
    ],
    // Quotes and lists together.
    ['quotes holding lists', `${'> '.repeat(60)}${'- '.repeat(41)}a`, 9, 2 * MAX_NESTING + 1],
  ])('%s: refused at the line and column where the limit is passed', (_, body, line, column) => {
    const { error } = outcome(note(body));
    expect(error).toBeDefined();
    expect([error!.line, error!.column]).toEqual([line, column]);
    expect(error!.reason).toMatch(/nested \d+ levels deep here; the limit is 100/u);
  });

  it('nesting up to the limit is read as before, and our tree walks survive it', () => {
    const deep = `${'> '.repeat(MAX_NESTING)}deep`;
    // The deepest inline nesting the marks limit allows, inside the deepest quote.
    const third = Math.floor(MAX_MARKS_PER_PARAGRAPH / 6);
    const emphasis = `${'> '.repeat(MAX_NESTING - 1)}${'*a **a '.repeat(third)}b${' a** a*'.repeat(third)}`;
    const t = parse(note(`${deep}\n\n${emphasis}`));
    const blocks = t.eras[0]!.items.filter((i) => i.kind === 'block');
    expect(blocks).toHaveLength(2);
    expect(blocks[0]!.kind === 'block' && blocks[0]!.content.text).toBe('deep');
    expect(blocks[1]!.kind === 'block' && blocks[1]!.content.html).toContain('<strong>');
  });

  it('code is not nesting: a fenced block of `>` lines is read as code', () => {
    const t = parse(note(`\`\`\`\n${'> '.repeat(500)}\n\`\`\``));
    expect(t.eras[0]!.items.some((i) => i.kind === 'block' && i.type === 'code')).toBe(true);
  });
});

describe('long runs of marks', () => {
  it.each([
    // 20,000 `*a` pairs took 14 s; unclosed `[[` was quadratic in remark-wiki-link (8,000 on a line: 4 s).
    ['emphasis runs', `Runs (2000): ${'*a'.repeat(20_000)}`],
    ['unclosed wiki links', `Links (2000): ${'[['.repeat(50_000)}x`],
    ['GFM autolink literals with emphasis', `Autolinks (2000): ${'c* '.repeat(40_000)}`],
  ])('%s: the paragraph is shown as plain text, whole, with a warning at its line', (_, body) => {
    const t = parse(note(body));
    const entry = entries(t)[1]!;
    expect(entry.title).toBe(body.slice(0, body.indexOf(' (')));
    // Plain text, every character kept.
    expect(entry.description.text).toBe(body.slice(body.indexOf(': ') + 2).trim());
    expect(entry.description.html).not.toMatch(/<(em|strong|a)\b/u);
    expect(t.warnings.map((w) => [w.line, w.message.replace(/\d+ emphasis/u, 'N emphasis')])).toEqual([
      [
        9,
        `this paragraph holds N emphasis, link and code marks (the limit is ${MAX_MARKS_PER_PARAGRAPH}); it is shown as plain text`,
      ],
    ]);
  });

  it('a paragraph under the limit keeps its Markdown', () => {
    const t = parse(note(`Ok (2000): ${'**b** '.repeat(100)}`));
    expect(entries(t)[1]!.description.html).toContain('<strong>b</strong>');
    expect(t.warnings).toEqual([]);
  });

  it("a note that uses the stand-ins' own code points keeps its marks and still ends", () => {
    const t = parse(note(`Odd (2000): \ue000 ${'*a'.repeat(3_000)}`));
    expect(entries(t)).toHaveLength(2);
  });
});

describe('constructs that never close', () => {
  it('an HTML comment opening a line and never closed is warned at its line, with what it hides', () => {
    const t = parse(note('<!-- a draft\n\nHidden (2000): gone.\n\n## Later 2002\n\nAlso (2002): gone.'));
    expect(t.warnings.map((w) => [w.line, w.column, w.message])).toEqual([
      [
        9,
        1,
        'this HTML comment is never closed: it hides the rest of the note (3 lines, 1 era heading and 2 lines that read as entries)',
      ],
    ]);
    expect(t.warnings[0]!.hint).toContain('-->');
  });

  it('a closed comment is fine', () => {
    expect(parse(note('<!-- a draft -->\n\nShown (2000): yes.')).warnings).toEqual([]);
  });

  it('a code fence never closed is warned at its line, with what it hides', () => {
    const t = parse(note('~~~js\nconst x = 1;\n\nHidden (2000): gone.'));
    expect(t.warnings.map((w) => [w.line, w.message])).toEqual([
      [
        9,
        'this code fence is never closed: the rest of the note is shown as code (2 lines, 0 era headings and 1 line that reads as an entry)',
      ],
    ]);
    expect(t.warnings[0]!.hint).toContain('~~~');
  });
});

describe('size', () => {
  it('a note longer than the limit is refused at its start, with a hint', () => {
    const { error } = outcome(note('x'.repeat(MAX_NOTE_LENGTH)));
    expect(error?.reason).toMatch(/million characters long; the limit is 4 million/u);
  });
});

describe("cmark's pathological suite", () => {
  it.each(pathologicalInputs().map((input) => [input.name, input] as const))(
    '%s: a timeline or a TimelineError with a position',
    (_, input) => {
      const { timeline, error } = outcome(asNote(input));
      expect(timeline ?? error).toBeDefined();
      if (timeline) expect(timeline.eras).toHaveLength(1);
    },
  );
});

/** Random mixes of the hostile families, each at a size around its limit. */
const hostilePiece = fc.oneof(
  fc.integer({ min: 1, max: 2 * MAX_NESTING }).map((n) => `${'> '.repeat(n)}q`),
  fc
    .integer({ min: 1, max: 2 * MAX_NESTING })
    .map((n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- l`).join('\n')),
  fc
    .tuple(
      fc.constantFrom('*a', '_a ', '[[', '[a', 'a]', '`', '<', '(', '[ (](', '*a **a '),
      fc.integer({ min: 1, max: 3 * MAX_MARKS_PER_PARAGRAPH }),
    )
    .map(([unit, n]) => `Run (2000): ${unit.repeat(Math.ceil(n / unit.length))}`),
  fc.constantFrom('<!-- never closed', '```', '~~~~ x', '<!-- closed -->', '%% comment', '[[Unclosed'),
  fc.integer({ min: 1, max: 12 }).map((levels) => {
    const lines = ['---', 'title: T', 'l0: &l0 [x, x]'];
    for (let i = 1; i <= levels; i++) lines.push(`l${i}: &l${i} [*l${i - 1}, *l${i - 1}, *l${i - 1}]`);
    return `${lines.join('\n')}\n---`;
  }),
);

describe('random hostile notes', () => {
  it('always end in a timeline or a TimelineError with a position and a hint', () => {
    fc.assert(
      fc.property(fc.array(hostilePiece, { minLength: 1, maxLength: 6 }), (pieces) => {
        const front = pieces.filter((p) => p.startsWith('---'));
        const body = pieces.filter((p) => !p.startsWith('---'));
        const text = `${front[0] ?? '---\ntitle: T\n---'}\n\n## Era 2000\n\n${body.join('\n\n')}\n`;
        const { timeline, error } = outcome(text);
        expect(timeline ?? error, text.slice(0, 300)).toBeDefined();
      }),
      { numRuns: 150 },
    );
  });
});
