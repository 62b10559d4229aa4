/** The headline numbers of an answer, kept with each run: the metrics of a one-row answer, else the row count. */
import type { Answer, AnswerColumnFormat } from "../answer/answer.ts";

/** One headline number. */
export interface Headline {
  /** The column name (a metric id), or "row_count". */
  metric: string;
  label: string;
  value: number;
  format?: AnswerColumnFormat;
}

/** Headlines of an answered answer (none for other statuses). */
export function answerHeadlines(answer: Pick<Answer, "status" | "columns" | "rows" | "row_count" | "language">): Headline[] {
  if (answer.status !== "answered") return [];
  if (answer.rows.length === 1) {
    const row = answer.rows[0];
    const numbers = answer.columns.flatMap((column, index) => {
      const value = row[index];
      if (column.type !== "number" || typeof value !== "number") return [];
      return [{ metric: column.name, label: column.label, value, ...(column.format ? { format: column.format } : {}) }];
    });
    if (numbers.length > 0) return numbers;
  }
  return [{ metric: "row_count", label: answer.language === "zh" ? "行数" : "rows", value: answer.row_count, format: "count" }];
}

/** A number as people read it: rates as percentages, money with separators. */
export function formatHeadlineValue(value: number, format: AnswerColumnFormat | undefined, language: "zh" | "en"): string {
  if (format === "rate" || format === "probability") return `${(value * 100).toFixed(2)}%`;
  const rounded = Number.isInteger(value) ? value : Math.round(value * 100) / 100;
  const text = rounded.toLocaleString("en-US");
  return format === "money" ? (language === "zh" ? `${text} 元` : `¥${text}`) : text;
}

/** A change as people read it (rates in percentage points). */
export function formatHeadlineChange(change: number, format: AnswerColumnFormat | undefined, language: "zh" | "en"): string {
  const sign = change > 0 ? "+" : change < 0 ? "−" : "±";
  const size = Math.abs(change);
  if (format === "rate" || format === "probability") return `${sign}${(size * 100).toFixed(2)}${language === "zh" ? " 个百分点" : " pp"}`;
  return `${sign}${formatHeadlineValue(size, format, language)}`;
}
