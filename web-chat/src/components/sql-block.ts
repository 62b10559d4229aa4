/** The SQL that ran, collapsed by default, each statement with a copy button. */
import { h } from "../dom.ts";
import type { Messages } from "../i18n/messages.ts";

/** A <details> holding every statement in order. */
export function sqlBlock(statements: readonly string[], messages: Messages): HTMLElement {
  return h(
    "details",
    { class: "sql-block", "data-part": "sql" },
    h("summary", {}, `${messages.showSql} (${statements.length})`),
    statements.map((statement) => {
      const copy = h("button", { type: "button", class: "copy-sql", text: messages.copySql });
      copy.addEventListener("click", () => {
        void navigator.clipboard?.writeText(statement).then(() => {
          copy.textContent = messages.copied;
          setTimeout(() => (copy.textContent = messages.copySql), 1500);
        });
      });
      return h("div", { class: "sql-statement" }, h("pre", {}, h("code", { text: statement })), copy);
    }),
  );
}
