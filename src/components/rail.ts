/**
 * Marks, in the era page's contents rail (EraRail.astro), the entry or
 * sub-period being read: the last one whose heading has scrolled up to the
 * top of the window (where a link to it puts it). The rail keeps that link in view
 * by scrolling itself, never the page. header.ts loads this module only
 * where the rail is shown; nothing runs while it is hidden again.
 */

/** How far down the window, in px, a heading counts as reached: just below where a link to it lands (its scroll margin). */
const READING_LINE = 48;

for (const rail of document.querySelectorAll<HTMLElement>('[data-rail]')) {
  const links = [...rail.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
  const targets = links.map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))));
  const wide = window.matchMedia('(min-width: 75rem)');
  let current: HTMLAnchorElement | null = null;
  let queued = false;

  /** Headings are in page order: the last one above the line, found by halving. */
  const reading = (): number => {
    const line = READING_LINE;
    let low = 0;
    let high = targets.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const top = targets[middle]?.getBoundingClientRect().top ?? Number.POSITIVE_INFINITY;
      if (top <= line) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  };

  const update = () => {
    queued = false;
    if (!wide.matches) return;
    const link = links[reading()] ?? null;
    if (link === current) return;
    current?.removeAttribute('aria-current');
    current = link;
    if (!link) return;
    link.setAttribute('aria-current', 'true');
    const top = link.getBoundingClientRect().top - rail.getBoundingClientRect().top + rail.scrollTop;
    if (top < rail.scrollTop || top + link.offsetHeight > rail.scrollTop + rail.clientHeight) {
      rail.scrollTop = top - rail.clientHeight / 3;
    }
  };
  const queue = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(update);
  };

  if (targets.every((target) => target !== null)) {
    window.addEventListener('scroll', queue, { passive: true });
    window.addEventListener('resize', queue, { passive: true });
    wide.addEventListener('change', queue);
    queue();
  }
}

export {};
