import { defineCollection } from 'astro:content';
import { timelineLoaders } from './loaders/timeline.ts';
import { entrySchema, eraSchema, noteSchema } from './schemas/timeline.ts';

/** One note (TIMELINE_NOTE, else the default note) fills all three collections. */
const loaders = timelineLoaders();

export const collections = {
  eras: defineCollection({ loader: loaders.eras, schema: eraSchema }),
  entries: defineCollection({ loader: loaders.entries, schema: entrySchema }),
  note: defineCollection({ loader: loaders.note, schema: noteSchema }),
};
