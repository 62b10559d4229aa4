/** Result columns for the answer: labels in the answer's language and a value type (from the format, else the data). */
import type { CompiledColumn } from "../compiler/compiled-query.ts";
import type { Language } from "../planner/planner.ts";
import type { AnswerCell, AnswerColumn } from "./answer.ts";

const DATE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/;

/** The value type of a column: numbers when formatted or when every value is a number; dates when every value is one. */
function columnType(column: CompiledColumn, values: readonly unknown[]): AnswerColumn["type"] {
  if (column.format) return "number";
  const present = values.filter((value) => value !== null && value !== undefined);
  if (present.length > 0 && present.every((value) => typeof value === "number")) return "number";
  if (present.length > 0 && present.every((value) => typeof value === "string" && DATE.test(value))) return "date";
  return "text";
}

/** The answer's columns for compiled columns and their rows. */
export function answerColumns(columns: readonly CompiledColumn[], rows: readonly (readonly unknown[])[], language: Language): AnswerColumn[] {
  return columns.map((column, index) => ({
    name: column.name,
    type: columnType(
      column,
      rows.map((row) => row[index]),
    ),
    label: column.label[language] || column.name,
    ...(column.format ? { format: column.format } : {}),
  }));
}

/** A cell the answer can carry: numbers, text, booleans and null as they are; other values (bigint, Date) as JSON-safe ones. */
export function answerCell(value: unknown): AnswerCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  return JSON.stringify(value);
}
