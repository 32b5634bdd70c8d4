/**
 * `/timeline.json`: the whole timeline in the TimelineJS3 JSON format, for
 * embedding with Knight Lab's TimelineJS. Built once, as a static file.
 */
import type { APIRoute } from 'astro';
import { loadTimeline } from '../utils/timeline.ts';
import { toTimelineJs } from '../utils/timelinejs.ts';

export const prerender = true;

export const GET: APIRoute = async () => {
  const { note, eras, entries } = await loadTimeline();
  const { timeline, skipped } = toTimelineJs({ note, eras, entries });
  if (skipped.length > 0) {
    console.warn(
      `[timeline.json] ${skipped.length} ${skipped.length === 1 ? 'entry has' : 'entries have'} no year and ` +
        `${skipped.length === 1 ? 'its era has' : 'their eras have'} none either, so TimelineJS cannot place ` +
        `${skipped.length === 1 ? 'it' : 'them'}; left out: ${skipped.map((id) => `#${id}`).join(', ')}`,
    );
  }
  return new Response(JSON.stringify(timeline, null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
