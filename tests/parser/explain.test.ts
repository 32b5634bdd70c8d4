/**
 * `npm run explain`'s report (issue #21, point 6): chapters with their
 * periods and lines, entries with their lines, titles and dates, what was kept
 * as text and why, and the counts every build prints.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countLine, explain } from '../../src/timeline/explain.ts';
import { parseNote } from '../../src/timeline/index.ts';
import { DEFAULT_NOTE } from './support/helpers.ts';

describe('explain', () => {
  const source = readFileSync(DEFAULT_NOTE, 'utf8');
  const timeline = parseNote(source, { file: 'content/llm-history.md' });
  const report = explain(timeline, source);

  it('counts the default note as the site shows it', () => {
    expect(countLine(timeline)).toBe('6 chapters, 48 entries (48 dated), 2 blocks kept as text');
  });

  it('names every chapter with its period and lines, and every entry at its line', () => {
    expect(report).toContain('chapter 1, lines 6–29: 前奏 2021 及之前');
    expect(report).toMatch(/^\s+16 {2}entry {5}LSTM {2}· {2}1997$/mu);
    expect(report).toMatch(/^\s+34 {2}entry {5}ChatGPT\/InstructGPT {2}· {2}2022 \(from its era\)$/mu);
    expect(report.match(/^chapter \d+, lines/gmu)).toHaveLength(6);
    expect(report.match(/^\s+\d+ {2}entry /gmu)).toHaveLength(48);
  });

  it('says what was kept as text, and why', () => {
    expect(report).toMatch(
      /^\s+12 {2}text {6}自然语言处理.* · {2}a line with no date and no `Title: text` separator$/mu,
    );
  });

  it('counts undated entries and blocks of every kind', () => {
    const t = parseNote('## A\n\nX: y\n\n> a quote\n\n```\ncode\n```\n\n- plain item\n', { file: 'n.md' });
    expect(countLine(t)).toBe('1 chapter, 1 entry (0 dated), 3 blocks kept as text');
    const text = explain(t, '');
    expect(text).toContain('a blockquote block: only paragraphs and list items are read as entries');
    expect(text).toContain('list items with no date and no `Title: text` separator');
  });
});
