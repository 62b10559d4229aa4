/**
 * Rows named right after a value of another dimension are those rows with the value: "the Guangzhou branches" are
 * branches whose city is Guangzhou, "unsecured products" are products that are not secured. Measured, they are a
 * filter (the value's), not a grouping by the rows: "overdue rate by product at the Guangzhou branches" groups by
 * product only. A grouping word right before them ("by Guangzhou branch", 上海各支行) still groups.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Span } from "./scan-question.ts";

/** Only spaces, an article or 的 between two words said together. */
const TOGETHER = /^\s*(?:the\s+|的)?\s*$/;
/** A grouping word before the value: "by the", "per", "for each", 按, 各, 每. */
const GROUPING_BEFORE = /^\s*(?:the\s+)?\s*$/;

/**
 * Whether `span` (a word naming rows and a dimension) is said right after a value of another dimension that the
 * rows themselves carry, with no grouping word before that value. `spans` are all the question's spans in order.
 */
export function rowsDescribedByValue(span: Span, spans: readonly Span[], text: string, layer: SemanticLayer): boolean {
  const entities = span.senses.flatMap((sense) => (sense.kind === "entity" ? [sense.id] : []));
  const dimensions = new Set(span.senses.flatMap((sense) => (sense.kind === "dimension" ? [sense.id] : [])));
  if (entities.length === 0 || dimensions.size === 0) return false;
  const before = spans.findLast((other) => other.end <= span.start);
  if (!before || before.end > span.start || !TOGETHER.test(text.slice(before.end, span.start))) return false;
  const values = before.senses.flatMap((sense) => (sense.kind === "value" ? [sense.dimension] : []));
  if (values.length === 0 || values.some((dimension) => dimensions.has(dimension))) return false;
  // The value must be a column of the rows named (products.secured, a branch's city), not of some other table.
  const carried = values.some((id) => {
    const dimension = layer.dimension(id);
    return entities.some((entity) => dimension.table === layer.entity(entity).table || Boolean(dimension.byEntity?.[entity]));
  });
  if (!carried) return false;
  const grouping = spans.findLast((other) => other.end <= before.start);
  const groupedBefore = grouping && grouping.senses.some((sense) => sense.kind === "cue" && sense.cue === "group") && GROUPING_BEFORE.test(text.slice(grouping.end, before.start));
  return !groupedBefore;
}

/**
 * Whether `span`, a word that is both a dimension's name and one of its values ("secured"), is said right before
 * rows that carry the dimension ("secured products"): it is then the value, not a grouping by the dimension.
 */
export function valueBeforeRows(span: Span, spans: readonly Span[], text: string, layer: SemanticLayer): boolean {
  const values = span.senses.flatMap((sense) => (sense.kind === "value" ? [sense.dimension] : []));
  const named = span.senses.some((sense) => sense.kind === "dimension" && values.includes(sense.id));
  if (!named) return false;
  const after = spans.find((other) => other.start >= span.end);
  if (!after || !TOGETHER.test(text.slice(span.end, after.start))) return false;
  const grouping = spans.findLast((other) => other.end <= span.start);
  if (grouping && grouping.senses.some((sense) => sense.kind === "cue" && sense.cue === "group") && GROUPING_BEFORE.test(text.slice(grouping.end, span.start))) return false;
  return after.senses.some((sense) => sense.kind === "entity" && values.some((id) => layer.dimension(id).table === layer.entity(sense.id).table));
}

/** Only spaces or a possessive between rows and their column's name ("customer value tier", "the customer's city"). */
const OWNER_GAP = /^\s*(?:'s?\s*|的)?\s*$/;

/**
 * Whether `span`, a word naming rows, is said right before the name of one of those rows' own dimensions ("customer
 * value tier", "客户价值等级"): it then only says whose column the dimension is, it is not a count of the rows. Only for
 * dimensions read from the same column whatever rows are measured.
 */
export function rowsBeforeOwnDimension(span: Span, spans: readonly Span[], text: string, layer: SemanticLayer): boolean {
  const tables = new Set(span.senses.flatMap((sense) => (sense.kind === "entity" ? [layer.entity(sense.id).table] : [])));
  if (tables.size === 0) return false;
  const after = spans.find((other) => other.start >= span.end);
  if (!after || !OWNER_GAP.test(text.slice(span.end, after.start))) return false;
  // (A dimension read from other columns for some rows, city of a loan = its branch's city, would not be the rows' own.)
  return after.senses.some((sense) => sense.kind === "dimension" && tables.has(layer.dimension(sense.id).table) && !layer.dimension(sense.id).byEntity);
}
