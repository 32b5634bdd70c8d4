/**
 * The collections one note fills, for a site's src/content.config.ts:
 *
 *   import { timelineCollections } from 'obsidian-timeline/loader';
 *   export const collections = { ...timelineCollections() };
 *
 * Named `timelineEras`, `timelineEntries` and `timelineNote`, so that they
 * never collide with the site's own. Options given here win over the
 * integration's (`timeline({ note })`).
 */
import { defineCollection, reference } from 'astro:content';
import { loaderDefaults } from './loaders/defaults.ts';
import { timelineLoaders, type TimelineLoaderOptions } from './loaders/timeline.ts';
import { entryDataSchema, eraDataSchema, noteDataSchema } from './schemas/timeline.ts';

export function timelineCollections(options: TimelineLoaderOptions = {}) {
  const loaders = timelineLoaders({ ...loaderDefaults(), ...options });
  return {
    timelineEras: defineCollection({ loader: loaders.eras, schema: eraDataSchema }),
    // The era is stored by id and checked as a reference to the eras collection.
    timelineEntries: defineCollection({
      loader: loaders.entries,
      schema: entryDataSchema.extend({ era: reference('timelineEras') }),
    }),
    timelineNote: defineCollection({ loader: loaders.note, schema: noteDataSchema }),
  };
}
