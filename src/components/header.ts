/**
 * What every page runs besides search's listeners, in the same module
 * (SiteHeader.astro), kept small: the budget of JavaScript run on load is 3 KB
 * (audit/budgets.ts). The phone header's menu is a <details>, which needs
 * no script; a click elsewhere closes it. An era page's contents rail loads
 * its script (rail.ts) only where the rail is shown.
 */

const menu = document.querySelector<HTMLDetailsElement>('[data-menu]');
document.addEventListener('click', (event) => {
  if (menu?.open && !menu.contains(event.target as Node)) menu.open = false;
});

const wide = matchMedia('(min-width: 75rem)');
const rail = () => {
  if (wide.matches && document.querySelector('[data-rail]')) void import('./rail.ts');
};
wide.addEventListener('change', rail);
rail();
