/** The human form of an answer on a terminal: the text, a compact table of the first rows, then the SQL. */
import type { Answer } from "../answer/answer.ts";
import { formatCell } from "../answer/format-number.ts";

/** Rows shown in the table. */
export const TABLE_ROWS = 20;
/** Widest a column may be, in terminal cells. */
const MAX_CELL_WIDTH = 40;

/** Terminal cells a text takes: wide (CJK, full-width) characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) {
    const code = character.codePointAt(0) as number;
    width += (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) ? 2 : 1;
  }
  return width;
}

/** Cuts a text to at most `width` cells, marking the cut with "…". */
function clip(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let result = "";
  for (const character of text) {
    if (displayWidth(result + character) > width - 1) break;
    result += character;
  }
  return `${result}…`;
}

/** Pads a text to `width` cells, on the left for numbers. */
function pad(text: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? `${fill}${text}` : `${text}${fill}`;
}

/** The first rows as an aligned text table, with a line saying how many rows were left out. */
export function renderTable(answer: Answer): string {
  if (answer.columns.length === 0) return "";
  const shown = answer.rows.slice(0, TABLE_ROWS);
  const headers = answer.columns.map((column) => clip(column.label, MAX_CELL_WIDTH));
  const cells = shown.map((row) => row.map((value, index) => clip(formatCell(value, answer.columns[index].format), MAX_CELL_WIDTH)));
  const widths = headers.map((header, index) => Math.max(displayWidth(header), ...cells.map((row) => displayWidth(row[index]))));
  const numeric = answer.columns.map((column) => column.type === "number");
  const line = (values: string[]) => values.map((value, index) => pad(value, widths[index], numeric[index])).join("  ").trimEnd();
  const lines = [line(headers), widths.map((width) => "-".repeat(width)).join("  "), ...cells.map(line)];
  const hidden = answer.row_count - shown.length;
  if (hidden > 0) lines.push(answer.language === "zh" ? `……另有 ${hidden} 行` : `… ${hidden} more rows`);
  return lines.join("\n");
}

/** The whole human output of one answer. */
export function renderAnswer(answer: Answer): string {
  const zh = answer.language === "zh";
  const parts = [answer.text];
  if (answer.status === "clarify" && answer.choices.length > 0) parts.push(answer.choices.map((choice, index) => `  ${index + 1}. ${choice.label}`).join("\n"));
  const table = renderTable(answer);
  if (table) parts.push(table);
  if (answer.sql.length > 0) parts.push(`${zh ? "SQL:" : "SQL:"}\n${answer.sql.join(";\n")}`);
  return `${parts.join("\n\n")}\n`;
}
