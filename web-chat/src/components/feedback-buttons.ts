/** Thumbs up / down on an answer, with an optional comment after a thumbs down, sent to POST /api/feedback. */
import { h, replaceChildren } from "../dom.ts";
import type { Messages } from "../i18n/messages.ts";
import { thumbIcon } from "./icons.ts";

/** Sends a rating; rejects when the server refuses it. */
export type SendFeedback = (rating: "up" | "down", comment?: string) => Promise<void>;

/** The feedback controls. */
export function feedbackButtons(send: SendFeedback, messages: Messages): HTMLElement {
  const container = h("div", { class: "feedback", role: "group", "aria-label": `${messages.helpful} / ${messages.notHelpful}`, "data-part": "feedback" });
  const thanks = () => replaceChildren(container, h("span", { class: "feedback-thanks", role: "status", text: messages.feedbackThanks }));
  const rate = (rating: "up" | "down", button: HTMLButtonElement) => {
    for (const other of Array.from(container.querySelectorAll("button"))) other.setAttribute("aria-pressed", String(other === button));
    void send(rating)
      .then(() => (rating === "up" ? thanks() : askComment()))
      .catch(() => button.setAttribute("aria-pressed", "false"));
  };
  const askComment = () => {
    const input = h("input", { type: "text", class: "feedback-comment", "aria-label": messages.feedbackComment, placeholder: messages.feedbackComment, maxlength: "500" });
    const form = h("form", { class: "feedback-form" }, input, h("button", { type: "submit", text: messages.feedbackSend }));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const comment = input.value.trim();
      if (!comment) return thanks();
      void send("down", comment).finally(thanks);
    });
    replaceChildren(container, form);
    input.focus();
  };
  const up: HTMLButtonElement = h("button", { type: "button", class: "thumb up", "aria-label": messages.helpful, title: messages.helpful, "aria-pressed": "false", onclick: () => rate("up", up) }, thumbIcon("up"));
  const down: HTMLButtonElement = h("button", { type: "button", class: "thumb down", "aria-label": messages.notHelpful, title: messages.notHelpful, "aria-pressed": "false", onclick: () => rate("down", down) }, thumbIcon("down"));
  replaceChildren(container, up, down);
  return container;
}
