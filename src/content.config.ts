import { defineCollection, reference } from 'astro:content';
import { timelineLoaders } from './loaders/timeline.ts';
import { entryDataSchema, eraDataSchema, noteDataSchema } from './schemas/timeline.ts';

/** One note (TIMELINE_NOTE, else the default note) fills all three collections. */
const loaders = timelineLoaders();

export const collections = {
  eras: defineCollection({ loader: loaders.eras, schema: eraDataSchema }),
  // The era is stored by id and checked as a reference to the eras collection.
  entries: defineCollection({ loader: loaders.entries, schema: entryDataSchema.extend({ era: reference('eras') }) }),
  note: defineCollection({ loader: loaders.note, schema: noteDataSchema }),
};
