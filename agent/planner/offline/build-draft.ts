/**
 * Builds a draft plan from an intent: picks metrics or the listed entity, turns values, terms and numbers into
 * filters, groupings into dimensions, ranking words into order and limit, and time words into a period and a
 * comparison. Anything it cannot place lowers the confidence; an unresolved ambiguous word asks back.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Ambiguity } from "../../../schema/semantic-layer/types.ts";
import { buildAggregate } from "./build-aggregate.ts";
import { buildList } from "./build-list.ts";
import type { Build, BuildResult } from "./build-result.ts";
import type { Intent } from "./read-question.ts";

/** Builds the draft for a question on its own (not a follow-up). */
export function buildDraft(intent: Intent, layer: SemanticLayer, asOfDate: string): BuildResult {
  const build: Build = { penalty: 0, reasons: [] };
  // "平均年收入": an average of something that is not a metric cannot be answered from the semantic layer.
  if (intent.cues.has("average") && intent.metrics.length === 0) return { kind: "unsupported", reason: "not_understood", detail: "average of a non-metric" };
  if (intent.mode === "aggregate") return buildAggregate(intent, layer, asOfDate, build);
  if (intent.mode === "list") return buildList(intent, layer, asOfDate, build);
  if (intent.ambiguities.length > 0) {
    // Only an ambiguous word: measure it if the question decides which meaning, else ask.
    const result = buildAggregate({ ...intent, mode: "aggregate" }, layer, asOfDate, build);
    if (result.kind !== "unsupported") return result;
    const mention = intent.ambiguities[0];
    return { kind: "clarify", ambiguity: layer.ambiguities.find((candidate) => candidate.id === mention.id) as Ambiguity, span: mention.span };
  }
  return { kind: "unsupported", reason: "not_understood", detail: "nothing recognized" };
}
