/** The sign-in form: one API key field, checked against the server before it is kept. */
import { h } from "../dom.ts";
import type { Messages } from "../i18n/messages.ts";

/** The form; `onSubmit` resolves null on success or an error message to show. */
export function signInForm(prefill: string, messages: Messages, onSubmit: (key: string) => Promise<string | null>, problem?: string): HTMLElement {
  const input = h("input", { id: "api-key", name: "api-key", type: "password", autocomplete: "current-password", required: true, value: prefill, spellcheck: "false" });
  const error = h("p", { class: "form-error", role: "alert", id: "sign-in-error", text: problem ?? "" });
  const submit = h("button", { type: "submit", class: "primary", text: messages.signIn });
  const form = h(
    "form",
    { class: "sign-in", "aria-labelledby": "sign-in-title" },
    h("h1", { id: "sign-in-title", text: messages.appTitle }),
    h("p", { class: "tagline", text: messages.appTagline }),
    h("h2", { text: messages.signInTitle }),
    h("p", { class: "hint", id: "sign-in-hint", text: messages.signInHint }),
    h("label", { for: "api-key", text: messages.apiKeyLabel }),
    input,
    error,
    submit,
  );
  input.setAttribute("aria-describedby", "sign-in-hint sign-in-error");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const key = input.value.trim();
    if (!key) return input.focus();
    submit.disabled = true;
    submit.textContent = messages.signingIn;
    void onSubmit(key).then((message) => {
      if (!message) return;
      submit.disabled = false;
      submit.textContent = messages.signIn;
      error.textContent = message;
      input.focus();
    });
  });
  queueMicrotask(() => input.focus());
  return form;
}
