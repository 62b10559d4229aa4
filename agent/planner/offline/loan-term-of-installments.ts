/**
 * A loan's term word said of installments ("还款计划里有多少笔是逾期的", "how many repayments are overdue"): an overdue
 * loan (DOMAIN.md: active with current_dpd > 0) is not an overdue installment, and installments have a status of their
 * own that no term reads, so the planner declines rather than count the installments of overdue loans. Installments of
 * loans named so ("逾期贷款的还款") keep the join.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Intent } from "./read-question.ts";

const INSTALLMENTS = "repayments";
const LOANS = "loans";

/** Whether a loans term is said of installments with no word naming loans. */
export function loanTermSaidOfInstallments(intent: Intent, layer: SemanticLayer): boolean {
  if (!layer.entities.some((entity) => entity.id === INSTALLMENTS) || !layer.entities.some((entity) => entity.id === LOANS)) return false;
  const installments = intent.entityMentions.includes(INSTALLMENTS) || intent.metrics.some((id) => layer.metric(id).entity === INSTALLMENTS);
  if (!installments || intent.entityMentions.includes(LOANS) || intent.impliedEntities.includes(LOANS)) return false;
  const loanNames = [...layer.entity(LOANS).names.zh, ...layer.entity(LOANS).names.en].map((name) => name.toLowerCase());
  return intent.termSpans.some(({ id, span }) => layer.term(id).entity === LOANS && !loanNames.some((name) => span.text.toLowerCase().includes(name)));
}
