// Colloquial related rows (missed a payment, 打过催收电话), thresholds on a customer's month (额度使用率, credit
// inquiries), onboarding words and scoring-tool phrasings (pitch, 最容易逾期) read by semantic-layer names (issue 5).
import { describe, expect, it } from "vitest";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";
import { expectPlan, plan, values } from "./__fixtures__/planner-fixture.ts";

const JUNE = { start: "2026-06-01", end: "2026-06-30" };
const MAY = { start: "2026-05-01", end: "2026-05-31" };
const YEAR = { start: "2026-01-01", end: "2026-06-30" };
const related = (entity: string, filters: unknown[], time: { start: string; end: string }) => ({ kind: "related", entity, exists: true, filters, time });
const missed = (time: { start: string; end: string }) => related("repayments", [values("repayment_status", "missed")], time);
const phoneCall = (time: { start: string; end: string }) => related("collection_actions", [values("action_type", "phone_call")], time);
const fieldVisit = (time: { start: string; end: string }) => related("collection_actions", [values("action_type", "field_visit")], time);
const compare = (attribute: string, op: string, value: number) => ({ kind: "compare", attribute, op, value });

const ROWS: [string, ExpectedPlan][] = [
  ["customers who missed a payment this month", { kind: "list", entity: "customers", filters: [missed(JUNE)], time: null }],
  ["which customers missed a payment in May", { kind: "list", entity: "customers", filters: [missed(MAY)], time: null }],
  ["上个月有还款没还上的客户", { kind: "list", entity: "customers", filters: [missed(MAY)], time: null }],
  ["本月打过催收电话的客户有哪些", { kind: "list", entity: "customers", filters: [phoneCall(JUNE)], time: null }],
  ["上个月被打过催收电话的客户", { kind: "list", entity: "customers", filters: [phoneCall(MAY)], time: null }],
  ["今年有实地走访催收的客户", { kind: "list", entity: "customers", filters: [fieldVisit(YEAR)], time: null }],
  ["上个月被上门走访过的客户有哪些", { kind: "list", entity: "customers", filters: [fieldVisit(MAY)], time: null }],
  ["customers who got a site visit this year", { kind: "list", entity: "customers", filters: [fieldVisit(YEAR)], time: null }],
  ["For the credit committee, which customers missed a payment this month?", { kind: "list", entity: "customers", filters: [missed(JUNE)], time: null }],
];

const THRESHOLDS: [string, ExpectedPlan][] = [
  ["本月额度使用率超过80%的客户", { kind: "list", entity: "customers", filters: [compare("customer_credit_utilization", "gt", 0.8)], referenceMonth: "2026-06" }],
  ["额度使用率超过0.8的客户", { kind: "list", entity: "customers", filters: [compare("customer_credit_utilization", "gt", 0.8)] }],
  ["list customers whose credit utilization is above 90%", { kind: "list", entity: "customers", filters: [compare("customer_credit_utilization", "gt", 0.9)] }],
  ["下周要跟领导汇报,帮我整理一下额度使用率超过90%的客户", { kind: "list", entity: "customers", filters: [compare("customer_credit_utilization", "gt", 0.9)] }],
  ["征信查询次数大于5次的客户有哪些", { kind: "list", entity: "customers", filters: [compare("customer_external_inquiries", "gt", 5)] }],
  ["list customers with more than 2 credit inquiries", { kind: "list", entity: "customers", filters: [compare("customer_external_inquiries", "gt", 2)] }],
  // The monthly average stays the metric when no rows are asked for.
  ["average credit utilization by city", { metrics: ["average_credit_utilization"], dimensions: ["city"] }],
];

const OTHER: [string, ExpectedPlan][] = [
  ["customers we onboarded via mobile app last year", { kind: "list", entity: "customers", filters: [values("channel", "mobile_app")], time: ["2025-01-01", "2025-12-31"] }],
  ["本月要还多少钱", { metrics: ["due_amount"], time: ["2026-06-01", "2026-06-30"] }],
  ["即将到期的还款应还多少钱", { metrics: ["due_amount"] }],
];

const TOOLS: [string, string, Record<string, unknown>][] = [
  ["who should we pitch a mortgage to? top 5", "next_best_product", { category: "mortgage", limit: 5 }],
  ["哪些客户适合推销房贷", "next_best_product", { category: "mortgage" }],
  ["未来5天最容易逾期的还款,前10笔", "pre_due_risk", { days: 5, limit: 10 }],
  ["which installments are most likely to go overdue in the next 5 days", "pre_due_risk", { days: 5 }],
];

/** A context clause naming rows the planner cannot place with the rest still declines. */
const DECLINED = ["下周要跟高价值客户沟通,帮我整理一下额度使用率超过90%的客户", "For the mortgage review, which customers missed a payment this month?"];

describe("offline planner: colloquial related rows, customer thresholds and tool phrasings", () => {
  it.each(ROWS)("related rows: %s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });
  it.each(THRESHOLDS)("thresholds: %s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });
  it.each(OTHER)("%s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });
  it.each(TOOLS)("tool: %s", (question, tool, args) => {
    const outcome = plan(question);
    expect(outcome.status === "plan" ? outcome.plan.query : outcome, question).toMatchObject({ kind: "tool", tool, args });
  });
  it.each(DECLINED)("declines: %s", (question) => {
    expect(plan(question).status, question).not.toBe("plan");
  });
});
