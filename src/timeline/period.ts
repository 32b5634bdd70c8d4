import type { Period } from './types.ts';

/*
 * Periods are read with regular expressions on purpose: no maintained library
 * reads mixed Chinese/English year spans such as `2021 及之前` or `2023-？？？？`.
 * Years have three or four digits so that model names (`GPT3`, `Claude3.7`)
 * are never read as dates; a decade is `1970s` or `1970年代`.
 */
const YEAR = String.raw`(\d{3,4})(s|年代)?年?`;
const OPEN_END = String.raw`(未来|至今|现今|如今|现在|今天|今|present|now|today|ongoing|future|[?？]+)`;
const UNKNOWN = String.raw`([?？]+)`;
const BEFORE_SUFFIX = String.raw`(?:及之前|及以前|之前|以前|or earlier|and earlier|or before|and before|before|earlier)`;
const BEFORE_PREFIX = String.raw`(?:before|until|up to|pre-|早于)`;
const SEPARATOR = String.raw`(?:\s*(?:-|–|—|~|～|至|到)\s*|\s+(?:to|till|until)\s+)`;

/**
 * Alternatives, each anchored at both ends of the text. Order matters:
 * longest first. Anchored at the start too, not only checked to match there:
 * a heading is tried from each of its words, and an unanchored search from
 * each word to the end made long headings take quadratic time.
 */
const FORMS: Array<{ re: RegExp; read: (m: RegExpExecArray) => Omit<Period, 'label'> }> = [
  {
    // 1997-2014, 1970s–1990s, 1920 to 1929
    re: new RegExp(`^${YEAR}${SEPARATOR}${YEAR}$`, 'iu'),
    read: (m) => ({ from: Number(m[1]), to: lastYear(m[3]!, m[4]), fromOpen: false, toOpen: false }),
  },
  {
    // 2025 - 未来, 2023-？？？？, 1990 to present
    re: new RegExp(`^${YEAR}${SEPARATOR}${OPEN_END}$`, 'iu'),
    read: (m) => ({
      from: Number(m[1]),
      to: null,
      fromOpen: false,
      toOpen: /^[?？]+$/u.test(m[3]!) ? 'unknown' : 'ongoing',
    }),
  },
  {
    // ？？？？-2021
    re: new RegExp(`^${UNKNOWN}${SEPARATOR}${YEAR}$`, 'iu'),
    read: (m) => ({ from: null, to: lastYear(m[2]!, m[3]), fromOpen: true, toOpen: false }),
  },
  {
    // 2021 及之前, 1900 and earlier
    re: new RegExp(`^${YEAR}\\s*${BEFORE_SUFFIX}$`, 'iu'),
    read: (m) => ({ from: null, to: lastYear(m[1]!, m[2]), fromOpen: true, toOpen: false }),
  },
  {
    // before 1900
    re: new RegExp(`^${BEFORE_PREFIX}\\s*${YEAR}$`, 'iu'),
    read: (m) => ({ from: null, to: lastYear(m[1]!, m[2]), fromOpen: true, toOpen: false }),
  },
  {
    // 2022, 1980s, 1970年代
    re: new RegExp(`^${YEAR}$`, 'iu'),
    read: (m) => ({ from: Number(m[1]), to: lastYear(m[1]!, m[2]), fromOpen: false, toOpen: false }),
  },
];

function lastYear(year: string, decade: string | undefined): number {
  return decade ? Number(year) + 9 : Number(year);
}

/** Reads a period that makes up the whole of `text`, e.g. `2025 - 未来`. */
export function parsePeriod(text: string): Period | null {
  const trimmed = text.trim();
  for (const form of FORMS) {
    const match = form.re.exec(trimmed);
    if (match && match.index === 0) return { ...form.read(match), label: trimmed };
  }
  return null;
}

const PARENTHESISED = /[（(]([^（()）]*)[)）]\s*$/u;

/**
 * Splits a heading into its name and the period that ends it:
 * `序曲 2022`, `前奏 2021 及之前`, `The Jazz Age (1920–1929)`, `1980s`.
 */
export function splitHeadingPeriod(heading: string): { name: string; period: Period | null } {
  const text = heading.trim();
  const paren = PARENTHESISED.exec(text);
  if (paren) {
    const period = parsePeriod(paren[1]!);
    if (period) return { name: nameBefore(text, paren.index), period };
  }
  // Try each word boundary from the left, so that the longest period wins.
  for (const start of boundaries(text)) {
    const period = parsePeriod(text.slice(start));
    if (period) return { name: nameBefore(text, start), period };
  }
  return { name: text, period: null };
}

/**
 * The name before a period, without the dash or colon that set the period
 * apart: `Swing – 1935–1945` is named `Swing`, not `Swing –`.
 */
function nameBefore(text: string, end: number): string {
  // A loop, not `/[…]+$/`: that regex retries from every character of a long
  // run of spaces or dashes inside the name, in quadratic time.
  let cut = end;
  while (cut > 0 && NAME_END.test(text[cut - 1]!)) cut--;
  return text.slice(0, cut).trim();
}

/** What may stand between a name and its period. */
const NAME_END = /[\s\-–—~～:：,，|·]/u;

/** Offsets where a period may begin: the start, and after each space. */
function boundaries(text: string): number[] {
  const offsets = [0];
  for (let i = 0; i < text.length; i++) {
    if (/\s/u.test(text[i]!) && i + 1 < text.length && !/\s/u.test(text[i + 1]!)) offsets.push(i + 1);
  }
  // A period glued to a CJK name (`序曲2022`) still counts.
  const glued = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}](?=\d{3,4})/u.exec(text);
  if (glued) offsets.push(glued.index + glued[0].length);
  return offsets.sort((a, b) => a - b);
}

/**
 * Splits the year off the end of an entry title: `LSTM（1997）` gives
 * `LSTM` and 1997. A parenthesis that holds no year stays in the title.
 */
export function splitTitleYear(title: string): { title: string; period: Period | null } {
  const paren = PARENTHESISED.exec(title);
  if (paren) {
    const period = parsePeriod(paren[1]!);
    if (period) return { title: title.slice(0, paren.index).trimEnd(), period };
  }
  return { title, period: null };
}
