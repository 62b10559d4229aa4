/** The numbers of a one-row answer as large tiles (a metric's value reads at a glance before the table). */
import { h } from "../dom.ts";
import { readableNumber } from "../format/cell-format.ts";
import type { Answer } from "../api/answer-types.ts";
import type { UiLanguage } from "../i18n/messages.ts";

/** Tiles for a one-row result with one to four numeric columns; null otherwise. */
export function headlineNumbers(answer: Answer, language: UiLanguage): HTMLElement | null {
  if (answer.rows.length !== 1) return null;
  const row = answer.rows[0];
  const numeric = answer.columns.map((column, index) => ({ column, value: row[index] })).filter((cell) => cell.column.type === "number" && typeof cell.value === "number");
  if (numeric.length === 0 || numeric.length > 4) return null;
  return h(
    "div",
    { class: "headline-numbers", "data-part": "headline" },
    numeric.map(({ column, value }) => h("div", { class: "stat" }, h("span", { class: "stat-value", text: readableNumber(value, column, language) }), h("span", { class: "stat-label", text: column.label }))),
  );
}
