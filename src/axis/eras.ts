/** The axis's view of the timeline: each era with its entries' own times. */
import type { PeriodData } from '../schemas/timeline.ts';
import { periodBounds } from '../timeline/period.ts';
import type { SiteTimeline } from '../utils/timeline.ts';
import type { AxisEra } from './layout.ts';

/**
 * Where a period sits on the axis's scale of years (BCE and CE alike,
 * months and days as fractions): its start, else its end.
 * `1969-07-20` → 1969.55, `490 BC` → -489.
 */
export function periodTime(period: PeriodData | null): number | null {
  const { lo, hi } = periodBounds(period);
  return lo ?? (hi === null ? null : (period?.to ?? hi));
}

/** Where an entry stands on the axis: its own date (not one it only takes from its era), else null. */
export function entryTime(entry: { dateSource: string; date: PeriodData | null }): number | null {
  const own = entry.dateSource === 'title' || entry.dateSource === 'heading' || entry.dateSource === 'subperiod';
  return own ? periodTime(entry.date) : null;
}

/** The axis's view of the timeline: each era with its entries' own years. */
export function axisEras(timeline: SiteTimeline): AxisEra[] {
  // Every era page draws the axis: compute it once per build, not once per page.
  let eras = axisCache.get(timeline);
  if (!eras) axisCache.set(timeline, (eras = computeAxisEras(timeline)));
  return eras;
}

const axisCache = new WeakMap<SiteTimeline, AxisEra[]>();

function computeAxisEras(timeline: SiteTimeline): AxisEra[] {
  return timeline.eras.map((era) => ({
    slug: era.id,
    ordinal: era.data.ordinal,
    name: era.data.name || era.data.heading,
    period: era.data.period,
    entryYears: (timeline.entriesByEra.get(era.id) ?? []).map(({ data }) => entryTime(data)),
  }));
}

/**
 * The chapters around one, for the small axis on an era page: a page must
 * not carry a copy of the whole timeline, however many chapters it has.
 */
export function axisWindow(eras: AxisEra[], current: string, size = 9): AxisEra[] {
  if (eras.length <= size) return eras;
  const at = eras.findIndex((era) => era.slug === current);
  const start = Math.min(Math.max(0, at - Math.floor(size / 2)), eras.length - size);
  return eras.slice(start, start + size);
}
