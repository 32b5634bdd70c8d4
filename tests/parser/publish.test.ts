/**
 * Publish flags (issue #20): `dg-publish` (Digital Garden) and `publish`
 * (Obsidian Publish), any case of the key, stop the build at the field when
 * false-like, publish when true-like, and are an error with a hint otherwise.
 */
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/timeline/index.ts';
import { TimelineError } from '../../src/timeline/errors.ts';

const note = (field: string) => `---\ntitle: T\n${field}\n---\n\n## A 2000\n\nX (2000): y\n`;
const parse = (field: string) => parseNote(note(field), { file: 'n.md' });

/** The error a field gives, or null when the note is published. */
function refusal(field: string): TimelineError | null {
  try {
    parse(field);
    return null;
  } catch (error) {
    if (error instanceof TimelineError) return error;
    throw error;
  }
}

describe('publish flags', () => {
  it.each([
    'dg-publish: false',
    'dg-publish: no',
    'dg-publish: off',
    'dg-publish: 0',
    'dg-publish: "False"',
    "dg-publish: 'NO'",
    'dg-publish: Off',
    'DG-Publish: false',
    'Dg-publish: "0"',
    'publish: false',
    'Publish: no',
    'PUBLISH: OFF',
  ])('%s stops the build at the field, naming it', (field) => {
    const error = refusal(field);
    expect(error).not.toBeNull();
    expect(error!.code).toBe('unpublished');
    expect(error!.line).toBe(3);
    expect(error!.column).toBe(1);
    expect(error!.reason).toContain('marked unpublished');
    expect(error!.reason).toContain(field.split(':')[0]!);
    expect(error!.hint).toMatch(/: true`/u);
  });

  it.each(['dg-publish: true', 'dg-publish: yes', 'publish: "True"', 'Publish: on', 'dg-publish: 1', 'dg-publish:'])(
    '%s publishes',
    (field) => {
      expect(parse(field).eras).toHaveLength(1);
    },
  );

  it.each(['dg-publish: maybe', 'publish: [a]', 'dg-publish: 2', 'publish: "later"'])(
    '%s is an error with a hint, not a guess',
    (field) => {
      const error = refusal(field);
      expect(error?.code).toBeUndefined();
      expect(error?.reason).toMatch(/must say whether the note is published/u);
      expect(error?.line).toBe(3);
      expect(error?.hint).toMatch(/true`.*false`/u);
    },
  );

  it('refuses when either flag says no, whatever the other says', () => {
    expect(refusal('dg-publish: true\npublish: false')?.code).toBe('unpublished');
    expect(refusal('publish: yes\nDG-PUBLISH: no')?.code).toBe('unpublished');
  });
});
