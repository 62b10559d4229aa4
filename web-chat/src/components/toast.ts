/** A short confirmation at the bottom of the page, read out by screen readers, gone after a few seconds. */
import { h } from "../dom.ts";

/** Shows `message` in `root` for `milliseconds`. */
export function showToast(root: HTMLElement, message: string, milliseconds = 4000): HTMLElement {
  root.querySelector(".toast")?.remove();
  const toast = h("div", { class: "toast", role: "status", "aria-live": "polite", text: message });
  root.appendChild(toast);
  setTimeout(() => toast.remove(), milliseconds);
  return toast;
}
