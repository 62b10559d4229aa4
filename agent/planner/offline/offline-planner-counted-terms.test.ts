// A term name followed by a count word (在贷笔数, 不良贷款笔数), measured by groups, counts the term's rows.
import { describe, it } from "vitest";
import { expectPlan, plan, term, values } from "./__fixtures__/planner-fixture.ts";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";

const ACTIVE = term("active_loan");
const COUNT = ["loan_count"];

const COUNTED: [string, ExpectedPlan][] = [
  ["各支行的在贷笔数", { metrics: COUNT, dimensions: ["branch"], filters: [ACTIVE] }],
  ["按分行统计在贷笔数", { metrics: COUNT, dimensions: ["branch"], filters: [ACTIVE] }],
  ["各产品在贷笔数", { metrics: COUNT, dimensions: ["product"], filters: [ACTIVE] }],
  ["各城市的在贷笔数", { metrics: COUNT, dimensions: ["city"], filters: [ACTIVE] }],
  ["按区域看在贷笔数", { metrics: COUNT, dimensions: ["region"], filters: [ACTIVE] }],
  ["在贷笔数按产品分布", { metrics: COUNT, dimensions: ["product"], filters: [ACTIVE] }],
  ["上海各支行的在贷笔数", { metrics: COUNT, dimensions: ["branch"], filters: [ACTIVE, values("city", "Shanghai")] }],
  ["各分行在贷笔数", { metrics: COUNT, dimensions: ["branch"], filters: [ACTIVE] }],
  ["各产品的在贷贷款数量", { metrics: COUNT, dimensions: ["product"], filters: [ACTIVE] }],
  ["各区域的不良贷款笔数", { metrics: COUNT, dimensions: ["region"], filters: [term("npl")] }],
  ["各产品逾期贷款数量", { metrics: COUNT, dimensions: ["product"], filters: [term("overdue")] }],
  ["active loan count by branch", { metrics: COUNT, dimensions: ["branch"], filters: [ACTIVE] }],
  ["active loans count by product", { metrics: COUNT, dimensions: ["product"], filters: [ACTIVE] }],
  ["各城市不良贷款数量", { metrics: COUNT, dimensions: ["city"], filters: [term("npl")] }],
  ["overdue loans count by city", { metrics: COUNT, dimensions: ["city"], filters: [term("overdue")] }],
  ["npl count by product", { metrics: COUNT, dimensions: ["product"], filters: [term("npl")] }],
  ["90+ loan count by branch", { metrics: COUNT, dimensions: ["branch"], filters: [term("delinquent_90")] }],
  // Compared with a number or ranked in a list, the per-customer attribute keeps its meaning.
  ["在贷笔数超过2笔的客户", { kind: "list", entity: "customers", filters: [{ kind: "compare", attribute: "customer_active_loan_count", op: "gt", value: 2 }] }],
  ["列出在贷笔数最多的客户", { kind: "list", entity: "customers", order: [["customer_active_loan_count", "desc"]] }],
  ["customers with more than 2 active loans", { kind: "list", entity: "customers", filters: [{ kind: "compare", attribute: "customer_active_loan_count", op: "gt", value: 2 }] }],
  ["在贷笔数不少于3笔的客户有多少", { metrics: ["customer_count"], filters: [{ kind: "compare", attribute: "customer_active_loan_count", op: "gte", value: 3 }] }],
];

describe("offline planner: term names followed by a count word", () => {
  it.each(COUNTED)("%s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });
});
