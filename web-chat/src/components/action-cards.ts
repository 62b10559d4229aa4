/** Suggested actions as cards (owner, priority, the customers they apply to), exportable as one CSV. */
import { h } from "../dom.ts";
import { downloadText } from "../download.ts";
import { exportFileName, toCsv } from "../format/csv.ts";
import type { ActionView } from "../api/answer-types.ts";
import type { Messages } from "../i18n/messages.ts";

/** Customer ids shown on a card before "and N more". */
const SHOWN_CUSTOMERS = 8;

/** The actions as CSV: one line per action and customer (one line for an action without customers). */
export function actionsCsv(actions: readonly ActionView[], messages: Messages): string {
  const header = ["id", messages.actions, messages.priority, messages.owner, messages.customers, messages.branches, messages.channels, "reason"];
  const rows = actions.flatMap((action) => {
    const base = (customer: string) => [action.id, action.title, action.priority, action.owner ?? "", customer, (action.branch_ids ?? []).join(" "), (action.channels ?? []).join(" "), action.reason];
    const customers = action.customer_ids ?? [];
    return customers.length > 0 ? customers.map(base) : [base("")];
  });
  return toCsv(header, rows);
}

/** One action card. */
function actionCard(action: ActionView, messages: Messages): HTMLElement {
  const customers = action.customer_ids ?? [];
  const shown = customers.slice(0, SHOWN_CUSTOMERS);
  return h(
    "li",
    { class: `action-card priority-${action.priority}`, "data-action": action.id },
    h("div", { class: "action-head" }, h("span", { class: `badge priority-${action.priority}`, title: messages.priority, text: messages.priorities[action.priority] ?? action.priority }), h("strong", { class: "action-title", text: action.title })),
    h("p", { class: "action-reason", text: action.reason }),
    h(
      "dl",
      { class: "action-facts" },
      action.owner && [h("dt", { text: messages.owner }), h("dd", { text: action.owner })],
      customers.length > 0 && [h("dt", { text: `${messages.customers} (${customers.length})` }), h("dd", { class: "customer-ids" }, shown.join(", "), customers.length > shown.length ? ` ${messages.moreCustomers(customers.length - shown.length)}` : "")],
      action.branch_ids && action.branch_ids.length > 0 && [h("dt", { text: messages.branches }), h("dd", { text: action.branch_ids.join(", ") })],
      action.channels && action.channels.length > 0 && [h("dt", { text: messages.channels }), h("dd", { text: action.channels.join(", ") })],
    ),
  );
}

/** The actions section, or null when there are none. */
export function actionCards(actions: readonly ActionView[], question: string, messages: Messages): HTMLElement | null {
  if (actions.length === 0) return null;
  return h(
    "section",
    { class: "actions", "aria-label": messages.actions, "data-part": "actions" },
    h(
      "div",
      { class: "section-head" },
      h("h3", { text: messages.actions }),
      h("button", { type: "button", class: "export-actions", text: messages.exportActions, onclick: () => downloadText(exportFileName(`actions-${question}`), actionsCsv(actions, messages)) }),
    ),
    h(
      "ul",
      { class: "action-list" },
      actions.map((action) => actionCard(action, messages)),
    ),
  );
}
