/** The empty conversation: a greeting and example questions built from the semantic layer's metrics and terms. */
import { h } from "../dom.ts";
import type { LayerEntry } from "../api/api-shapes.ts";
import type { Messages } from "../i18n/messages.ts";
import { choiceChips } from "./choice-chips.ts";

/** Example questions: the headline question, then metrics this month, one by branch, and a term's list. */
export function exampleQuestions(entries: readonly LayerEntry[], messages: Messages, count = 6): string[] {
  const metrics = entries.filter((entry) => entry.kind === "metric");
  const terms = entries.filter((entry) => entry.kind === "term");
  const questions = [messages.headlineQuestion];
  if (metrics[0]) questions.push(messages.exampleMetric(metrics[0].name));
  if (metrics[1]) questions.push(messages.exampleByBranch(metrics[1].name));
  if (terms[0]) questions.push(messages.exampleTerm(terms[0].name));
  for (const metric of metrics.slice(2)) {
    if (questions.length >= count) break;
    questions.push(messages.exampleMetric(metric.name));
  }
  return [...new Set(questions)].slice(0, count);
}

/** The empty state element. */
export function emptyState(entries: readonly LayerEntry[], messages: Messages, onAsk: (message: string) => void): HTMLElement {
  return h(
    "section",
    { class: "empty-state", "data-part": "empty" },
    h("h2", { text: messages.emptyTitle }),
    h("p", { class: "hint", text: messages.emptyHint }),
    choiceChips(
      messages.emptyTitle,
      exampleQuestions(entries, messages).map((question) => ({ label: question, message: question })),
      onAsk,
      "examples",
    ),
  );
}
