/**
 * Random notes for the comment property (issue #20): canaries hidden in
 * `%%comments%%` placed among lists, callouts, tables, indented and fenced
 * code, HTML blocks and code spans, after code a hand-written lexer
 * misread, and canaries in code, where `%%` is literal. Every canary's name
 * says what must become of it: `HIDE…` never reaches the site, `KEEP…`
 * does.
 */
import fc from 'fast-check';

/** A note and the canaries it holds. */
export interface CommentNote {
  source: string;
  hidden: string[];
  kept: string[];
}

interface Block {
  text: string;
  hidden: string[];
  kept: string[];
}

let counter = 0;
const next = (kind: 'HIDE' | 'KEEP') => `${kind}${(counter++).toString(36).toUpperCase()}X`;

/** A comment on one line, or across lines and a blank line. */
const comment = fc
  .constantFrom('inline', 'multiline')
  .map((form) => (canary: string) => (form === 'inline' ? `%%${canary}%%` : `%%${canary}\n\nmore ${canary}%%`));

/** Blocks: each builds its text from fresh canaries. */
const blockMakers: Array<fc.Arbitrary<() => Block>> = [
  // A paragraph, an entry line, with a comment inline.
  comment.map((c) => () => {
    const h = next('HIDE');
    return { text: `Entry (2001): text ${c(h).replace(/\n\n/gu, ' ')} after`, hidden: [h], kept: [] };
  }),
  // A list item and a nested one.
  fc.constant(() => {
    const [a, b] = [next('HIDE'), next('HIDE')];
    return { text: `- Item (2002): x %%${a}%% y\n  - nested %%${b}%%`, hidden: [a, b], kept: [] };
  }),
  // A callout.
  fc.constant(() => {
    const h = next('HIDE');
    return { text: `> [!note] Title\n> text %%${h}%% more`, hidden: [h], kept: [] };
  }),
  // A table cell.
  fc.constant(() => {
    const h = next('HIDE');
    return { text: `| a | b |\n| --- | --- |\n| x %%${h}%% | y |`, hidden: [h], kept: [] };
  }),
  // An HTML block: not code.
  fc.constant(() => {
    const h = next('HIDE');
    return { text: `<div>\nhtml %%${h}%% block\n</div>`, hidden: [h], kept: [] };
  }),
  // A block comment on lines of its own.
  fc.constant(() => {
    const h = next('HIDE');
    return { text: `%%\n${h}\n\n- not a list ${h}\n%%`, hidden: [h], kept: [] };
  }),
  // A code span, a fenced block, an indented block: `%%` is code.
  fc.constant(() => {
    const k = next('KEEP');
    return { text: `Code (2003): \`%%${k}%%\` stays`, hidden: [], kept: [k] };
  }),
  fc.constantFrom('```', '~~~', '````').map((fence) => () => {
    const k = next('KEEP');
    return { text: `${fence}\n%%${k}%%\n${fence}`, hidden: [], kept: [k] };
  }),
  fc.constant(() => {
    const k = next('KEEP');
    // After a paragraph and a blank line (after a list, the indented line would continue its item).
    return { text: `Code below:\n\n    %%${k}%% indented`, hidden: [], kept: [k] };
  }),
  // What a hand-written lexer misread, each followed by a comment.
  fc.constant(() => {
    const h = next('HIDE');
    return { text: `    \`\`\`\n\n%%${h}%%`, hidden: [h], kept: [] };
  }),
  fc.constant(() => {
    const h = next('HIDE');
    return { text: `> [!tip] Open fence\n> \`\`\`\n> code\n\n%%${h}%%`, hidden: [h], kept: [] };
  }),
  fc.constant(() => {
    const h = next('HIDE');
    return { text: `- open fence\n  \`\`\`\n  code\n\n%%${h}%%`, hidden: [h], kept: [] };
  }),
  fc.constant(() => {
    const h = next('HIDE');
    return { text: `<pre>\n\`\`\`\n</pre>\n\n%%${h}%%`, hidden: [h], kept: [] };
  }),
  fc.constant(() => {
    const h = next('HIDE');
    return { text: `A stray \` backtick.\n\n***\n\n%%${h}%% and \`code\` after.`, hidden: [h], kept: [] };
  }),
];

/** A note: an era heading, then blocks separated by blank lines. */
export const commentNote: fc.Arbitrary<CommentNote> = fc
  .array(fc.oneof(...blockMakers), { minLength: 1, maxLength: 12 })
  .map((makers) => {
    const blocks = makers.map((make) => make());
    return {
      source: `## Era 2000–2010\n\n${blocks.map((b) => b.text).join('\n\n')}\n`,
      hidden: blocks.flatMap((b) => b.hidden),
      kept: blocks.flatMap((b) => b.kept),
    };
  });
