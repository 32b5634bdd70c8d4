/**
 * `/timeline.mw`: the whole timeline as a Markwhen document, to open in
 * Markwhen's editor or its Obsidian and VS Code extensions. Built once, as
 * a static file.
 */
import type { APIRoute } from 'astro';
import { toMarkwhen } from '../utils/markwhen.ts';
import { loadTimeline } from '../utils/timeline.ts';

export const prerender = true;

export const GET: APIRoute = async () => {
  const { note, eras, entries } = await loadTimeline();
  return new Response(toMarkwhen({ note, eras, entries }), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
