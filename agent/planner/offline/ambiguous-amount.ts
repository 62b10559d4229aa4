/**
 * Which money column a bare amount ("over 500k") compares when the rows carry several: the entity's first one, unless
 * the question also speaks of another (applications: "approved" beside the requested and approved amounts).
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Attribute, SqlFragment } from "../../../schema/semantic-layer/types.ts";
import type { PlannerOutcome } from "../planner.ts";
import type { Intent } from "./read-question.ts";
import { nameOf } from "./semantic-helpers.ts";

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

/**
 * "how many customers have more than 500k": the first money attribute of the rows is a figure derived from other rows
 * (a customer's outstanding balance over their loans) while the rows also carry money of their own (annual income);
 * an amount said of them names neither (true: decline).
 */
export function derivedAmountGuess(layer: SemanticLayer, entity: string, chosen: Attribute): boolean {
  const table = layer.entity(entity).table;
  const ownColumn = (attribute: Attribute) => new RegExp(`^${table}\\.[a-z_]+$`).test(typeof attribute.sql === "string" ? attribute.sql : attribute.sql.sqlite);
  if (ownColumn(chosen)) return false;
  return layer.attributes.some((attribute) => attribute.entity === entity && attribute.id !== chosen.id && attribute.type === "number" && attribute.format === "money");
}

/** Generic amount words said after the rows' name ("申请总金额": the applications' total amount). */
const GENERIC_AMOUNT_SUFFIX = /^(?:的)?(?:总金额|总额|金额合计|总金额合计|\s*total amount|\s*amount)$/;

/**
 * "今年通过的申请总金额": a money measure said only as the rows' name plus a generic amount word is the rows' amount,
 * and when the question speaks of another money column of theirs (approved → the approved amount) it names neither
 * (true: decline).
 */
export function rowsAmountUndecided(intent: Intent, layer: SemanticLayer): boolean {
  return intent.metrics.some((id) => {
    const metric = layer.metric(id);
    if (metric.format !== "money") return false;
    const entity = layer.entity(metric.entity);
    const said = [...metric.names.zh, ...metric.names.en].map((name) => name.toLowerCase()).filter((name) => intent.text.includes(name));
    const generic = (name: string) => [...entity.names.zh, ...entity.names.en].some((rows) => name.startsWith(rows.toLowerCase()) && GENERIC_AMOUNT_SUFFIX.test(name.slice(rows.length)));
    if (said.length === 0 || !said.every(generic)) return false;
    const columns = layer.attributes.filter((attribute) => attribute.entity === metric.entity && attribute.format === "money");
    const measured = columns.find((attribute) => sqlText(metric.sql).includes(sqlText(attribute.sql)));
    return measured !== undefined && rivalMoneyAttributes({ ...intent, metrics: [] }, layer, metric.entity, measured).length > 0;
  });
}

const sqlText = (sql: SqlFragment | undefined) => (sql === undefined ? "" : typeof sql === "string" ? sql : sql.sqlite);

/**
 * The clarification for a bare amount the rows' money columns do not decide ("total approved amount of applications
 * over 500k": the requested or the approved amount?): each choice is the question with the column named before the
 * amount ("… with requested amount over 500k", "申请金额超过50万"). Undefined when no such amount was said.
 */
export function amountClarification(intent: Intent, layer: SemanticLayer, question: string, entity: string | undefined): PlannerOutcome | undefined {
  if (!entity) return undefined;
  const money = layer.attributes.filter((attribute) => attribute.entity === entity && attribute.type === "number" && attribute.format === "money");
  const defaults = layer.entity(entity).defaultAttributes;
  const chosen = [...money].sort((left, right) => (defaults.includes(left.id) ? defaults.indexOf(left.id) : 99) - (defaults.includes(right.id) ? defaults.indexOf(right.id) : 99))[0];
  if (!chosen) return undefined;
  const mention = intent.numbers.find((candidate) => candidate.condition.unit === "money" && !candidate.target?.senses.some((sense) => sense.kind === "attribute" && layer.attribute(sense.id).type === "number"));
  if (!mention) return undefined;
  const rivals = rivalMoneyAttributes(intent, layer, entity, chosen);
  const candidates = rivals.length > 0 ? [chosen, ...rivals] : derivedAmountGuess(layer, entity, chosen) ? money : [];
  if (candidates.length < 2) return undefined;
  const said = mention.condition.text;
  const at = question.toLowerCase().indexOf(said.toLowerCase());
  if (at < 0) return undefined;
  const language = intent.language;
  const choices = candidates.map((attribute) => {
    const name = nameOf(attribute.names, language);
    // ("customers have more than 500k" → "customers have annual income more than 500k": no "with" after have/with/of.)
    const joined = /\b(?:have|has|had|with|of)\s*$/i.test(question.slice(0, at)) ? "" : "with ";
    const named = language === "zh" ? `${name}${question.slice(at, at + said.length)}` : `${joined}${name} ${question.slice(at, at + said.length)}`;
    return { label: name, message: `${question.slice(0, at)}${named}${question.slice(at + said.length)}` };
  });
  return {
    status: "clarify",
    language,
    question: language === "zh" ? `“${said}”指的是哪个金额?` : `Which amount is "${said}": ${candidates.map((attribute) => nameOf(attribute.names, language)).join(" or ")}?`,
    choices,
    confidence: 0.5,
  };
}
