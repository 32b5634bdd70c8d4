/**
 * A title for an event that has none of its own: a bullet under a year
 * heading, a dated sentence, a table row with only a date and a text. The
 * title is the text's first sentence when it is short, else its first
 * clause, else its first words.
 */
import type { PhrasingContent, Text } from 'mdast';
import { plainText } from '../plain-text.ts';

/** About how long a title may be before it is cut. */
export const TITLE_LENGTH = 60;

/** A short text is a title as it stands. */
const WHOLE_LENGTH = 80;

/**
 * Where a first sentence ends: an ideographic or full-width stop, or a Latin
 * one after a word of three letters or more whose last two are lower case (so
 * `St. Louis` and `U.S. Army` stay whole), a colon, or a spaced dash.
 */
const SENTENCE_END = /[。！？]|(?<=\p{L}[\p{Ll}\d]{2})[.!?](?=\s)|：|:(?=\s)|\s[–—]\s/u;

/** Where a clause ends: a comma, a semicolon, an ideographic comma. */
const CLAUSE_END = /[,，、;；]/gu;

/** How long a first clause must be to be a title: a clause of a few characters (`In 1215,`) is none. */
const SHORTEST_CLAUSE = 8;

/** An event's title and description, read from its text alone. */
export interface TitledText {
  title: PhrasingContent[];
  description: PhrasingContent[];
  /** The title is cut from the text, which stays whole as the description. */
  excerpt: boolean;
}

/**
 * Reads a title from an event's text: the whole text when it is short and
 * one sentence; its first sentence, with the rest as description, when that
 * is short; else its first clause, with the rest as description; else its
 * first words and `…` as title, with the whole text as description, so that
 * nothing is cut away.
 */
export function titleFromText(nodes: readonly PhrasingContent[]): TitledText {
  const text = plainText([...nodes]).trim();
  const sentence = splitFirst(nodes, SENTENCE_END);
  if (sentence && sentence.after.length && plainText(sentence.before).trim().length <= WHOLE_LENGTH) {
    const rest = plainText(sentence.after).trim();
    if (rest) return { title: sentence.before, description: sentence.after, excerpt: false };
  }
  if (text.length <= WHOLE_LENGTH) return { title: withoutFullStop(nodes), description: [], excerpt: false };
  // A first clause short enough is the title, and the rest of the text the description: no words shown twice.
  const clause = splitFirst(nodes, CLAUSE_END, SHORTEST_CLAUSE);
  if (clause && plainText(clause.before).trim().length <= TITLE_LENGTH && plainText(clause.after).trim())
    return { title: clause.before, description: clause.after, excerpt: false };
  return { title: [{ type: 'text', value: excerptOf(text) }], description: [...nodes], excerpt: true };
}

/** The first clause of `text`, cut on punctuation, else on a word, to about {@link TITLE_LENGTH} characters. */
export function excerptOf(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (flat.length <= TITLE_LENGTH) return flat;
  let cut = -1;
  for (const m of flat.slice(0, TITLE_LENGTH + 1).matchAll(CLAUSE_END)) {
    if (m.index >= SHORTEST_CLAUSE) {
      cut = m.index;
      break;
    }
  }
  if (cut !== -1) return flat.slice(0, cut).trim();
  const head = flat.slice(0, TITLE_LENGTH);
  const space = head.lastIndexOf(' ');
  return `${(space > TITLE_LENGTH / 2 ? head.slice(0, space) : head).trim()}…`;
}

/** A sentence as a title: its closing full stop goes, as in any title. */
function withoutFullStop(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  const last = nodes[nodes.length - 1];
  if (last?.type !== 'text' || !/[.。]\s*$/u.test(last.value) || /\.\.\.\s*$/u.test(last.value)) return [...nodes];
  return [...nodes.slice(0, -1), { ...last, value: last.value.replace(/[.。]\s*$/u, '') }];
}

/**
 * Splits inline content at the first match of `re` in its top-level text;
 * with `from` (and a global `re`), not before that index of a text node.
 */
function splitFirst(
  nodes: readonly PhrasingContent[],
  re: RegExp,
  from = 0,
): { before: PhrasingContent[]; after: PhrasingContent[] } | null {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type !== 'text') continue;
    re.lastIndex = from;
    const match = re.exec(node.value);
    if (!match) continue;
    // A question or exclamation mark stays with its sentence; a full stop, colon or dash goes, as in any title.
    const keep = /^[！？!?]$/u.test(match[0]) ? match[0] : '';
    const before: Text = { type: 'text', value: (node.value.slice(0, match.index) + keep).trimEnd() };
    const after: Text = { type: 'text', value: node.value.slice(match.index + match[0].length).trimStart() };
    const tail = after.value ? [after, ...nodes.slice(i + 1)] : nodes.slice(i + 1);
    return { before: [...nodes.slice(0, i), before], after: tail };
  }
  return null;
}
