import matter from 'gray-matter';
import type { Yaml } from 'mdast';
import { parse as parseYamlText, YAMLParseError } from 'yaml';
import { TimelineError } from './errors.ts';
import type { Diagnostic, NoteMeta } from './types.ts';

/** Frontmatter fields as read, before the title and language are settled. */
export type FrontmatterMeta = Omit<NoteMeta, 'title' | 'lang' | 'langDetected'> & {
  title: string | null;
  lang: string | null;
};

const refuseCode = () => {
  throw new Error('only YAML frontmatter is read');
};

/**
 * How many aliases (`*name`) a frontmatter may use. The `yaml` package
 * counts them and stops a document that expands them beyond its bound (a
 * "billion laughs" of nested lists: js-yaml, gray-matter's own engine,
 * expands without limit, 4.6 GB for 700 bytes). No real note uses more.
 */
export const MAX_YAML_ALIASES = 100;

/** The frontmatter's YAML, parsed by the `yaml` package with alias expansion bounded; dates stay as written. */
const yamlEngine = (text: string): object =>
  (parseYamlText(text, { maxAliasCount: MAX_YAML_ALIASES, schema: 'core', merge: true }) as object | null) ?? {};

/**
 * Reads the YAML frontmatter node that remark-frontmatter found. gray-matter
 * does the YAML (the one-line JSON form included); we map its error marks back
 * to the note's lines and turn known fields into typed metadata.
 */
export function readFrontmatter(node: Yaml | undefined, file: string, warnings: Diagnostic[]): FrontmatterMeta {
  const data = node ? parseYaml(node, file) : {};
  const at = (key: string) => fieldPosition(node, key);
  const warn = (key: string, message: string, hint: string) => warnings.push({ file, ...at(key), message, hint });

  const publish = publishFlag(data, file, node);
  return {
    title: stringField(data, 'title', warn),
    tags: tagsField(data, warn),
    created: dateField(data, 'created', warn, node),
    updated: dateField(data, 'updated', warn, node),
    lang: stringField(data, 'lang', warn) ?? stringField(data, 'language', warn),
    permalink: stringField(data, 'permalink', warn) ?? stringField(data, 'dg-permalink', warn),
    publish,
    frontmatter: toPlainData(data) as Record<string, unknown>,
  };
}

/** The keys that say whether a note is published: Digital Garden's and Obsidian Publish's, in any case. */
const PUBLISH_KEYS = new Set(['dg-publish', 'publish']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0']);
const TRUE_WORDS = new Set(['true', 'yes', 'on', '1']);

/**
 * `dg-publish` / `publish` (any case of the key): true, false, or null when
 * absent or empty. A false-like value (`false`, `no`, `off`, `0`, in any
 * case, quoted or not) stops the build: the author marked the note
 * unpublished. A value that is neither is an error, never a guess.
 */
function publishFlag(data: Record<string, unknown>, file: string, node: Yaml | undefined): boolean | null {
  let result: boolean | null = null;
  for (const [key, value] of Object.entries(data)) {
    if (!PUBLISH_KEYS.has(key.toLowerCase())) continue;
    if (value === null || value === undefined || value === '') continue;
    const word = typeof value === 'boolean' || typeof value === 'number' ? String(value) : value;
    const folded = typeof word === 'string' ? word.trim().toLowerCase() : null;
    if (folded !== null && FALSE_WORDS.has(folded)) {
      throw new TimelineError(
        {
          file,
          ...fieldPosition(node, key),
          message: `the note is marked unpublished (\`${key}: ${String(word)}\`)`,
          hint: `set \`${key}: true\` or remove the field to publish this note`,
        },
        'unpublished',
      );
    }
    if (folded !== null && TRUE_WORDS.has(folded)) {
      result = true;
      continue;
    }
    throw new TimelineError({
      file,
      ...fieldPosition(node, key),
      message: `\`${key}\` must say whether the note is published, not ${JSON.stringify(value)}`,
      hint: `write \`${key}: true\` to publish the note or \`${key}: false\` to keep it private`,
    });
  }
  return result;
}

/** An alias (`*name`) where YAML allows one: at a line's start or after a space, `[`, `{`, `,`, `:` or `-`. */
const ALIAS = /(^|[\s,[{:-])\*[^\s,\]}]/gmu;

/** The first alias's position, when a frontmatter writes more aliases than {@link MAX_YAML_ALIASES}. */
function tooManyAliases(text: string): { index: number } | null {
  let count = 0;
  let first = -1;
  ALIAS.lastIndex = 0;
  for (let m = ALIAS.exec(text); m; m = ALIAS.exec(text)) {
    if (first === -1) first = m.index + m[1]!.length;
    if (++count > MAX_YAML_ALIASES) return { index: first };
  }
  return null;
}

function aliasError(node: Yaml, file: string, fenceLine: number, index: number): TimelineError {
  const before = node.value.slice(0, index).split('\n');
  return new TimelineError({
    file,
    line: fenceLine + before.length,
    column: before[before.length - 1]!.length + 1,
    message: `the frontmatter uses its aliases (\`*name\`) more than ${MAX_YAML_ALIASES} times, which could exhaust the build's time and memory`,
    hint: 'write the values out instead of referring to them with `&anchor` and `*alias`',
  });
}

function parseYaml(node: Yaml, file: string): Record<string, unknown> {
  const fenceLine = node.position?.start.line ?? 1;
  // Counted before parsing: the yaml package bounds expansion, but its own count of nested aliases grows with them.
  const many = tooManyAliases(node.value);
  if (many) throw aliasError(node, file, fenceLine, many.index);
  let data: unknown;
  try {
    // Rebuilt with fences so gray-matter's marks count lines from the fence.
    data = matter(`---\n${node.value}\n---\n`, {
      language: 'yaml',
      engines: { yaml: yamlEngine, javascript: refuseCode, js: refuseCode, coffee: refuseCode },
    }).data;
  } catch (error) {
    if (error instanceof ReferenceError && /alias count/iu.test(error.message)) {
      // Fewer aliases written than the bound, expanded past it through nesting.
      ALIAS.lastIndex = 0;
      const first = ALIAS.exec(node.value);
      throw aliasError(node, file, fenceLine, first ? first.index + first[1]!.length : 0);
    }
    const pos = error instanceof YAMLParseError ? error.linePos?.[0] : undefined;
    const reason =
      error instanceof YAMLParseError
        ? error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/u, '')
        : String((error as Error).message);
    throw new TimelineError({
      file,
      // gray-matter hands the engine the text after the opening fence, from its line break: line 1 is the fence's.
      line: fenceLine + Math.max(0, (pos?.line ?? 1) - 1),
      column: pos?.col ?? 1,
      message: `invalid frontmatter YAML: ${reason}`,
      hint: 'frontmatter is YAML between two `---` lines; quote values that contain `:` or start with `[`, `{`, `*` or `#`',
    });
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new TimelineError({
      file,
      line: fenceLine + 1,
      column: 1,
      message: 'frontmatter must be a mapping of fields',
      hint: 'write fields as `key: value` lines, e.g. `title: My timeline`',
    });
  }
  return data as Record<string, unknown>;
}

type Warn = (key: string, message: string, hint: string) => void;

function stringField(data: Record<string, unknown>, key: string, warn: Warn): string | null {
  const value = data[key];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  warn(key, `frontmatter field \`${key}\` should be text; it is ignored`, `write it as \`${key}: some text\``);
  return null;
}

function tagsField(data: Record<string, unknown>, warn: Warn): string[] {
  const value = data['tags'] ?? data['tag'];
  if (value === undefined || value === null) return [];
  const raw = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\s]+/u) : null;
  if (!raw) {
    warn(
      'tags',
      'frontmatter field `tags` should be a list or text; it is ignored',
      'write `tags: [a, b]` or `tags: a, b`',
    );
    return [];
  }
  const tags = raw
    .filter((t) => typeof t === 'string' || typeof t === 'number')
    .map((t) => String(t).trim().replace(/^#/u, ''))
    .filter(Boolean);
  return [...new Set(tags)];
}

function dateField(data: Record<string, unknown>, key: string, warn: Warn, node: Yaml | undefined): string | null {
  const value = data[key];
  if (value === undefined || value === null || value === '') return null;
  // YAML turns an unquoted timestamp into a Date in UTC, which would move
  // `21:55+08:00` to `13:55Z`: keep the text as written when it can be found.
  if (value instanceof Date) return writtenValue(node, key) ?? isoDate(value);
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return value;
  warn(
    key,
    `frontmatter field \`${key}\` is not a date; it is ignored`,
    `write an ISO date such as \`${key}: 2025-02-22\``,
  );
  return null;
}

/** YAML dates without a time come back as UTC midnight: keep them as dates. */
function isoDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** Dates become ISO strings so that the metadata stays plain JSON. */
function toPlainData(value: unknown): unknown {
  if (value instanceof Date) return isoDate(value);
  if (Array.isArray(value)) return value.map(toPlainData);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlainData(v)]));
  }
  return value;
}

/** The plain scalar after a top-level `key:` line, as written (a timestamp). */
function writtenValue(node: Yaml | undefined, key: string): string | null {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`^${escaped}[ \\t]*:[ \\t]+([0-9][0-9:.+TtZz -]*?)[ \\t]*(#.*)?$`, 'mu').exec(
    node?.value ?? '',
  );
  const text = match?.[1];
  return text && !Number.isNaN(Date.parse(text)) ? text : null;
}

/** Where `key:` stands in the frontmatter (block or one-line JSON form). */
function fieldPosition(node: Yaml | undefined, key: string): { line: number; column: number } {
  const fenceLine = node?.position?.start.line ?? 1;
  const lines = node?.value.split('\n') ?? [];
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(^|[{,\\s])(["']?${escaped}["']?\\s*:)`, 'u');
  for (let i = 0; i < lines.length; i++) {
    const match = re.exec(lines[i]!);
    if (match) return { line: fenceLine + 1 + i, column: match.index + match[1]!.length + 1 };
  }
  return { line: fenceLine, column: 1 };
}
