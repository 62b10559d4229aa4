/** The progress line shown while an answer is made: 理解问题… → 生成查询… → 查询中… → 整理结果…. */
import { h } from "../dom.ts";
import type { ProgressStep } from "../api/chat-stream.ts";
import type { Messages } from "../i18n/messages.ts";

/** The text of a step. */
export function progressText(step: ProgressStep | "waiting", messages: Messages): string {
  switch (step) {
    case "accepted":
      return messages.progressAccepted;
    case "planning":
      return messages.progressPlanning;
    case "plan":
      return messages.progressPlan;
    case "sql":
      return messages.progressSql;
    case "rows":
      return messages.progressRows;
    default:
      return messages.progressWaiting;
  }
}

/** A live status element and a function that moves it to another step. */
export function progressIndicator(messages: Messages): { element: HTMLElement; update: (step: ProgressStep | "waiting") => void } {
  const label = h("span", { class: "progress-text", text: messages.progressWaiting });
  const element = h("div", { class: "progress", role: "status", "aria-live": "polite", "data-part": "progress" }, h("span", { class: "spinner", "aria-hidden": "true" }), label);
  return { element, update: (step) => (label.textContent = progressText(step, messages)) };
}
