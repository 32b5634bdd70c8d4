/**
 * What every page runs for search: a few listeners, nothing fetched. The
 * search UI (results.ts) and Pagefind load when the reader first focuses
 * the box or types in it; `/` focuses the box. Without JavaScript the box is
 * hidden by noscript.css, so the page loses nothing but search.
 */

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-search]')) {
  const input = form.querySelector<HTMLInputElement>('.search__input');
  if (!input) continue;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    void import('./results.ts').then(({ setUp }) => setUp(form));
  };
  input.addEventListener('focus', start);
  input.addEventListener('input', start);
  // Until the UI is there, Enter must not reload the page with `?q=`.
  form.addEventListener('submit', (event) => event.preventDefault());
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}
