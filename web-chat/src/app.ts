/**
 * The web chat's controller: sign-in, the conversation list, asking (WebSocket with an HTTP fallback), the turns
 * of the open conversation, the semantic-layer browser, subscriptions and the inbox, and the interface language.
 */
import { ApiClient } from "./api/api-client.ts";
import type { ChatReply } from "./api/api-client.ts";
import { ApiError } from "./api/api-error.ts";
import { readSemanticLayer } from "./api/api-shapes.ts";
import type { ConversationSummary, LayerEntry } from "./api/api-shapes.ts";
import { askOverStream, StreamUnavailableError } from "./api/chat-stream.ts";
import type { Answer } from "./api/answer-types.ts";
import { SubscriptionApi, subscriptionRequest } from "./api/subscription-api.ts";
import { appHeader, setInboxBadge } from "./components/app-header.ts";
import { answerCard, failureCard } from "./components/answer-card.ts";
import { composer } from "./components/composer.ts";
import type { Composer } from "./components/composer.ts";
import { conversationList } from "./components/conversation-list.ts";
import { emptyState } from "./components/empty-state.ts";
import { progressIndicator } from "./components/progress-indicator.ts";
import { inboxDialog } from "./components/inbox-dialog.ts";
import { semanticBrowser } from "./components/semantic-browser.ts";
import { subscribeDialog } from "./components/subscribe-dialog.ts";
import { subscriptionListDialog } from "./components/subscription-list.ts";
import { showToast } from "./components/toast.ts";
import { signInForm } from "./components/sign-in-form.ts";
import { h, replaceChildren } from "./dom.ts";
import { initialLanguage, saveLanguage } from "./i18n/language.ts";
import { MESSAGES } from "./i18n/messages.ts";
import type { Messages, UiLanguage } from "./i18n/messages.ts";
import { forgetApiKey, prefilledApiKey, savedApiKey, saveApiKey } from "./state/api-key-store.ts";

/** A question and what became of it. */
interface Turn {
  question: string;
  answer: Answer | null;
  answerIndex: number | null;
  /** Why no answer came (network, refused key). */
  failure: string | null;
  element: HTMLElement;
}

/** The application mounted on one element. */
export class App {
  private language: UiLanguage = initialLanguage();
  private api: ApiClient | null = null;
  private conversations: ConversationSummary[] = [];
  private conversationId: string | null = null;
  private turns: Turn[] = [];
  private layerPayload: unknown = null;
  private sidebarOpen = false;
  private busy = false;
  // Not live itself (whole cards would be read out); the announcer reads each answer's short text instead.
  private messagesElement = h("div", { class: "messages", role: "log", "aria-live": "off" });
  private sidebarElement = h("aside", { id: "sidebar", class: "sidebar" });
  private announcer = h("div", { class: "visually-hidden", role: "status", "aria-live": "polite" });
  private composer: Composer | null = null;
  private unread = 0;
  private inboxTimer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly root: HTMLElement) {}

  private get messages(): Messages {
    return MESSAGES[this.language];
  }

  /** Shows the chat when a key is saved, else the sign-in form. */
  start(): void {
    document.documentElement.lang = this.language === "zh" ? "zh-CN" : "en";
    const key = savedApiKey();
    if (key) this.enter(key);
    else this.showSignIn();
  }

  /** The subscription API over the signed-in client. */
  private get subscriptionApi(): SubscriptionApi | null {
    return this.api ? new SubscriptionApi(this.api) : null;
  }

  private showSignIn(problem?: string): void {
    this.api = null;
    replaceChildren(
      this.root,
      h(
        "main",
        { class: "sign-in-page" },
        signInForm(prefilledApiKey(location.hostname), this.messages, (key) => this.signIn(key), problem),
        h("div", { class: "sign-in-language" }, this.languageButtons()),
      ),
    );
  }

  /** Language links on the sign-in page. */
  private languageButtons(): HTMLElement[] {
    return (["zh", "en"] as const).map((language) =>
      h("button", { type: "button", class: "link", "aria-pressed": String(language === this.language), onclick: () => this.setLanguage(language), text: language === "zh" ? "中文" : "English" }),
    );
  }

  /** Checks a key by listing conversations; keeps it when the server accepts it. */
  private async signIn(key: string): Promise<string | null> {
    const api = new ApiClient(key, () => this.language);
    try {
      this.conversations = await api.conversations();
    } catch (error) {
      return error instanceof ApiError && error.status === 0 ? this.messages.networkError : this.messages.signInFailed;
    }
    saveApiKey(key);
    this.enter(key, true);
    return null;
  }

  /** Opens the chat with a key. */
  private enter(key: string, listed = false): void {
    this.api = new ApiClient(key, () => this.language);
    this.renderShell();
    if (!listed) void this.refreshConversations();
    else this.renderSidebar();
    void this.loadLayer();
    void this.refreshUnread();
    // Scheduled runs land in the inbox while the page is open: the badge is checked every minute.
    if (this.inboxTimer === null) this.inboxTimer = setInterval(() => void this.refreshUnread(), 60_000);
    // The inbox (and webhooks) link to a stored answer as /?conversation=<id>.
    const linked = new URLSearchParams(location.search).get("conversation");
    if (linked) {
      history.replaceState(null, "", location.pathname);
      void this.openConversation(linked);
    }
  }

  /** Reads the unread count for the header badge. */
  private async refreshUnread(): Promise<void> {
    const api = this.subscriptionApi;
    if (!api) return;
    try {
      this.setUnread((await api.inbox()).unread);
    } catch (error) {
      this.refused(error);
    }
  }

  private setUnread(count: number): void {
    this.unread = count;
    setInboxBadge(this.root, this.messages, count);
  }

  /** Opens a modal dialog over the page; focus returns to the control that opened it. */
  private openDialog(build: (onClose: () => void) => HTMLDialogElement, opener: HTMLElement | null = document.activeElement as HTMLElement | null): void {
    const dialog = build(() => opener?.isConnected && opener.focus());
    this.root.appendChild(dialog);
    dialog.showModal();
  }

  private openSubscriptions(): void {
    const api = this.subscriptionApi;
    if (!api) return;
    this.openDialog((onClose) =>
      subscriptionListDialog(api, this.messages, this.language, {
        notify: (message) => showToast(this.root, message),
        onRan: () => void this.refreshUnread(),
        onClose,
      }),
    );
  }

  private openInbox(): void {
    const api = this.subscriptionApi;
    if (!api) return;
    this.openDialog((onClose) =>
      inboxDialog(api, this.messages, this.language, {
        onUnread: (count) => this.setUnread(count),
        // A run's answer is a conversation of its own, new to the list.
        onOpenConversation: (id) => void this.openConversation(id).then(() => this.refreshConversations()),
        onClose,
      }),
    );
  }

  /** The subscribe form of a turn's answer (answered turns with an index in their conversation). */
  private subscribeOpener(turn: Turn): ((button: HTMLElement) => void) | null {
    const answer = turn.answer;
    const api = this.subscriptionApi;
    if (!answer || answer.status !== "answered" || turn.answerIndex === null || !api) return null;
    const index = turn.answerIndex;
    return (button) =>
      this.openDialog(
        (onClose) =>
          subscribeDialog(
            answer,
            this.messages,
            (values) => api.create(subscriptionRequest(answer.conversation_id, index, values)),
            (subscription) => showToast(this.root, this.messages.subscribed(subscription.name)),
            onClose,
          ),
        button,
      );
  }

  /** Confirms (or withdraws) a subscription proposal made in the chat; a confirmation is toasted. */
  private proposalActions() {
    const api = this.subscriptionApi;
    if (!api) return null;
    return {
      confirm: (proposalId: string) => api.confirmProposal(proposalId),
      withdraw: (proposalId: string) => api.withdrawProposal(proposalId),
      onConfirmed: (subscription: { name: string }) => void showToast(this.root, this.messages.subscribed(subscription.name)),
    };
  }

  private signOut(): void {
    forgetApiKey();
    if (this.inboxTimer !== null) clearInterval(this.inboxTimer);
    this.inboxTimer = null;
    this.conversations = [];
    this.conversationId = null;
    this.turns = [];
    this.showSignIn();
  }

  /** Builds the page around the messages (again after a language change). */
  private renderShell(): void {
    const messages = this.messages;
    this.composer = composer(messages, (message) => void this.ask(message));
    this.composer.setBusy(this.busy);
    const header = appHeader(
      this.language,
      messages,
      {
        onToggleSidebar: () => this.toggleSidebar(),
        onOpenLayer: () => this.openLayer(),
        onLanguage: (language) => this.setLanguage(language),
        onSignOut: () => this.signOut(),
        onOpenSubscriptions: () => this.openSubscriptions(),
        onOpenInbox: () => this.openInbox(),
      },
      this.sidebarOpen,
      this.unread,
    );
    replaceChildren(
      this.root,
      h(
        "div",
        { class: `app${this.sidebarOpen ? " sidebar-open" : ""}` },
        header,
        this.sidebarElement,
        h("main", { class: "chat", "aria-label": messages.appTitle }, this.messagesElement, this.composer.element),
        this.announcer,
      ),
    );
    this.renderSidebar();
    this.renderTurns();
    this.composer.input.focus();
  }

  private toggleSidebar(): void {
    this.sidebarOpen = !this.sidebarOpen;
    this.root.querySelector(".app")?.classList.toggle("sidebar-open", this.sidebarOpen);
    this.root.querySelector(".toggle-sidebar")?.setAttribute("aria-expanded", String(this.sidebarOpen));
    if (this.sidebarOpen) this.sidebarElement.querySelector<HTMLElement>(".new-chat")?.focus();
  }

  private setLanguage(language: UiLanguage): void {
    this.language = language;
    saveLanguage(language);
    document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
    if (this.api) {
      this.renderShell();
      this.root.querySelector<HTMLElement>(".language-switch")?.focus();
    } else this.showSignIn();
  }

  private renderSidebar(): void {
    replaceChildren(
      this.sidebarElement,
      conversationList(this.conversations, this.conversationId, this.messages, {
        onNew: () => this.newConversation(),
        onOpen: (id) => void this.openConversation(id),
        onDelete: (id) => void this.deleteConversation(id),
      }),
    );
  }

  private async refreshConversations(): Promise<void> {
    if (!this.api) return;
    try {
      this.conversations = await this.api.conversations();
    } catch (error) {
      if (this.refused(error)) return;
    }
    this.renderSidebar();
  }

  /** Signs out with a message when the server refused the key; true when it did. */
  private refused(error: unknown): boolean {
    if (error instanceof ApiError && error.unauthorized) {
      forgetApiKey();
      this.showSignIn(this.messages.unauthorized);
      return true;
    }
    return false;
  }

  private async loadLayer(): Promise<void> {
    if (!this.api) return;
    try {
      this.layerPayload = await this.api.semanticLayer();
    } catch (error) {
      if (this.refused(error)) return;
    }
    if (this.turns.length === 0) this.renderTurns();
  }

  private layerEntries(): LayerEntry[] {
    return readSemanticLayer(this.layerPayload, this.language);
  }

  private openLayer(): void {
    const opener = document.activeElement as HTMLElement | null;
    const dialog = semanticBrowser(
      this.layerEntries(),
      this.messages,
      () => opener?.focus(),
      (message) => void this.ask(message),
    );
    this.root.appendChild(dialog);
    // Modal: the rest of the page is inert, Escape closes it, focus starts in the search box.
    dialog.showModal();
  }

  private newConversation(): void {
    this.conversationId = null;
    this.turns = [];
    this.sidebarOpen = false;
    this.root.querySelector(".app")?.classList.remove("sidebar-open");
    this.renderSidebar();
    this.renderTurns();
    this.composer?.input.focus();
  }

  private async openConversation(id: string): Promise<void> {
    if (!this.api || this.busy) return;
    this.conversationId = id;
    this.turns = [];
    this.renderSidebar();
    replaceChildren(this.messagesElement, h("p", { class: "muted loading", text: this.messages.loading }));
    try {
      const turns = await this.api.conversation(id);
      this.turns = turns.map((turn) => ({ question: turn.question, answer: turn.answer, answerIndex: turn.answerIndex, failure: null, element: h("div") }));
    } catch (error) {
      if (this.refused(error)) return;
      this.turns = [];
    }
    this.renderTurns();
    this.messagesElement.lastElementChild?.scrollIntoView({ block: "start" });
    this.composer?.input.focus();
  }

  private async deleteConversation(id: string): Promise<void> {
    if (!this.api || !window.confirm(this.messages.confirmDelete)) return;
    try {
      await this.api.deleteConversation(id);
    } catch (error) {
      if (this.refused(error)) return;
    }
    if (id === this.conversationId) this.newConversation();
    await this.refreshConversations();
  }

  /** Every turn again, or the empty state. */
  private renderTurns(): void {
    if (this.turns.length === 0) {
      replaceChildren(this.messagesElement, emptyState(this.layerEntries(), this.messages, (message) => void this.ask(message)));
      return;
    }
    replaceChildren(this.messagesElement);
    for (const turn of this.turns) {
      turn.element = h("div", { class: "turn" });
      this.fillTurn(turn);
      this.messagesElement.appendChild(turn.element);
    }
  }

  /** The question bubble and the answer (or failure) of a finished turn. */
  private fillTurn(turn: Turn): void {
    const question = this.questionBubble(turn.question);
    const retry = () => void this.ask(turn.question, turn);
    const body = turn.answer
      ? answerCard(turn.answer, {
          messages: this.messages,
          language: this.language,
          onAsk: (message) => void this.ask(message),
          onRetry: retry,
          sendFeedback: this.feedbackSender(turn),
          onSubscribe: this.subscribeOpener(turn),
          proposalActions: this.proposalActions(),
        })
      : failureCard(turn.failure ?? this.messages.networkError, this.messages, retry);
    replaceChildren(turn.element, question, body);
  }

  /** A question as the user's speech bubble ("You:" for screen readers). */
  private questionBubble(question: string): HTMLElement {
    return h("div", { class: "question-bubble" }, h("span", { class: "visually-hidden", text: `${this.messages.you}: ` }), question);
  }

  /** Sends feedback on a turn's answer, when the answer has a place in a conversation. */
  private feedbackSender(turn: Turn) {
    const answer = turn.answer;
    if (!answer || turn.answerIndex === null || !this.api) return null;
    const api = this.api;
    const index = turn.answerIndex;
    return (rating: "up" | "down", comment?: string) => api.feedback(answer.conversation_id, index, rating, comment);
  }

  /** Asks a question: a new turn (or the failed turn being retried), progress while waiting, then the answer. */
  async ask(message: string, retrying?: Turn): Promise<void> {
    if (!this.api || this.busy) return;
    this.busy = true;
    this.composer?.setBusy(true);
    if (this.turns.length === 0) replaceChildren(this.messagesElement);
    const turn: Turn = retrying ?? { question: message, answer: null, answerIndex: null, failure: null, element: h("div", { class: "turn" }) };
    if (!retrying) {
      this.turns.push(turn);
      this.messagesElement.appendChild(turn.element);
    }
    const progress = progressIndicator(this.messages);
    replaceChildren(turn.element, this.questionBubble(message), progress.element);
    turn.element.scrollIntoView({ block: "start", behavior: "smooth" });
    try {
      const reply = await this.send(message, (step) => progress.update(step));
      turn.answer = reply.answer;
      turn.failure = null;
      turn.answerIndex = reply.answerIndex ?? this.turns.filter((other) => other !== turn && other.answer && other.answer.conversation_id === reply.answer.conversation_id).length;
      const isNew = this.conversationId !== reply.answer.conversation_id;
      this.conversationId = reply.answer.conversation_id;
      this.announcer.textContent = reply.answer.text;
      if (isNew || !this.conversations.some((conversation) => conversation.id === this.conversationId)) void this.refreshConversations();
    } catch (error) {
      if (this.refused(error)) {
        this.busy = false;
        return;
      }
      turn.answer = null;
      turn.failure = error instanceof ApiError && error.status !== 0 ? error.message : this.messages.networkError;
      this.announcer.textContent = turn.failure;
    } finally {
      this.busy = false;
      this.composer?.setBusy(false);
    }
    this.fillTurn(turn);
    turn.element.scrollIntoView({ block: "start" });
    this.composer?.input.focus({ preventScroll: true });
  }

  /** Asks in the open conversation; when the server no longer knows it (deleted elsewhere), in a new one. */
  private async send(message: string, onStep: Parameters<typeof askOverStream>[0]["onProgress"]): Promise<ChatReply> {
    try {
      return await this.sendOnce(message, onStep);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === "CONVERSATION_NOT_FOUND" && this.conversationId)) throw error;
      this.conversationId = null;
      return this.sendOnce(message, onStep);
    }
  }

  /** The socket first; HTTP when the socket cannot carry the question. */
  private async sendOnce(message: string, onStep: Parameters<typeof askOverStream>[0]["onProgress"]): Promise<ChatReply> {
    const api = this.api as ApiClient;
    try {
      return await askOverStream({ apiKey: api.apiKey, message, conversationId: this.conversationId, onProgress: onStep, language: this.language });
    } catch (error) {
      if (!(error instanceof StreamUnavailableError)) throw error;
      onStep("planning", {});
      return api.chat(message, this.conversationId);
    }
  }
}
