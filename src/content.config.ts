// This repository's own site uses the package as any site would (astro.config.mjs adds the integration).
import { timelineCollections } from './loader.ts';

export const collections = { ...timelineCollections() };
