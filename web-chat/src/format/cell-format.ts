/** How table cells and headline numbers are shown and sorted in the browser (the agent's number formats, reused). */
import { formatCell, formatValue } from "../../../agent/answer/format-number.ts";
import type { AnswerCell, AnswerColumn } from "../api/answer-types.ts";
import type { UiLanguage } from "../i18n/messages.ts";

/** A cell as text in the table: rates as percentages, money and counts grouped, null as empty. */
export function cellText(value: AnswerCell, column: Pick<AnswerColumn, "format">): string {
  return formatCell(value, column.format);
}

/** A number as read in text (万/亿 in Chinese, K/M/B in English), e.g. for chart tooltips and summaries. */
export function readableNumber(value: AnswerCell, column: Pick<AnswerColumn, "format">, language: UiLanguage): string {
  return formatValue(value, column.format, language);
}

/** Orders two cells ascending: nulls last, numbers numerically, text by locale (Chinese by pinyin). */
export function compareCells(left: AnswerCell, right: AnswerCell): number {
  const leftMissing = left === null || left === undefined || left === "";
  const rightMissing = right === null || right === undefined || right === "";
  if (leftMissing || rightMissing) return Number(leftMissing) - Number(rightMissing);
  if (typeof left === "number" && typeof right === "number") return left - right;
  return String(left).localeCompare(String(right), "zh-CN", { numeric: true });
}

/** Rows sorted by one column (a stable sort of a copy); descending reverses the order but keeps nulls last. */
export function sortRows<Row extends readonly AnswerCell[]>(rows: readonly Row[], columnIndex: number, direction: "asc" | "desc"): Row[] {
  const sign = direction === "asc" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((left, right) => {
      const a = left.row[columnIndex];
      const b = right.row[columnIndex];
      const aMissing = a === null || a === "";
      const bMissing = b === null || b === "";
      if (aMissing !== bMissing) return aMissing ? 1 : -1;
      return sign * compareCells(a, b) || left.index - right.index;
    })
    .map((entry) => entry.row);
}
