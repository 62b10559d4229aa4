/** The definitions (口径) a compiled query used: its metrics, then the glossary terms its filters named. */
import type { Metric } from "../../schema/semantic-layer/types.ts";
import type { CompileContext } from "./compile-context.ts";
import type { CompiledDefinition } from "./compiled-query.ts";

/** Metric and term definitions for the answer to cite. */
export function definitionsOf(metrics: readonly Metric[], context: CompileContext): CompiledDefinition[] {
  return [
    ...metrics.map((metric) => ({ kind: "metric" as const, id: metric.id, names: metric.names, formula: metric.formula, description: metric.description })),
    ...[...context.termsUsed.values()].map((term) => ({ kind: "term" as const, id: term.id, names: term.names, formula: term.formula, description: term.description })),
  ];
}
