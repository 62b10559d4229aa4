/**
 * A follow-up that names the measured rows ("approval rate this quarter" → "mobile app applications only?") narrows
 * those rows; the rows' name, which is also their count's name ("applications"), is not a new measure.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Draft } from "./draft.ts";
import type { Intent } from "./read-question.ts";
import { countMetricOf } from "./semantic-helpers.ts";

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether a name is said in the text (whole words for Latin names). */
function said(text: string, name: string): boolean {
  const lower = name.toLowerCase();
  if (!/[a-z]/.test(lower)) return text.includes(lower);
  return new RegExp(`(?<![a-z0-9])${escape(lower)}(?![a-z0-9])`).test(text);
}

/**
 * The intent without count metrics that were only the rows' name, when the previous aggregate measures those same
 * rows and nothing asks for a count ("how many", "number of", "application count" keep it).
 */
export function withoutRowsNamedAsCount(intent: Intent, previous: Draft, layer: SemanticLayer): Intent {
  if (previous.kind !== "aggregate" || previous.metrics.length === 0 || intent.metrics.length === 0) return intent;
  if (intent.cues.has("count") || /(?<![a-z])(?:how many|number of|count|volume|total)(?![a-z])|多少|几|数量|总数/.test(intent.text)) return intent;
  const previousEntities = new Set(previous.metrics.map((id) => layer.metric(id).entity));
  if (previousEntities.size !== 1) return intent;
  const [entityId] = [...previousEntities];
  const count = countMetricOf(layer, entityId);
  // (Counted before too, "alert count this month" → "high severity alerts only": the same rows, narrowed.)
  if (!count || !intent.metrics.every((id) => id === count.id)) return intent;
  const entity = layer.entity(entityId);
  const rowNames = [...entity.names.zh, ...entity.names.en].map((name) => name.toLowerCase());
  const countOnlyNames = [...count.names.zh, ...count.names.en].filter((name) => !rowNames.includes(name.toLowerCase()));
  if (!rowNames.some((name) => said(intent.text, name)) || countOnlyNames.some((name) => said(intent.text, name))) return intent;
  return { ...intent, metrics: [], entityMentions: intent.entityMentions.includes(entityId) ? intent.entityMentions : [...intent.entityMentions, entityId] };
}
