/**
 * Which money column a bare amount ("over 500k") compares when the rows carry several: the entity's first one, unless
 * the question also speaks of another (applications: "approved" beside the requested and approved amounts).
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Attribute, SqlFragment } from "../../../schema/semantic-layer/types.ts";
import type { Intent } from "./read-question.ts";

/**
 * The money attributes of `entity` the question brings to mind besides `chosen`: one a metric measures ("total
 * approved amount"), one said as an attribute, or one named after a value said (decision 'approved' → approved_amount,
 * a column that only those rows fill). A bare amount is then not decided by the rows alone: the caller declines.
 */
export function rivalMoneyAttributes(intent: Intent, layer: SemanticLayer, entity: string, chosen: Attribute): Attribute[] {
  const money = layer.attributes.filter((attribute) => attribute.entity === entity && attribute.type === "number" && attribute.format === "money" && attribute.id !== chosen.id);
  const sqlOf = (sql: SqlFragment | undefined) => (sql === undefined ? "" : typeof sql === "string" ? sql : sql.sqlite);
  const columnOf = (attribute: Attribute) => sqlOf(attribute.sql).split(".").pop() ?? attribute.id;
  const saidValues = intent.values.flatMap((mention) => mention.options.map((option) => option.value));
  return money.filter((attribute) => {
    const column = columnOf(attribute);
    if (intent.metrics.some((id) => sqlOf(layer.metric(id).sql).includes(sqlOf(attribute.sql)))) return true;
    if (intent.attributes.some((mention) => mention.options.some((option) => option.id === attribute.id))) return true;
    return saidValues.some((value) => value.length >= 3 && column.split("_").includes(value));
  });
}

/**
 * "申请超过50万的批准金额": an amount said right after the rows' name (申请 as the verb: applied for more than 500k)
 * and before one of their money columns may compare either; when the rows carry another money column the number is
 * not decided (true: decline).
 */
export function amountBetweenRowsAndColumn(intent: Intent, layer: SemanticLayer, condition: { start: number; end: number; unit: string }, attribute: Attribute): boolean {
  if (condition.unit !== "money" || attribute.format !== "money") return false;
  const before = intent.text.slice(0, condition.start).trimEnd();
  const entity = layer.entity(attribute.entity);
  const rowsBefore = [...entity.names.zh, ...entity.names.en].some((name) => name.length >= 2 && before.endsWith(name.toLowerCase()));
  if (!rowsBefore) return false;
  return layer.attributes.some((other) => other.entity === attribute.entity && other.id !== attribute.id && other.type === "number" && other.format === "money");
}
