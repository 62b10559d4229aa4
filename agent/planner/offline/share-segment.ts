/**
 * The segment of a single share when two are said: "what share of the consumer loan book is 90+ days past due" —
 * the value said before the measure (consumer) narrows the whole, the one said after it (90+) is the part.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Filter } from "../../plan/query-plan.ts";
import type { Intent } from "./read-question.ts";

/** Where a measure's name is said (the longest name found), or undefined. */
function measureSpan(intent: Intent, layer: SemanticLayer, metricId: string): { start: number; end: number } | undefined {
  const names = [...layer.metric(metricId).names.zh, ...layer.metric(metricId).names.en].map((name) => name.toLowerCase()).sort((left, right) => right.length - left.length);
  for (const name of names) {
    const start = intent.text.indexOf(name);
    if (start >= 0) return { start, end: start + name.length };
  }
  // ("share of balance 90+ days past due": an ambiguous word resolved to the measure is where it was said.)
  const resolved = intent.ambiguities.find((mention) => layer.ambiguities.some((ambiguity) => ambiguity.id === mention.id && ambiguity.choices.includes(metricId)));
  return resolved ? { start: resolved.span.start, end: resolved.span.end } : undefined;
}

/** Where a candidate segment (a value or a term filter) was said, or undefined. */
function saidAt(filter: Filter, intent: Intent): number | undefined {
  if (filter.kind === "in") return intent.values.find((mention) => mention.options.some((option) => option.dimension === filter.dimension && filter.values.includes(option.value)))?.span.start;
  if (filter.kind === "term") return intent.termSpans.find((entry) => entry.id === filter.term)?.span.start;
  return undefined;
}

/**
 * The one candidate said after the measure's name when every other candidate is said before it, or undefined (the
 * part and the whole are then not told apart: "上海的房贷占比").
 */
export function segmentSaidAfterMeasure(candidates: Filter[], intent: Intent, layer: SemanticLayer, metricId: string): Filter | undefined {
  const measure = measureSpan(intent, layer, metricId);
  if (!measure) return undefined;
  const positions = candidates.map((filter) => saidAt(filter, intent));
  if (positions.some((position) => position === undefined)) return undefined;
  const after = candidates.filter((_, index) => (positions[index] as number) >= measure.end);
  const before = candidates.filter((_, index) => (positions[index] as number) < measure.start);
  return after.length === 1 && before.length === candidates.length - 1 ? after[0] : undefined;
}
