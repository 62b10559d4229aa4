/** The sidebar list of conversations: pick one to reopen it, delete it, or start a new one. */
import { h } from "../dom.ts";
import type { ConversationSummary } from "../api/api-shapes.ts";
import type { Messages } from "../i18n/messages.ts";

/** What the list does when used. */
export interface ConversationListHandlers {
  onNew: () => void;
  onOpen: (id: string) => void;
  onDelete: (id: string) => void;
}

/** The list element. */
export function conversationList(conversations: readonly ConversationSummary[], currentId: string | null, messages: Messages, handlers: ConversationListHandlers): HTMLElement {
  return h(
    "nav",
    { class: "conversation-list", "aria-label": messages.conversations },
    h("button", { type: "button", class: "new-chat primary", onclick: handlers.onNew, text: `+ ${messages.newChat}` }),
    h("h2", { class: "sidebar-title", text: messages.conversations }),
    conversations.length === 0
      ? h("p", { class: "muted", text: messages.noConversations })
      : h(
          "ul",
          {},
          conversations.map((conversation) =>
            h(
              "li",
              { class: conversation.id === currentId ? "current" : "" },
              h("button", {
                type: "button",
                class: "open-conversation",
                "aria-current": conversation.id === currentId ? "page" : false,
                title: conversation.title,
                onclick: () => handlers.onOpen(conversation.id),
                text: conversation.title || messages.untitled,
              }),
              h("button", {
                type: "button",
                class: "delete-conversation",
                "aria-label": `${messages.deleteConversation}: ${conversation.title || messages.untitled}`,
                title: messages.deleteConversation,
                onclick: () => handlers.onDelete(conversation.id),
                text: "×",
              }),
            ),
          ),
        ),
  );
}
