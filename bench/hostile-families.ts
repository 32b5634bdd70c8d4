/**
 * The hostile families of `npm run bench -- --hostile`, each as a note of
 * about the asked size: how a note can try to hang or exhaust the parser.
 */

/** A family: its name and a note of about `size` characters. */
export interface HostileFamily {
  name: string;
  note: (size: number) => string;
}

const HEAD = '---\ntitle: Hostile\n---\n\n## Era 2000\n\nFirst (2000): an ordinary entry.\n\n';
/** `unit` repeated to about `size` characters. */
const fill = (unit: string, size: number) => unit.repeat(Math.max(1, Math.ceil(size / unit.length)));

export const HOSTILE_FAMILIES: HostileFamily[] = [
  {
    // Anchors that each refer to the one before, twice: expansion doubles per line.
    name: 'YAML aliases',
    note: (size) => {
      const lines = ['l0: &l0 [x, x]'];
      for (let i = 1, length = 0; length < size; i++) {
        const line = `l${i}: &l${i} [*l${i - 1}, *l${i - 1}]`;
        lines.push(line);
        length += line.length + 1;
      }
      return `---\ntitle: Hostile\n${lines.join('\n')}\n---\n\n## Era 2000\n\nX (2000): y\n`;
    },
  },
  { name: 'nested quotes', note: (size) => `${HEAD}${fill('> ', size)}a\n` },
  {
    name: 'nested lists',
    note: (size) => {
      const lines: string[] = [];
      for (let i = 0, length = 0; length < size; i++) {
        const line = `${'  '.repeat(i % 400)}- a`;
        lines.push(line);
        length += line.length + 1;
      }
      return `${HEAD}${lines.join('\n')}\n`;
    },
  },
  { name: 'emphasis runs', note: (size) => `${HEAD}Runs (2000): ${fill('*a_ ', size)}\n` },
  { name: 'unclosed [[', note: (size) => `${HEAD}Links (2000): ${fill('[[', size)}x\n` },
  { name: 'unclosed links', note: (size) => `${HEAD}Links (2000): ${fill('[a](b', size)}\n` },
  { name: 'unclosed comment', note: (size) => `${HEAD}<!-- never closed\n\n${fill('Hidden (2000): text.\n', size)}` },
  { name: 'huge line', note: (size) => `${HEAD}Line (2000): ${fill('word ', size)}\n` },
  {
    name: 'many entries',
    note: (size) => `${HEAD}${fill('Entry (2000): an entry with **bold** and a [link](https://example.org).\n', size)}`,
  },
];
