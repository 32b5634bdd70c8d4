/**
 * `<img>` written as raw HTML is resolved like `![](…)`: a file beside the
 * note is served from the site, a missing one is a placeholder and a warning
 * at its line, script addresses never pass, and every image has an alt.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type Entry } from '../../src/timeline/index.ts';

const NOTE = (line: string) => `---\ntitle: t\n---\n\n## Era 2000\n\n${line}\n`;
const asset = (path: string) => (path === 'here.png' ? '/_media/here.png' : null);

function parse(line: string) {
  return parseNote(NOTE(line), { file: 'note.md', links: { asset } });
}

describe('raw HTML images', () => {
  it('serves a file beside the note, as a Markdown image is', () => {
    const { eras } = parse('X (2000): <img src="here.png" width="40" onerror="alert(1)"> and ![md](here.png)');
    const entry = eras[0]!.items[0] as Entry;
    expect(entry.description.html).toBe(
      '<img src="/_media/here.png" alt="" loading="lazy" decoding="async" width="40"> and <img src="/_media/here.png" alt="md" loading="lazy" decoding="async">',
    );
  });

  it('shows a missing file as a placeholder and warns at its line', () => {
    const { eras, warnings } = parse('X (2000): see <img src="gone.png" alt="Gone">');
    expect((eras[0]!.items[0] as Entry).description.html).toBe('see <span class="image-missing">[Gone]</span>');
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [7, 'image gone.png was not found beside the note or in its attachments folder'],
    ]);
  });

  it('refuses script addresses and drops an image without src', () => {
    const { eras } = parse(
      'X (2000): <img src="javascript:alert(1)" alt="js"> <img alt="none"> <img src="https://example.org/a.png">',
    );
    expect((eras[0]!.items[0] as Entry).description.html).toBe(
      '<span class="image-missing">[js]</span>  <img src="https://example.org/a.png" alt="" loading="lazy" decoding="async">',
    );
  });
});
