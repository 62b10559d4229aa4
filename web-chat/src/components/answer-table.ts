/** The answer's rows as a table: sortable by any column, paged, and exportable as CSV (every row, not one page). */
import { h, replaceChildren } from "../dom.ts";
import { downloadText } from "../download.ts";
import { cellText, sortRows } from "../format/cell-format.ts";
import { exportFileName, toCsv } from "../format/csv.ts";
import type { Answer, AnswerCell } from "../api/answer-types.ts";
import type { Messages } from "../i18n/messages.ts";

/** Rows per page: a laptop screen's worth. */
export const PAGE_SIZE = 20;

/** The CSV of an answer's rows: the column labels as header, raw values (fractions stay fractions). */
export function answerCsv(answer: Pick<Answer, "columns" | "rows">): string {
  return toCsv(
    answer.columns.map((column) => column.label),
    answer.rows,
  );
}

/** A table element for an answer with rows; `onAskAgain` fetches every row when only some were kept. */
export function answerTable(answer: Answer, messages: Messages, onAskAgain?: () => void): HTMLElement {
  let sortColumn = -1;
  let direction: "asc" | "desc" = "asc";
  let page = 0;
  let rows: AnswerCell[][] = answer.rows;
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));

  const head = h("thead");
  const body = h("tbody");
  const pager = h("div", { class: "pager" });
  const numeric = answer.columns.map((column) => column.type === "number");

  const renderHead = () => {
    replaceChildren(
      head,
      h(
        "tr",
        {},
        answer.columns.map((column, index) =>
          h(
            "th",
            { scope: "col", class: numeric[index] ? "numeric" : "", "aria-sort": index === sortColumn ? (direction === "asc" ? "ascending" : "descending") : "none" },
            h(
              "button",
              { type: "button", class: "sort", "aria-label": messages.sortBy(column.label), onclick: () => sortBy(index) },
              column.label,
              h("span", { class: "sort-mark", "aria-hidden": "true", text: index === sortColumn ? (direction === "asc" ? " ▲" : " ▼") : "" }),
            ),
          ),
        ),
      ),
    );
  };

  const renderBody = () => {
    const slice = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
    replaceChildren(
      body,
      slice.map((row) =>
        h(
          "tr",
          {},
          row.map((cell, index) => h("td", { class: numeric[index] ? "numeric" : "", text: cellText(cell, answer.columns[index] ?? {}) })),
        ),
      ),
    );
    replaceChildren(
      pager,
      h("button", { type: "button", class: "page-previous", onclick: () => goTo(page - 1), disabled: page === 0, "aria-label": messages.previousPage, text: "‹" }),
      h("span", { class: "page-label", "aria-live": "polite", text: messages.page(page + 1, pages) }),
      h("button", { type: "button", class: "page-next", onclick: () => goTo(page + 1), disabled: page >= pages - 1, "aria-label": messages.nextPage, text: "›" }),
    );
    pager.hidden = pages <= 1;
  };

  const sortBy = (index: number) => {
    direction = index === sortColumn && direction === "asc" ? "desc" : "asc";
    sortColumn = index;
    rows = sortRows(answer.rows, index, direction);
    page = 0;
    renderHead();
    renderBody();
  };
  const goTo = (target: number) => {
    page = Math.min(pages - 1, Math.max(0, target));
    renderBody();
  };

  renderHead();
  renderBody();
  const count = answer.row_count > answer.rows.length ? messages.rowsOf(answer.rows.length, answer.row_count) : messages.rowsTotal(answer.row_count);
  const exportButton = h("button", {
    type: "button",
    class: "export-csv",
    onclick: () => downloadText(exportFileName(answer.question || "lendlens"), answerCsv(answer)),
    text: messages.exportCsv,
  });
  return h(
    "section",
    { class: "answer-table", "aria-label": messages.table, "data-part": "table" },
    h(
      "div",
      { class: "table-toolbar" },
      h("span", { class: "row-count", text: count }),
      // A reopened conversation keeps the first rows only; asking again brings (and exports) all of them.
      onAskAgain && answer.row_count > answer.rows.length && h("button", { type: "button", class: "ask-again", onclick: onAskAgain, text: messages.askAgainForAll }),
      exportButton,
    ),
    h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": messages.table }, h("table", {}, head, body)),
    pager,
  );
}
