/**
 * Rows named beside a measure of other rows they cannot be joined to ("上海贷款的平均违约概率": PD is measured on
 * monthly risk scores, which reach customers but not loans): the measure cannot be restricted to those rows.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { AggregateQuery, ListQuery } from "../../plan/query-plan.ts";
import type { Intent } from "./read-question.ts";
import { reachableEntities } from "./semantic-helpers.ts";

/** Whether an aggregate names rows no measure of it reaches through the layer's joins (true: decline). */
export function unreachableRowsNamed(intent: Intent, layer: SemanticLayer, query: AggregateQuery | ListQuery): boolean {
  if (query.kind !== "aggregate" || query.metrics.length === 0) return false;
  const measured = query.metrics.map((id) => layer.metric(id).entity);
  return intent.entityMentions.some((entity) => measured.every((owner) => owner !== entity && !reachableEntities(layer, owner).has(entity)));
}
