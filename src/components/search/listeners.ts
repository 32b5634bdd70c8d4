/**
 * What every page runs for search: a few listeners, nothing fetched. The
 * search UI (results.ts) and Pagefind load when the reader first focuses
 * the box or types in it; `/` focuses the box. On a phone the box is behind
 * the header's search button, which opens it over the page (a second press
 * closes it, and so does Escape: results.ts). Without JavaScript the box and the button are
 * hidden by noscript.css, so the page loses nothing but search.
 */

const form = document.querySelector<HTMLFormElement>('form[data-search]');
const input = form?.querySelector<HTMLInputElement>('.search__input');
const header = document.querySelector<HTMLElement>('[data-site-header]');
const toggle = header?.querySelector<HTMLButtonElement>('[data-search-toggle]');

/** Shows or hides the box on a phone (the class does nothing on wider screens). */
const show = (open: boolean) => {
  header?.classList.toggle('is-searching', open);
  toggle?.setAttribute('aria-expanded', String(open));
  if (open) input?.focus();
};

if (form && input) {
  let started = false;
  const start = () => {
    if (!started) void import('./results.ts').then(({ setUp }) => setUp(form));
    started = true;
  };
  input.addEventListener('focus', start);
  input.addEventListener('input', start);
  // Until the UI is there, Enter must not reload the page with `?q=`.
  form.addEventListener('submit', (event) => event.preventDefault());
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/u.test(target.tagName)) return;
    event.preventDefault();
    show(true);
    input.select();
  });
  // Escape closes it too (results.ts, loaded by then: the button focuses the box).
  toggle?.addEventListener('click', () => show(toggle.ariaExpanded !== 'true'));
}
