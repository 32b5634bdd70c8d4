/**
 * Helpers for the plugin readers' tests: events as compact rows, and the
 * check that every date they give is one the note's date grammar reads.
 */
import { expect } from 'vitest';
import type { PluginBlock, PluginDrop, PluginEvent } from '../../../src/timeline/shapes/plugins/index.ts';
import { readDate } from '../../../src/timeline/index.ts';

/** An event as `[date, title, description, group, kind]`. */
export type Row = [string | null, string, string, string | null, PluginEvent['kind']];

/** The events of a block as rows. */
export function rows(block: PluginBlock | PluginDrop | null): Row[] {
  expect(block).not.toBeNull();
  expect(block).not.toHaveProperty('drop');
  return (block as PluginBlock).events.map((e) => [e.date, e.title, e.description, e.group, e.kind]);
}

/** The block, asserted to be a reading (not a drop, not null). */
export function asBlock(block: PluginBlock | PluginDrop | null): PluginBlock {
  expect(block).not.toBeNull();
  expect(block).not.toHaveProperty('drop');
  return block as PluginBlock;
}

/** Every non-null date of the block is read by the project's date grammar. */
export function expectReadableDates(block: PluginBlock): void {
  for (const e of block.events) if (e.date !== null) expect(readDate(e.date), e.date).not.toBeNull();
}

/** Runs `read` and fails when it takes longer than `ms` (shared CI machines: generous). */
export function timed<T>(read: () => T, ms = 3000): T {
  const start = performance.now();
  const result = read();
  expect(performance.now() - start).toBeLessThan(ms);
  return result;
}
