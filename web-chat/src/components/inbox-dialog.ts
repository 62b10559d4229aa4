/** The inbox in a dialog: each item's title, headline text and time, a link to its stored answer, mark read. */
import { h, replaceChildren } from "../dom.ts";
import { conversationOfItem } from "../api/subscription-api.ts";
import type { InboxItemView, SubscriptionApi } from "../api/subscription-api.ts";
import type { Messages, UiLanguage } from "../i18n/messages.ts";
import { formatDateTime } from "./subscription-list.ts";

/** What the inbox reports back to the page. */
export interface InboxHandlers {
  /** The unread count changed (the header badge). */
  onUnread: (count: number) => void;
  /** Opens the conversation that holds an item's answer. */
  onOpenConversation: (conversationId: string) => void;
  onClose: () => void;
}

/** The modal dialog (open it with showModal()); it loads the items itself. */
export function inboxDialog(api: SubscriptionApi, messages: Messages, language: UiLanguage, handlers: InboxHandlers): HTMLDialogElement {
  const list = h("div", { class: "inbox-items", "aria-live": "polite" }, h("p", { class: "muted", text: messages.loading }));
  const readAll = h("button", { type: "button", class: "mark-all-read", text: messages.markAllRead });
  const failed = (error: unknown) => replaceChildren(list, h("p", { class: "form-error", role: "alert", text: error instanceof Error ? error.message : String(error) }));

  const row = (item: InboxItemView): HTMLElement => {
    const conversationId = conversationOfItem(item);
    const unread = item.read_at === null;
    const open =
      conversationId &&
      h("button", {
        type: "button",
        class: "open-answer link",
        text: messages.openAnswer,
        onclick: () => {
          if (unread) void api.markRead(item.id).then(() => load());
          dialog.close();
          handlers.onOpenConversation(conversationId);
        },
      });
    const markRead =
      unread &&
      h("button", {
        type: "button",
        class: "mark-read",
        text: messages.markRead,
        onclick: () => void api.markRead(item.id).then(() => load(".inbox-items button"), failed),
      });
    return h(
      "li",
      { class: `inbox-item${unread ? " unread" : ""}`, "data-id": item.id, "data-kind": item.kind },
      h("h3", { class: "inbox-title" }, unread && h("span", { class: "unread-dot", title: messages.unread }, h("span", { class: "visually-hidden", text: `${messages.unread}: ` })), item.title),
      h("p", { class: "inbox-text", text: item.text }),
      h("div", { class: "inbox-meta" }, h("time", { datetime: item.created_at, text: formatDateTime(item.created_at, language) }), open, markRead),
    );
  };

  /** Loads the items again; focus goes to `focusSelector` afterwards, when given. */
  const load = async (focusSelector?: string): Promise<void> => {
    try {
      const { items, unread } = await api.inbox();
      handlers.onUnread(unread);
      readAll.disabled = unread === 0;
      if (items.length === 0) replaceChildren(list, h("p", { class: "muted", text: messages.inboxEmpty }));
      else replaceChildren(list, h("ul", { class: "inbox-list" }, items.map(row)));
    } catch (error) {
      failed(error);
    }
    if (focusSelector) (dialog.querySelector<HTMLElement>(focusSelector) ?? dialog.querySelector<HTMLElement>(".close"))?.focus();
  };
  readAll.addEventListener("click", () => void api.markAllRead().then(() => load(".close"), failed));

  const dialog = h(
    "dialog",
    { class: "inbox-dialog", "aria-label": messages.inboxTitle, "data-part": "inbox" },
    h(
      "div",
      { class: "dialog-body" },
      h("div", { class: "dialog-head" }, h("h2", { text: messages.inboxTitle }), h("div", { class: "dialog-head-tools" }, readAll, h("button", { type: "button", class: "close", "aria-label": messages.close, onclick: () => dialog.close(), text: "×" }))),
      list,
    ),
  );
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener("close", () => {
    dialog.remove();
    handlers.onClose();
  });
  void load();
  return dialog;
}
