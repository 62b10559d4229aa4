/**
 * Rows said to have a measure ("customers with an overdue balance", "有逾期余额的客户"): the rows that have some of it,
 * which no measure's total answers; declined rather than answered with the measure's total.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { AggregateQuery, ListQuery } from "../../plan/query-plan.ts";
import type { Intent } from "./read-question.ts";

const escape = (text: string) => text.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alternatives = (names: string[]) => names.map(escape).sort((left, right) => right.length - left.length).join("|");

/** Whether an aggregate measures a metric the question says rows have (the rows, not the total, were asked for). */
export function rowsHavingMeasure(intent: Intent, layer: SemanticLayer, query: AggregateQuery | ListQuery): boolean {
  if (query.kind !== "aggregate" || query.dimensions.length > 0) return false;
  const entities = alternatives(layer.entities.flatMap((entity) => [...entity.names.zh, ...entity.names.en]));
  return query.metrics.some((id) => {
    const metric = layer.metric(id);
    const measures = alternatives([...metric.names.zh, ...metric.names.en]);
    const english = new RegExp(`\\b(?:${entities})\\s+(?:with|having|that have|that has|who have|who has|which have|which has)\\s+(?:a|an|any|some)?\\s*(?:${measures})\\b`);
    const chinese = new RegExp(`有(?:${measures})的(?:${entities})`);
    return english.test(intent.text) || chinese.test(intent.text);
  });
}
