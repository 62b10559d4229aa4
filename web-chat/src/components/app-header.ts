/** The top bar: title, sidebar toggle (tablets), semantic-layer, subscriptions and inbox buttons, language switch and sign out. */
import { h } from "../dom.ts";
import type { Messages, UiLanguage } from "../i18n/messages.ts";

/** What the header's controls do. */
export interface HeaderHandlers {
  onToggleSidebar: () => void;
  onOpenLayer: () => void;
  onLanguage: (language: UiLanguage) => void;
  onSignOut: () => void;
  onOpenSubscriptions: () => void;
  onOpenInbox: () => void;
}

/** The inbox button's badge text and accessible name for an unread count. */
export function inboxButtonLabel(messages: Messages, unread: number): { badge: string; label: string } {
  return { badge: unread > 99 ? "99+" : String(unread), label: unread > 0 ? `${messages.inbox} (${messages.unreadCount(unread)})` : messages.inbox };
}

/** Shows an unread count on the header's inbox button. */
export function setInboxBadge(header: ParentNode, messages: Messages, unread: number): void {
  const button = header.querySelector<HTMLElement>(".open-inbox");
  const badge = header.querySelector<HTMLElement>(".open-inbox .badge");
  if (!button || !badge) return;
  const { badge: text, label } = inboxButtonLabel(messages, unread);
  badge.textContent = text;
  badge.hidden = unread === 0;
  button.setAttribute("aria-label", label);
}

/** The header element. */
export function appHeader(language: UiLanguage, messages: Messages, handlers: HeaderHandlers, sidebarOpen: boolean, unread = 0): HTMLElement {
  const inbox = inboxButtonLabel(messages, unread);
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
      h("button", { type: "button", class: "open-subscriptions", onclick: handlers.onOpenSubscriptions, text: messages.subscriptions }),
      h(
        "button",
        { type: "button", class: "open-inbox", "aria-label": inbox.label, onclick: handlers.onOpenInbox },
        messages.inbox,
        h("span", { class: "badge", "aria-hidden": "true", hidden: unread === 0, text: inbox.badge }),
      ),
      select,
      h("button", { type: "button", class: "sign-out", onclick: handlers.onSignOut, text: messages.signOut }),
    ),
  );
}
