/**
 * Tables with a date column: each row whose date cell reads is an event.
 * The date column is found by its cells, in any position: the column where
 * most cells read as dates (a bare number counts here: a column of them is a
 * column of years). The title is the column headed like a title (`Event`,
 * `事件`, `出来事`…), else the first other column with text; the other
 * columns become the description, each with its header.
 */
import type { PhrasingContent, Table, TableCell, TableRow } from 'mdast';
import { readPeriod, type PeriodReading } from '../period.ts';
import { plainText } from '../plain-text.ts';
import { MAX_DATE_LENGTH } from '../dates.ts';

/** A header that names the title column. */
const TITLE_HEADER =
  /^(?:events?|titles?|what|names?|happenings?|milestones?|事件|大事|标题|標題|名称|名稱|事项|事項|出来事|できごと|事柄|タイトル|項目)$/iu;
/** A header that names the date column, preferred when two columns read as dates. */
const DATE_HEADER =
  /^(?:dates?|years?|when|time|period|era|日期|年份|时间|時間|年代|时期|時期|年月日|年|日付|西暦|年号)$/iu;

/** One row read as an event. */
export interface TableEvent {
  row: TableRow;
  label: string;
  reading: PeriodReading;
  title: PhrasingContent[];
  /** The other cells, each `Header: value`, one per line. */
  description: PhrasingContent[];
}

/** A table read as events: the rows that are events, and the rows that are not, in order. */
export interface TableReading {
  /** Column of the dates and of the titles (-1: the text has no column of its own). */
  dateColumn: number;
  titleColumn: number;
  rows: Array<TableEvent | TableRow>;
}

/** What a date cell holds besides words: a digit, or a unit written out. */
const DATE_MARK = /[\d０-９]|[年世]|century|millennium/iu;

const cellText = (cell: TableCell | undefined) => (cell ? plainText(cell.children).trim() : '');

/** Reads a date cell: a period, as in a heading, with `year` for month-day cells under a one-year heading. */
function readCell(text: string, year: number | null): PeriodReading | null {
  // A digit or a unit: `一` or `Mar` alone in a cell is a number or a word, not a date.
  if (!text || text.length > MAX_DATE_LENGTH || !DATE_MARK.test(text)) return null;
  return readPeriod(text, year);
}

/**
 * Reads a table as events, or returns null when it has no date column: at
 * least half of its body rows, and at least one, must read in the column.
 */
export function readTable(table: Table, year: number | null): TableReading | null {
  const [header, ...body] = table.children;
  if (!header || body.length === 0) return null;
  let width = 0;
  for (const row of table.children) width = Math.max(width, row.children.length);
  if (width < 2) return null;
  let best = -1;
  let bestScore = 0;
  for (let column = 0; column < width; column++) {
    const cells = body.map((row) => cellText(row.children[column])).filter(Boolean);
    const read = cells.filter((text) => readCell(text, year)).length;
    if (read === 0 || read * 2 < body.length) continue;
    // A header saying `Date` breaks a tie; more dates win.
    const score = read + (DATE_HEADER.test(cellText(header.children[column])) ? 0.5 : 0);
    if (score > bestScore) {
      best = column;
      bestScore = score;
    }
  }
  if (best === -1) return null;
  const headers = Array.from({ length: width }, (_, i) => cellText(header.children[i]));
  let titleColumn = headers.findIndex((h, i) => i !== best && TITLE_HEADER.test(h));
  if (titleColumn === -1)
    titleColumn = headers.findIndex((_, i) => i !== best && body.some((r) => cellText(r.children[i])));

  const rows = body.map((row): TableEvent | TableRow => {
    const label = cellText(row.children[best]);
    const reading = readCell(label, year);
    if (!reading) return row;
    const title = titleColumn === -1 ? [] : [...(row.children[titleColumn]?.children ?? [])];
    const description: PhrasingContent[] = [];
    row.children.forEach((cell, i) => {
      if (i === best || i === titleColumn || !cellText(cell)) return;
      if (description.length) description.push({ type: 'break' });
      if (headers[i])
        description.push(
          { type: 'strong', children: [{ type: 'text', value: headers[i]! }] },
          { type: 'text', value: ': ' },
        );
      for (const child of cell.children) description.push(child);
    });
    return { row, label, reading, title, description };
  });
  return { dateColumn: best, titleColumn, rows };
}

/** Whether a table has a date column (for finding the chapters of a note). */
export function hasDateColumn(table: Table): boolean {
  return readTable(table, null) !== null;
}
