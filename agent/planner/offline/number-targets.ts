/**
 * Numeric conditions and what they compare: the attribute or metric word next to the number ("收入超过50万",
 * "over 2 active loans", "逾期率超过3%"), else the closest metric or entity word before it ("贷款超过500笔"), or the
 * counted noun after it ("over 500 loans").
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Sense } from "./lexicon.ts";
import type { NumberCondition } from "./number-expressions.ts";
import type { Span } from "./scan-question.ts";

/** A numeric condition with the span it most likely talks about. */
export interface NumberMention {
  condition: NumberCondition;
  /** The metric, attribute or entity word just before (or after) the number. */
  target?: Span;
}

const has = (span: Span | undefined, kind: Sense["kind"]) => Boolean(span?.senses.some((sense) => sense.kind === kind));

/** The numeric conditions of a question with their targets, and the bare quantities (possible limits). */
export function findNumberMentions(spans: Span[], layer: SemanticLayer): { numbers: NumberMention[]; bareNumbers: NumberCondition[] } {
  const numbers: NumberMention[] = [];
  const bareNumbers: NumberCondition[] = [];
  const numericAttribute = (candidate: Span) => candidate.senses.some((sense) => sense.kind === "attribute" && layer.attribute(sense.id).type === "number");
  const measurable = (candidate: Span) => numericAttribute(candidate) || (has(candidate, "metric") && !has(candidate, "entity")) || has(candidate, "ambiguity");
  spans.forEach((span, index) => {
    if (!span.number) return;
    const condition = span.number;
    if (condition.op === undefined && condition.low === undefined) {
      bareNumbers.push(condition);
      return;
    }
    const before = spans[index - 1];
    const after = spans[index + 1];
    let target: Span | undefined;
    if (before && measurable(before) && !before.number) target = before;
    else if (after && numericAttribute(after) && after.start - span.end <= 1) target = after;
    for (let back = index - 1; back >= 0 && back >= index - 3 && !target; back--) {
      const candidate = spans[back];
      // "customers under 30": in English a count puts its noun after the number ("over 30 customers"); a plain number
      // after a row word is some quantity of those rows (their age?), not their count.
      const englishRowsBefore = condition.unit === "plain" && /^[a-z\s'-]+$/.test(candidate.text) && !measurable(candidate) && !has(candidate, "term");
      if (!candidate.number && !englishRowsBefore && (measurable(candidate) || has(candidate, "entity") || has(candidate, "term"))) target = candidate;
    }
    if (!target || !measurable(target)) {
      // "over 500 loans" counts the noun after it; "贷款超过500笔" (with a classifier) the one before.
      const countsAfter = Boolean(after) && condition.unit === "plain" && (has(after, "metric") || has(after, "entity")) && after.start - span.end <= 1;
      if (after && (measurable(after) || countsAfter)) target = after;
    }
    numbers.push({ condition, target });
  });
  return { numbers, bareNumbers };
}
