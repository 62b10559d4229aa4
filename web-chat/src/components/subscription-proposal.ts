/**
 * The proposal part of a chat answer that asked for a subscription ("每天早上8点推送……"): schedule, cron, condition,
 * the question and a preview of its answer, with 确认订阅 / 取消. Nothing is saved until Confirm is pressed.
 */
import { h, replaceChildren } from "../dom.ts";
import type { Answer } from "../api/answer-types.ts";
import { ApiError } from "../api/api-error.ts";
import type { SubscriptionView } from "../api/subscription-api.ts";
import { cellText } from "../format/cell-format.ts";
import type { Messages } from "../i18n/messages.ts";

/** The proposal an answer carries. */
export type ProposalView = NonNullable<Answer["subscription_proposal"]>;

/** What the buttons do: confirm saves the subscription, withdraw closes the proposal on the server. */
export interface ProposalActions {
  confirm: (proposalId: string) => Promise<SubscriptionView>;
  withdraw: (proposalId: string) => Promise<void>;
  /** Called after a confirmation (a toast, the list). */
  onConfirmed: (subscription: SubscriptionView) => void;
}

/** A small table of the preview's first rows. */
function previewTable(preview: ProposalView["preview"]): HTMLElement | null {
  if (preview.columns.length === 0 || preview.rows.length === 0) return null;
  return h(
    "table",
    { class: "proposal-preview-table" },
    h("thead", {}, h("tr", {}, preview.columns.map((column) => h("th", { scope: "col", text: column.label })))),
    h("tbody", {}, preview.rows.map((row) => h("tr", {}, row.map((cell, index) => h("td", { text: cellText(cell, preview.columns[index] ?? {}) }))))),
  );
}

/** The proposal as a section of the answer card. */
export function subscriptionProposal(proposal: ProposalView, messages: Messages, actions: ProposalActions | null): HTMLElement {
  const status = h("p", { class: "proposal-status", role: "status" });
  const confirm = h("button", { type: "button", class: "primary confirm-subscription", text: messages.confirmSubscription });
  const cancel = h("button", { type: "button", class: "cancel-subscription", text: messages.cancel });
  const buttons = h("div", { class: "proposal-actions" }, confirm, cancel);
  const settle = (text: string, state: string) => {
    replaceChildren(buttons);
    buttons.hidden = true;
    status.textContent = text;
    section.dataset.state = state;
  };
  const failed = (error: unknown) => {
    confirm.disabled = false;
    cancel.disabled = false;
    if (error instanceof ApiError && error.status === 404) settle(messages.proposalGone, "gone");
    else status.textContent = error instanceof Error ? error.message : String(error);
  };
  confirm.addEventListener("click", () => {
    if (!actions) return;
    confirm.disabled = true;
    cancel.disabled = true;
    actions.confirm(proposal.id).then((subscription) => {
      settle(messages.proposalConfirmed(subscription.name), "confirmed");
      actions.onConfirmed(subscription);
    }, failed);
  });
  cancel.addEventListener("click", () => {
    if (!actions) return;
    confirm.disabled = true;
    cancel.disabled = true;
    actions.withdraw(proposal.id).then(() => settle(messages.proposalCancelled, "cancelled"), failed);
  });
  const preview = proposal.preview;
  const section: HTMLElement = h(
    "section",
    { class: "subscription-proposal", "aria-label": messages.proposalTitle, "data-state": "open" },
    h("h3", { text: messages.proposalTitle }),
    h(
      "dl",
      { class: "subscription-facts" },
      h("dt", { text: messages.proposalSchedule }),
      h("dd", { class: "proposal-schedule", text: proposal.schedule_text }),
      h("dt", { text: messages.proposalCron }),
      h("dd", {}, h("code", { class: "proposal-cron", text: proposal.cron })),
      h("dt", { text: messages.proposalCondition }),
      h("dd", { class: "proposal-condition", text: proposal.condition_text ?? messages.proposalAlways }),
      h("dt", { text: messages.proposalQuestion }),
      h("dd", { class: "proposal-question" }, proposal.question, proposal.plan_summary && h("span", { class: "muted proposal-plan", text: ` · ${proposal.plan_summary}` })),
      h("dt", { text: messages.proposalPreview }),
      h("dd", { class: "proposal-preview-text", text: preview.text }),
    ),
    previewTable(preview),
    preview.rows.length > 0 && preview.row_count > preview.rows.length && h("p", { class: "muted", text: messages.proposalRows(preview.rows.length, preview.row_count) }),
    actions && buttons,
    status,
  );
  return section;
}
