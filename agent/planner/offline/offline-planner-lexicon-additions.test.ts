// Words added to the semantic layer and grammar: survey channel, 男女, 抵押担保, 新开户, rate "points", units, value words
// that name their rows (education loans), 中 after rows meaning "among".
import { describe, it } from "vitest";
import { expectPlan, plan, term, values } from "./__fixtures__/planner-fixture.ts";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";

const THIS_YEAR = ["2026-01-01", "2026-06-30"] as [string, string];

const CASES: [string, ExpectedPlan][] = [
  ["按调查渠道看NPS", { metrics: ["nps"], dimensions: ["channel"] }],
  ["各问卷渠道的净推荐值", { metrics: ["nps"], dimensions: ["channel"] }],
  ["NPS by survey channel", { metrics: ["nps"], dimensions: ["channel"] }],
  ["各城市分男女的逾期率", { metrics: ["overdue_rate"], dimensions: ["city", "gender"] }],
  ["按男女看客户数", { metrics: ["customer_count"], dimensions: ["gender"] }],
  ["有抵押担保的产品有哪些", { kind: "list", entity: "products", filters: [values("secured", "1")] }],
  ["抵押担保类贷款的余额", { metrics: ["outstanding_balance"], filters: [values("secured", "1")] }],
  ["上个月新开户的客户名单", { kind: "list", entity: "customers", filters: [term("new_customer")], time: ["2026-05-01", "2026-05-31"] }],
  ["今年新开户的有多少人", { metrics: ["customer_count"], filters: [term("new_customer")], time: THIS_YEAR }],
  ["当前不良贷款率几个点?", { metrics: ["npl_ratio"], filters: [] }],
  ["逾期率现在几个点", { metrics: ["overdue_rate"], filters: [] }],
  ["avg approval time (hrs) this year", { metrics: ["average_approval_hours"], time: THIS_YEAR }],
  ["list all loans classified special mention", { kind: "list", entity: "loans", filters: [values("risk_class", "special_mention")] }],
  ["list the education loans disbursed this year", { kind: "list", entity: "loans", filters: [values("product_category", "education")], time: THIS_YEAR }],
  ["已核销的消费贷款清单", { kind: "list", entity: "loans", filters: [values("loan_status", "charged_off"), values("product_category", "consumer")] }],
  ["中级别预警有多少", { metrics: ["alert_count"], filters: [values("severity", "medium")] }],
];

describe("lexicon and grammar additions", () => {
  it.each(CASES)("%s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });
});
