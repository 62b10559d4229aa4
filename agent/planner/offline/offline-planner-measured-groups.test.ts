// "贷款余额超过1000万的支行有哪些": groups compared on a measure they do not carry as rows are an aggregate with HAVING.
import { describe, it } from "vitest";
import { expectPlan, plan } from "./__fixtures__/planner-fixture.ts";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";

const having = (metric: string, op: string, value: number) => ({ metric, op, value });

const GROUPS: [string, ExpectedPlan][] = [
  ["贷款余额超过1000万的支行有哪些", { metrics: ["outstanding_balance"], dimensions: ["branch"], having: [having("outstanding_balance", "gt", 10_000_000)] }],
  ["贷款余额超过1000万的分行有哪些", { metrics: ["outstanding_balance"], dimensions: ["branch"], having: [having("outstanding_balance", "gt", 10_000_000)] }],
  ["贷款余额超过1000万的支行", { metrics: ["outstanding_balance"], dimensions: ["branch"], having: [having("outstanding_balance", "gt", 10_000_000)] }],
  ["逾期率超过5%的分行有哪些", { metrics: ["overdue_rate"], dimensions: ["branch"], having: [having("overdue_rate", "gt", 0.05)] }],
  ["不良率超过2%的产品有哪些", { metrics: ["npl_ratio"], dimensions: ["product"], having: [having("npl_ratio", "gt", 0.02)] }],
  ["放款金额超过1亿的产品有哪些", { metrics: ["disbursement_amount"], dimensions: ["product"], having: [having("disbursement_amount", "gt", 100_000_000)] }],
  ["贷款余额超过5000万的城市有哪些", { metrics: ["outstanding_balance"], dimensions: ["city"], having: [having("outstanding_balance", "gt", 50_000_000)] }],
  ["放款笔数超过100的支行有哪些", { metrics: ["loan_count"], dimensions: ["branch"], having: [having("loan_count", "gt", 100)] }],
  ["which branches have outstanding balance over 10 million", { metrics: ["outstanding_balance"], dimensions: ["branch"], having: [having("outstanding_balance", "gt", 10_000_000)] }],
  ["which products have an npl ratio above 2%", { metrics: ["npl_ratio"], dimensions: ["product"], having: [having("npl_ratio", "gt", 0.02)] }],
  ["list cities with outstanding balance over 50 million", { metrics: ["outstanding_balance"], dimensions: ["city"], having: [having("outstanding_balance", "gt", 50_000_000)] }],
  // Rows that carry the measure themselves stay a list of rows.
  ["余额超过100万的贷款有哪些", { kind: "list", entity: "loans", filters: [{ kind: "compare", attribute: "outstanding_balance", op: "gt", value: 1_000_000 }] }],
  ["list loans with balance over 1 million", { kind: "list", entity: "loans", filters: [{ kind: "compare", attribute: "outstanding_balance", op: "gt", value: 1_000_000 }] }],
  ["贷款余额超过100万的贷款有哪些", { kind: "list", entity: "loans", filters: [{ kind: "compare", attribute: "outstanding_balance", op: "gt", value: 1_000_000 }] }],
  ["本金超过50万的贷款有哪些", { kind: "list", entity: "loans" }],
  ["customers with more than 2 active loans", { kind: "list", entity: "customers" }],
  ["在贷笔数超过2笔的客户", { kind: "list", entity: "customers" }],
  ["申请金额超过50万的申请有哪些", { kind: "list", entity: "applications" }],
  ["列出逾期超过30天的贷款", { kind: "list", entity: "loans" }],
  ["余额超过100万的客户有哪些", { kind: "list", entity: "customers" }],
];

describe("offline planner: groups measured against a number", () => {
  it.each(GROUPS)("%s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });
});
