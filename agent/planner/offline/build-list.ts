/** Builds a list draft: the entity, the attributes to show, filters, period, order and limit. */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Ambiguity } from "../../../schema/semantic-layer/types.ts";
import type { OrderBy } from "../../plan/query-plan.ts";
import { note } from "./build-result.ts";
import type { Build, BuildResult } from "./build-result.ts";
import type { Cue } from "./cue-words.ts";
import { numberConditions, termFilters, valueFilters } from "./draft-filters.ts";
import type { Draft } from "./draft.ts";
import { timeOf } from "./question-period.ts";
import { rankingDirection } from "./ranking.ts";
import type { Intent } from "./read-question.ts";
import type { Span } from "./scan-question.ts";
import { summedAttribute } from "./semantic-helpers.ts";
import { subjectEntity } from "./subject-entity.ts";

/** An attribute's SQL that sums related rows (a customer's outstanding balance over their loans). */
const SUM_OF_RELATED_ROWS = /^COALESCE\(\(SELECT SUM\(/i;

/** Builds a list draft. */
export function buildList(intent: Intent, layer: SemanticLayer, asOfDate: string, build: Build): BuildResult {
  const entity = subjectEntity(intent, layer);
  if (!entity) return { kind: "unsupported", reason: "not_understood", detail: "no entity" };
  // "利率多少": a row attribute alone, with nothing asking for rows, is a measure the layer does not define.
  const asksForRows = intent.cues.has("list") || intent.entityMentions.length > 0 || intent.terms.length > 0 || intent.impliedEntities.length > 0;
  if (!asksForRows) return { kind: "unsupported", reason: "not_understood", detail: "an attribute without rows" };
  // "total requested amount of applications": a sum of an attribute is not a metric of the layer. (An attribute of
  // the rows that is itself a total of their related rows, "customers by total outstanding balance", is that total.)
  const ownTotals = intent.attributes.length > 0 && intent.attributes.every((mention) => mention.options.some((option) => option.entity === entity && SUM_OF_RELATED_ROWS.test(attributeSqlText(layer.attribute(option.id).sql))));
  if (intent.cues.has("total") && !intent.cues.has("list") && !ownTotals) return { kind: "unsupported", reason: "not_understood", detail: "a total of an attribute" };
  const attributes = [...layer.entity(entity).defaultAttributes];
  const draft: Draft = { kind: "list", entity, metrics: [], dimensions: [], filters: [], having: [], order: [], attributes };
  const add = (id: string) => {
    if (!attributes.includes(id)) attributes.push(id);
  };
  for (const id of intent.terms) for (const shown of layer.term(id).showAttributes ?? []) if (layer.attribute(shown).entity === entity) add(shown);
  const mentioned: { id: string; span: Span }[] = [];
  const impliedTerms: string[] = [];
  for (const mention of intent.attributes) {
    const own = mention.options.find((option) => option.entity === entity);
    if (own) {
      add(own.id);
      mentioned.push({ id: own.id, span: mention.span });
      continue;
    }
    // "在贷余额最大的贷款": a metric that sums a column of these rows names that column, for the rows it counts.
    const summed = mention.span.senses.flatMap((sense) => (sense.kind === "metric" ? [summedAttribute(layer, sense.id, entity)] : [])).find((found) => found !== undefined);
    if (summed) {
      add(summed.attribute);
      mentioned.push({ id: summed.attribute, span: mention.span });
      if (summed.term && !intent.terms.includes(summed.term)) impliedTerms.push(summed.term);
    } else note(build, 0.3, `"${mention.span.text}" is not shown for ${entity}`);
  }
  if (intent.cues.has("unmasked") && mentioned.some((entry) => layer.attribute(entry.id).pii)) return { kind: "unsupported", reason: "pii_request", detail: "unmasked" };
  draft.filters.push(...valueFilters(intent, layer, entity, build).filters);
  draft.filters.push(...termFilters(intent, layer, entity, build));
  draft.filters.push(...impliedTerms.map((id) => ({ kind: "term" as const, term: id })));
  numberConditions(intent, layer, draft, entity, build);
  const { period } = timeOf(intent, asOfDate);
  draft.period = period;
  const dateMentioned = mentioned.find((entry) => layer.attribute(entry.id).type === "date" && layer.attribute(entry.id).sql !== layer.entity(entity).dateColumn);
  if (period && dateMentioned) draft.dateAttribute = dateMentioned.id;

  const ranking = ["top", "bottom", "best", "worst", "rank"].some((cue) => intent.cues.has(cue as Cue)) || Boolean(intent.limit?.direction);
  if (ranking) {
    const rankCue = intent.cueSpans.find((entry) => ["top", "bottom", "best", "worst", "rank"].includes(entry.cue))?.span;
    const numeric = mentioned.filter((entry) => layer.attribute(entry.id).type === "number");
    const anchor = rankCue?.start ?? 0;
    numeric.sort((left, right) => Math.abs(left.span.start - anchor) - Math.abs(right.span.start - anchor));
    const ambiguous = intent.ambiguities.find((mention) => !numeric.some((entry) => entry.span === mention.span));
    if (numeric.length === 0 && ambiguous) {
      const ambiguity = layer.ambiguities.find((candidate) => candidate.id === ambiguous.id) as Ambiguity;
      return { kind: "clarify", ambiguity, span: ambiguous.span };
    }
    const termOrder = intent.terms.map((id) => layer.term(id).order).find((order) => order && layer.attribute(order.attribute).entity === entity);
    // "biggest overdue loans": with nothing named to rank by, rank by the entity's first money attribute.
    const moneyDefault = layer.entity(entity).defaultAttributes.find((id) => layer.attribute(id).format === "money");
    // "在贷余额最大的前10笔贷款": a metric that sums a column of these rows ranks them by that column.
    // "哪个渠道表现最差": best and worst need a measure with a direction; with none said, ask which measure is meant
    // rather than rank by a default column (a budget is neither good nor bad).
    const performance = layer.ambiguities.find((candidate) => candidate.id === "performance");
    const judged = intent.cueSpans.find((entry) => entry.cue === "best" || entry.cue === "worst");
    if (judged && performance && numeric.length === 0 && !termOrder) return { kind: "clarify", ambiguity: performance, span: judged.span };
    const by = numeric[0]?.id ?? termOrder?.attribute ?? moneyDefault;
    if (by && by === moneyDefault && !numeric[0] && !termOrder) note(build, 0.15, `ranked by ${by}`);
    if (by) {
      const attribute = layer.attribute(by);
      const direction = rankingDirection(intent.cues, "neutral", intent.limit?.direction) ?? "desc";
      draft.order.push({ by, direction: attribute.id === termOrder?.attribute && !numeric[0] ? termOrder.direction : direction });
      add(by);
    } else note(build, 0.35, "a ranking with nothing to rank by");
    draft.limit = intent.limit?.count ?? (intent.cues.has("singular") ? 1 : 10);
  } else {
    const termOrder = intent.terms.map((id) => layer.term(id).order).find((order) => order && layer.attribute(order.attribute).entity === entity);
    if (termOrder) draft.order.push({ by: termOrder.attribute, direction: termOrder.direction } satisfies OrderBy);
    if (intent.limit) draft.limit = intent.limit.count;
  }
  // An ambiguous measure word in a list ("上海分行的表现") asks for a number the list does not show: ask which.
  for (const mention of intent.ambiguities) {
    if (mentioned.some((entry) => entry.span === mention.span)) continue;
    const ambiguity = layer.ambiguities.find((candidate) => candidate.id === mention.id) as Ambiguity;
    return { kind: "clarify", ambiguity, span: mention.span };
  }
  // "贷款情况给我看看", "loans overview": a vague word about all rows, with nothing to narrow or rank them, asks for a
  // figure rather than every row: ask which (the layer's ambiguity of measures said as 表现/performance).
  const vague = /情况|概况|状况|总览|overview|situation|summary/.exec(intent.text);
  const performance = layer.ambiguities.find((candidate) => candidate.id === "performance");
  if (vague && performance && draft.filters.length === 0 && !draft.period && draft.order.length === 0 && !draft.limit && mentioned.length === 0) {
    return { kind: "clarify", ambiguity: performance, span: { start: vague.index, end: vague.index + vague[0].length, text: vague[0], senses: [] } };
  }
  return { kind: "draft", draft, penalty: build.penalty, reasons: build.reasons };
}

/** An attribute's SQL as one text (dialect-specific SQL joined), for pattern tests on its form. */
function attributeSqlText(sql: string | { sqlite: string; postgres: string }): string {
  return typeof sql === "string" ? sql : `${sql.sqlite} ${sql.postgres}`;
}
