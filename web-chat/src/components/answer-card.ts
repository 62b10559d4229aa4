/** One answer as a card: text, interpretation and 口径, numbers, chart, table, SQL, actions, feedback, follow-ups. */
import { h } from "../dom.ts";
import type { ActionView, Answer } from "../api/answer-types.ts";
import type { Messages, UiLanguage } from "../i18n/messages.ts";
import { actionCards } from "./action-cards.ts";
import { answerChart } from "./answer-chart.ts";
import { answerTable } from "./answer-table.ts";
import { choiceChips } from "./choice-chips.ts";
import { definitionsBlock } from "./definitions-block.ts";
import { feedbackButtons } from "./feedback-buttons.ts";
import type { SendFeedback } from "./feedback-buttons.ts";
import { headlineNumbers } from "./headline-numbers.ts";
import { sqlBlock } from "./sql-block.ts";
import { subscriptionProposal } from "./subscription-proposal.ts";
import type { ProposalActions } from "./subscription-proposal.ts";

/** What a card can do besides showing the answer. */
export interface AnswerCardContext {
  messages: Messages;
  language: UiLanguage;
  /** Asks a question in the same conversation (chips, choices, suggestions). */
  onAsk: (message: string) => void;
  /** Asks the same question again. */
  onRetry: () => void;
  /** Sends feedback on this answer; null when it cannot be referred to. */
  sendFeedback: SendFeedback | null;
  /** Opens the subscribe form for this answer; null when it cannot be referred to. */
  onSubscribe?: ((button: HTMLElement) => void) | null;
  /** Confirms or withdraws the subscription proposal of the answer (when it carries one). */
  proposalActions?: ProposalActions | null;
}

/** Suggested questions as chips (unsupported answers, errors). */
function suggestionChips(answer: Answer, context: AnswerCardContext): HTMLElement | null {
  const suggestions = answer.suggestions ?? [];
  if (suggestions.length === 0) return null;
  return choiceChips(
    context.messages.suggestions,
    suggestions.map((question) => ({ label: question, message: question })),
    context.onAsk,
    "suggestions",
  );
}

/** The parts of an answered question. */
function answeredParts(answer: Answer, context: AnswerCardContext): (HTMLElement | null | false)[] {
  const { messages, language } = context;
  return [
    definitionsBlock(answer.interpretation, answer.definitions, messages),
    headlineNumbers(answer, language),
    answer.chart !== null && answerChart(answer.chart, messages),
    answer.columns.length > 0 && answer.rows.length > 0 && answerTable(answer, messages, () => context.onAsk(answer.question)),
    answer.sql.length > 0 && sqlBlock(answer.sql, messages),
    actionCards(answer.actions as ActionView[], answer.question, messages),
  ];
}

/** The "订阅 / Subscribe" button of an answered card. */
function subscribeButton(onSubscribe: (button: HTMLElement) => void, messages: Messages): HTMLElement {
  const button: HTMLButtonElement = h("button", { type: "button", class: "subscribe", "aria-haspopup": "dialog", "data-part": "subscribe-button", text: messages.subscribe, onclick: () => onSubscribe(button) });
  return button;
}

/** The parts of a subscription proposal: the proposal (schedule, condition, preview, buttons), definitions and SQL. */
function proposalParts(answer: Answer, context: AnswerCardContext): (HTMLElement | null | false)[] {
  const proposal = answer.subscription_proposal;
  if (!proposal) return [];
  return [subscriptionProposal(proposal, context.messages, context.proposalActions ?? null), answer.definitions.length > 0 && definitionsBlock("", answer.definitions, context.messages), answer.sql.length > 0 && sqlBlock(answer.sql, context.messages)];
}

/** The card of an answer of any status. */
export function answerCard(answer: Answer, context: AnswerCardContext): HTMLElement {
  const { messages } = context;
  // A subscription proposal answers no question yet: no data parts, no subscribe button, no follow-ups.
  const proposal = answer.subscription_proposal !== undefined;
  // Follow-ups the server planned in this conversation and found answerable (none when the answer has none).
  const followUps = answer.follow_ups ?? [];
  const parts = proposal
    ? proposalParts(answer, context)
    : answer.status === "answered"
      ? answeredParts(answer, context)
      : answer.status === "clarify"
        ? [
            choiceChips(
              messages.choices,
              (answer.choices ?? []).length > 0 ? answer.choices : (answer.suggestions ?? []).map((question) => ({ label: question, message: question })),
              context.onAsk,
              "choices",
            ),
          ]
        : answer.status === "unsupported"
          ? [suggestionChips(answer, context)]
          : [h("button", { type: "button", class: "retry", onclick: context.onRetry, text: messages.retry }), suggestionChips(answer, context)];
  return h(
    "article",
    { class: `answer-card status-${answer.status}${proposal ? " proposal" : ""}`, "data-status": answer.status, lang: answer.language === "zh" ? "zh-CN" : "en" },
    h("p", { class: "answer-text", ...(answer.status === "error" ? { role: "alert" } : {}) }, answer.text),
    parts,
    h(
      "footer",
      { class: "answer-footer" },
      answer.as_of_date && h("span", { class: "as-of", text: messages.asOf(answer.as_of_date) }),
      answer.status === "answered" && context.sendFeedback && feedbackButtons(context.sendFeedback, messages),
      answer.status === "answered" && !proposal && context.onSubscribe && subscribeButton(context.onSubscribe, messages),
    ),
    answer.status === "answered" &&
      !proposal &&
      followUps.length > 0 &&
      choiceChips(
        messages.followUps,
        followUps.map((question) => ({ label: question, message: question })),
        context.onAsk,
        "follow-ups",
      ),
  );
}

/** A card for a question that got no answer object (network down, key refused): the message and a retry. */
export function failureCard(message: string, messages: Messages, onRetry: () => void): HTMLElement {
  return h(
    "article",
    { class: "answer-card status-error", "data-status": "failure" },
    h("p", { class: "answer-text", role: "alert" }, h("strong", { text: `${messages.errorTitle}:` }), " ", message),
    h("button", { type: "button", class: "retry", onclick: onRetry, text: messages.retry }),
  );
}
