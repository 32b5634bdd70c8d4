/**
 * What the timeline plugins' blocks read as: events, and the lines around
 * them that are kept as text, hidden, or worth a warning. Plain data; the
 * caller reads the dates with its own grammar and renders the Markdown.
 */

/** An event read from a plugin's block. Dates stay text: the caller reads them with its own date grammar. */
export interface PluginEvent {
  /**
   * 1-based line in the NOTE (the caller passes the block's first line), and
   * column where the event's text starts. In a fenced block the column counts
   * from the start of the block's line as the code node holds it (a fence's
   * own indentation is the caller's to add).
   */
  line: number;
  column: number;
  /**
   * The date as shown to readers, normalised to a form a date grammar can
   * read: `1969-07-20`, `490 BC`, `AD 144`, `15 March 44 BC`, `2020-01 –
   * 2021-03`, `500 BC – 400 BC`, `2020 – present`; null when the event has
   * no date (or one that cannot be placed: see the block's problems). The
   * en dash ` – ` separates range ends. Free-text dates (George-debug's
   * Timeline, callouts) are passed on cleaned (no `<br>`, no emphasis, no
   * time of day) for the caller's grammar to judge.
   */
  date: string | null;
  /** What the note wrote for the date, verbatim (for messages). */
  written: string;
  /** The event's title as Markdown inline text (may be ''). */
  title: string;
  /** Its description as Markdown text ('' when none). */
  description: string;
  /** The plugin's group/lane (Chronos `{group}`), else null. */
  group: string | null;
  /** What the plugin draws: a point event, a span/period, or a marker line. */
  kind: 'event' | 'period' | 'marker';
}

/** A line of a block that is shown to readers as text, with why. */
export interface PluginKept {
  line: number;
  text: string;
  why: string;
}

/** A line of a block that the plugin itself never shows, with why. */
export interface PluginHidden {
  line: number;
  why: string;
}

/** A problem worth a warning, where it is and what to do about it. */
export interface PluginProblem {
  line: number;
  column: number;
  message: string;
  hint: string;
}

/** What a block reads as. */
export interface PluginBlock {
  /** Which plugin's syntax: 'chronos' | 'timeline' (George-debug) | 'timeline-labeled' | 'ob-timelines' | 'callout' */
  plugin: string;
  events: PluginEvent[];
  /** Lines of the block that are not events and are shown to readers as text (e.g. a line the plugin would show that we cannot read), with why. */
  kept: PluginKept[];
  /** Lines the plugin itself never shows (comments, settings such as `> ORDERBY`), with why: dropped, said in the explanation. */
  hidden: PluginHidden[];
  /** Problems worth a warning: a line that looks like an event but whose date cannot be read, etc. With column. */
  problems: PluginProblem[];
  /**
   * Only from {@link readObTimelinesHtml}: the fragment opens this element
   * (`span` or `div`) and does not close it, as an mdast `html` node holding
   * only `<span class="ob-timelines" …>` does. The element's content (the
   * event's description, which the plugin hides in the note) follows in the
   * note up to the closing tag: the caller takes it as the description when
   * the event has none, and does not show it.
   */
  unclosed?: string;
}

/** A block that only renders other notes' events (the Timelines plugin's render blocks): the caller drops it and says why. */
export interface PluginDrop {
  /** Whose block: 'ob-timelines' (Darakah's Timelines and seanlowe's revamp). */
  plugin: string;
  /** Why it is dropped, for the explanation. */
  drop: string;
}
