/** The top bar: title, sidebar toggle (tablets), semantic-layer button, language switch and sign out. */
import { h } from "../dom.ts";
import type { Messages, UiLanguage } from "../i18n/messages.ts";

/** What the header's controls do. */
export interface HeaderHandlers {
  onToggleSidebar: () => void;
  onOpenLayer: () => void;
  onLanguage: (language: UiLanguage) => void;
  onSignOut: () => void;
}

/** The header element. */
export function appHeader(language: UiLanguage, messages: Messages, handlers: HeaderHandlers, sidebarOpen: boolean): HTMLElement {
  const select = h(
    "select",
    { id: "language", class: "language-switch", "aria-label": messages.language },
    h("option", { value: "zh", selected: language === "zh" }, "中文"),
    h("option", { value: "en", selected: language === "en" }, "English"),
  );
  select.addEventListener("change", () => handlers.onLanguage(select.value === "en" ? "en" : "zh"));
  return h(
    "header",
    { class: "app-header" },
    h("button", { type: "button", class: "toggle-sidebar", "aria-label": messages.toggleSidebar, "aria-expanded": String(sidebarOpen), "aria-controls": "sidebar", onclick: handlers.onToggleSidebar, text: "☰" }),
    h("h1", { class: "app-title" }, h("span", { class: "logo", "aria-hidden": "true", text: "◆" }), messages.appTitle),
    h(
      "div",
      { class: "header-tools" },
      h("button", { type: "button", class: "open-layer", onclick: handlers.onOpenLayer, text: messages.semanticLayer }),
      select,
      h("button", { type: "button", class: "sign-out", onclick: handlers.onSignOut, text: messages.signOut }),
    ),
  );
}
