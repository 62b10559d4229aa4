/** A status word of other rows said of the rows asked about ("how many loans were lost": lost is a customer's status). */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Intent } from "./read-question.ts";
import type { Span } from "./scan-question.ts";

/**
 * Whether a value of another entity's status column (customers.status 'churned' = lost) is said of `entity`'s rows
 * with that entity named nowhere in the question: "loans were lost" predicates a customer's state of loans, which a
 * loan does not have (DOMAIN.md: a loan is active, closed or charged off). Rows of such customers ("loans of churned
 * customers", "存量客户的贷款") name the owner and keep the join.
 */
export function statusOfOtherRows(intent: Intent, layer: SemanticLayer, entity: string, dimensionId: string, span: Span): boolean {
  const dimension = layer.dimension(dimensionId);
  const column = typeof dimension.column === "string" ? dimension.column : "";
  if (!/\.status$/.test(column)) return false;
  const owner = layer.entities.find((candidate) => candidate.table === dimension.table);
  if (!owner || owner.id === entity) return false;
  if (intent.entityMentions.includes(owner.id) || intent.impliedEntities.includes(owner.id) || intent.terms.some((id) => layer.term(id).entity === owner.id)) return false;
  const word = span.text.toLowerCase();
  return ![...owner.names.zh, ...owner.names.en].some((name) => word.includes(name.toLowerCase()));
}
