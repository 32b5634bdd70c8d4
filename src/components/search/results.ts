/**
 * The entry search of Search.astro, imported by listeners.ts the first time the
 * reader focuses the box or types; nothing is fetched before. Then Pagefind's own module is imported from
 * `<base>pagefind/pagefind.js`, which loads its index in chunks as needed.
 * Each result is one entry (a Pagefind sub-result: the entry's heading and
 * the text under it), linked to its anchor on the era page.
 */
// The panel's styles, added by this module (not imported: Vite would list them in the module that loads this one, which every page runs).
import resultsCss from './results.css?url&no-inline';
import { filePath, pageUrl } from '../../site/paths.ts';

/** The parts of Pagefind's browser API used here (pagefind.app/docs/api/). */
interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: PagefindSubResult[];
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string): Promise<void>;
  debouncedSearch(term: string, options?: object, debounceMs?: number): Promise<{ results: PagefindResult[] } | null>;
}

/** At most this many era pages are opened, and this many entries listed. */
const MAX_PAGES = 12;
const MAX_ENTRIES = 30;

const base = filePath('');

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await module.options({ baseUrl: base, excerptLength: 24 });
    await module.init();
    return module;
  })();
  // A failed load (offline, dev server) may be retried on the next keystroke.
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

/**
 * Pagefind's excerpts are escaped text with `<mark>` around matches: rebuild
 * them as DOM, never as HTML. An excerpt that opens with the entry's own
 * heading ("GQA. …") drops it, the title being shown above, unless the
 * match is in it.
 */
function appendExcerpt(parent: HTMLElement, excerpt: string, title: string): void {
  const parts: { text: string; marked: boolean }[] = [];
  let marked = false;
  for (const part of excerpt.split(/(<\/?mark>)/u)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    // Pagefind's index keeps the zero-width spaces it put between Chinese words.
    else if (part) parts.push({ text: decodeEntities(part.replace(/<[^>]*>/gu, '')).replace(/\u200b/gu, ''), marked });
  }
  const prefix = `${title}. `;
  const unmarkedPrefix = () => {
    let seen = '';
    for (const part of parts) {
      if (seen.length >= prefix.length) break;
      if (part.marked) return false;
      seen += part.text;
    }
    return seen.startsWith(prefix);
  };
  if (title && unmarkedPrefix()) {
    let drop = prefix.length;
    while (drop > 0 && parts.length) {
      const first = parts[0]!;
      if (first.text.length <= drop) {
        drop -= first.text.length;
        parts.shift();
      } else {
        first.text = first.text.slice(drop);
        drop = 0;
      }
    }
  }
  for (const { text, marked } of parts) {
    if (!marked) {
      parent.append(text);
      continue;
    }
    // Spaces stay outside the highlight.
    const [, before = '', word = '', after = ''] = /^(\s*)(.*?)(\s*)$/su.exec(text) ?? [];
    const mark = document.createElement('mark');
    mark.textContent = word;
    parent.append(before, mark, after);
  }
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/giu, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/gu, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** Wires one search form; the reader has just focused its box or typed in it. */
export function setUp(form: HTMLFormElement): void {
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = resultsCss;
  document.head.append(style);
  const input = form.querySelector<HTMLInputElement>('.search__input')!;
  const panel = form.querySelector<HTMLElement>('.search__panel')!;
  const status = form.querySelector<HTMLElement>('.search__status')!;
  const list = form.querySelector<HTMLOListElement>('.search__results')!;
  const text = form.dataset;

  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];
  const open = (isOpen: boolean) => panel.classList.toggle('is-open', isOpen);
  const close = () => {
    open(false);
    status.textContent = '';
    list.replaceChildren();
  };

  let current = 0;
  async function run(): Promise<void> {
    const query = input.value.trim();
    const ticket = ++current;
    if (!query) return close();
    open(true);
    let api: Pagefind;
    try {
      if (!pagefind) status.textContent = text['loading'] ?? '';
      api = await loadPagefind();
    } catch {
      if (ticket === current) status.textContent = text['unavailable'] ?? '';
      return;
    }
    const search = await api.debouncedSearch(query, {}, 120);
    if (search === null || ticket !== current) return; // a newer keystroke took over
    const pages = await Promise.all(search.results.slice(0, MAX_PAGES).map((result) => result.data()));
    if (ticket !== current) return;

    const items: HTMLLIElement[] = [];
    let total = 0;
    for (const page of pages) {
      const era = page.meta['title'] ?? '';
      const subs = page.sub_results.length ? page.sub_results : [{ title: era, url: page.url, excerpt: page.excerpt }];
      for (const sub of subs) {
        total++;
        if (items.length >= MAX_ENTRIES) continue;
        const isEntry = sub.url.includes('#');
        const item = document.createElement('li');
        item.className = 'search__result';
        const link = document.createElement('a');
        link.href = pageUrl(sub.url);
        const title = document.createElement('span');
        title.className = 'search__title';
        title.textContent = isEntry ? sub.title : era;
        link.append(title);
        if (isEntry && era) {
          const eraName = document.createElement('span');
          eraName.className = 'search__era';
          eraName.textContent = era;
          link.append(' ', eraName);
        }
        item.append(link);
        if (sub.excerpt) {
          const excerpt = document.createElement('p');
          excerpt.className = 'search__excerpt';
          appendExcerpt(excerpt, sub.excerpt, isEntry ? sub.title : '');
          item.append(excerpt);
        }
        items.push(item);
      }
    }
    list.replaceChildren(...items);
    status.textContent =
      total === 0
        ? fill(text['none'] ?? '', { q: query })
        : fill((total === 1 ? text['foundOne'] : text['foundMany']) ?? '', { n: total });
  }

  input.addEventListener('focus', () => {
    loadPagefind().catch(() => {});
    if (input.value.trim() && !panel.classList.contains('is-open')) void run();
  });
  input.addEventListener('input', () => void run());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    links()[0]?.click();
  });

  // Arrow keys walk the results; Escape closes them and returns to the box.
  const toggle = document.querySelector<HTMLButtonElement>('[data-search-toggle]');
  form.addEventListener('keydown', (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' && all.length) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)]!.focus();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : all[at - 1]!).focus();
    } else if (event.key === 'Escape' && panel.classList.contains('is-open')) {
      event.preventDefault();
      close();
      input.focus();
    } else if (event.key === 'Escape' && toggle?.offsetParent && toggle.ariaExpanded === 'true') {
      // A phone's box, opened by the header's button (listeners.ts): a second Escape closes it.
      toggle.closest('[data-site-header]')?.classList.remove('is-searching');
      toggle.ariaExpanded = 'false';
      toggle.focus();
    }
  });
  // Following a result on the same page only moves to its anchor: get out of the way.
  list.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a')) open(false);
  });
  document.addEventListener('pointerdown', (event) => {
    if (!form.contains(event.target as Node)) open(false);
  });
  form.addEventListener('focusout', (event) => {
    const next = event.relatedTarget as Node | null;
    if (next && !form.contains(next)) open(false);
  });

  // The focus or keystroke that brought this module in has already happened.
  if (document.activeElement === input) {
    loadPagefind().catch(() => {});
    if (input.value.trim()) void run();
  }
}
