/**
 * Timeline plugins' syntaxes read as events: the blocks Obsidian shows as
 * timelines through a plugin and every publisher shows as raw code.
 *
 * - ```chronos (Chronos Timeline): `-` events, `@` periods, `*` points,
 *   `=` markers, `#` comments, `>` flags;
 * - ```timeline with `+` lines and ```timeline-labeled (George-debug's
 *   Timeline);
 * - `<span|div class="ob-timelines" data-date=…>` (the Timelines plugin,
 *   Darakah's and seanlowe's), whose render blocks (```timeline with tags
 *   or options, ```timeline-vis, ```ob-timeline) are dropped;
 * - `> [!timeline]` callouts (ITS Theme and FireIsGood's snippet).
 *
 * Pure and linear in their input; they never throw (an unexpected failure
 * reads as null: the caller shows the block as it would without them).
 */
import { readCallout, type CalloutLine } from './callout.ts';
import { readChronos } from './chronos.ts';
import { hasPlusLines, readGeorgeLabeled, readGeorgeTimeline } from './george.ts';
import { darakahTimelineDrop, readTimelinesHtml, renderOnlyDrop } from './ob-timelines.ts';
import type { PluginBlock, PluginDrop } from './types.ts';

export type { CalloutLine } from './callout.ts';
export type { PluginBlock, PluginDrop, PluginEvent } from './types.ts';

/** The result of a reader, or null when it failed unexpectedly. */
function safely<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/**
 * Reads a fenced code block of the given info-string language (`chronos`,
 * `timeline`, `timeline-labeled`, `timeline-vis`, `ob-timeline`…). Returns
 * null when the language is not a timeline plugin's (or a ```timeline block
 * is neither George-debug's `+` lines nor the Timelines plugin's render
 * options). Returns a {@link PluginDrop} for blocks that only render other
 * notes' events. `firstLine` is the note line of the block's first content
 * line (after the fence).
 */
export function readPluginCode(
  lang: string,
  _meta: string | null,
  value: string,
  firstLine: number,
): PluginBlock | PluginDrop | null {
  return safely(() => {
    const language = lang.trim().toLowerCase();
    switch (language) {
      case 'chronos':
        return readChronos(value, firstLine);
      case 'timeline-labeled':
        return readGeorgeLabeled(value, firstLine);
      case 'timeline':
        // George-debug's `+` triples, or Darakah's render block (a tag list, `tags=…`, options): the content tells.
        if (hasPlusLines(value)) return readGeorgeTimeline(value, firstLine);
        return darakahTimelineDrop(value);
      default:
        return renderOnlyDrop(language);
    }
  });
}

/** Whether a reading is a dropped render block. */
export function isPluginDrop(reading: PluginBlock | PluginDrop): reading is PluginDrop {
  return 'drop' in reading;
}

/**
 * Reads one raw HTML fragment (an mdast `html` node's value, possibly a
 * whole `<span class="ob-timelines" …>text</span>` or a `<div …>` opening,
 * attribute quotes ' or ") as the Timelines plugin's events; null when it
 * holds none. `line`/`column` where the fragment starts in the note. When
 * the fragment only opens the element, the block's `unclosed` says so.
 */
export function readObTimelinesHtml(html: string, line: number, column: number): PluginBlock | null {
  return safely(() => readTimelinesHtml(html, line, column));
}

/**
 * Reads a callout's first line and body lines (already without the `> `
 * prefix) when its type is `timeline` (`timeline|t-l` too); null otherwise.
 * `titleAt`, optional, is where the title stands in the note.
 */
export function readTimelineCallout(
  type: string,
  title: string,
  lines: CalloutLine[],
  titleAt?: { line: number; column: number },
): PluginBlock | null {
  return safely(() => readCallout(type, title, lines, titleAt));
}
