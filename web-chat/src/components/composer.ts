/** The question box: Enter sends, Shift+Enter adds a line; disabled while an answer is being made. */
import { h } from "../dom.ts";
import type { Messages } from "../i18n/messages.ts";

/** The composer element and its controls. */
export interface Composer {
  element: HTMLElement;
  input: HTMLTextAreaElement;
  setBusy: (busy: boolean) => void;
}

/** Builds the composer; `onSend` gets the trimmed question. */
export function composer(messages: Messages, onSend: (message: string) => void): Composer {
  const input = h("textarea", { id: "question", class: "question-input", rows: "2", placeholder: messages.inputPlaceholder, maxlength: "2000", enterkeyhint: "send" });
  const button = h("button", { type: "submit", class: "send primary", text: messages.send });
  const form = h("form", { class: "composer" }, h("label", { for: "question", class: "visually-hidden", text: messages.inputLabel }), input, button);
  const send = () => {
    const message = input.value.trim();
    if (!message || button.disabled) return;
    input.value = "";
    onSend(message);
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send();
  });
  input.addEventListener("keydown", (event) => {
    // isComposing: Enter that confirms a Chinese IME candidate must not send.
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send();
    }
  });
  return {
    element: form,
    input,
    setBusy: (busy) => {
      button.disabled = busy;
      form.setAttribute("aria-busy", String(busy));
    },
  };
}
