// Entity lists: which entity, which attributes, filters by terms, values and numbers, order and limit, zh and en.
import { describe, it } from "vitest";
import { compare, expectPlan, plan, term, values } from "./__fixtures__/planner-fixture.ts";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";

const RISING = {
  kind: "list",
  entity: "customers",
  filters: [term("high_value"), term("rising_repayment_risk")],
  attributesInclude: ["pd_previous", "pd_current", "pd_change"],
  order: [["pd_change", "desc"]],
  referenceMonth: "2026-06",
  time: null,
} satisfies ExpectedPlan;

const CASES: [string, ExpectedPlan][] = [
  // The headline question and its phrasings.
  ["哪些高价值客户本月还款风险上升?", RISING],
  ["Which high-value customers have rising repayment risk this month?", RISING],
  ["本月还款风险上升的高价值客户有哪些", RISING],
  ["列出本月风险上升的高价值客户", RISING],
  ["high value customers with rising risk this month", RISING],
  ["Show me high-value clients whose repayment risk is rising this month", RISING],
  ["还款风险上升的客户", { entity: "customers", filters: [term("rising_repayment_risk")], order: [["pd_change", "desc"]], referenceMonth: "2026-06" }],
  ["上个月还款风险上升的客户", { entity: "customers", filters: [term("rising_repayment_risk")], referenceMonth: "2026-05", time: null }],
  ["customers with rising PD in May 2026", { entity: "customers", filters: [term("rising_repayment_risk")], referenceMonth: "2026-05" }],

  // Which entity.
  ["列出逾期贷款", { kind: "list", entity: "loans", filters: [term("overdue")] }],
  ["list overdue loans", { entity: "loans", filters: [term("overdue")] }],
  ["列出逾期客户", { entity: "customers", filters: [term("overdue")] }],
  ["list overdue customers", { entity: "customers", filters: [term("overdue")] }],
  ["哪些客户有逾期贷款", { entity: "customers", filters: [term("overdue")] }],
  ["customers with overdue loans", { entity: "customers", filters: [term("overdue")] }],
  ["不良贷款明细", { entity: "loans", filters: [term("npl")] }],
  ["show me the non-performing loans", { entity: "loans", filters: [term("npl")] }],
  ["高价值客户名单", { entity: "customers", filters: [term("high_value")] }],
  ["list high-value customers in Shanghai", { entity: "customers", filters: [term("high_value"), values("city", "Shanghai")] }],
  ["上海的年轻客户有谁", { entity: "customers", filters: [term("young"), values("city", "Shanghai")] }],
  ["本月的新客户有哪些", { entity: "customers", filters: [term("new_customer")], time: ["2026-06-01", "2026-06-30"] }],
  ["which customers churned last month", { entity: "customers", filters: [term("churned")], time: ["2026-05-01", "2026-05-31"], dateAttribute: "churn_date" }],
  ["本月的申请有哪些被拒绝了", { entity: "applications", filters: [values("decision", "rejected")], time: ["2026-06-01", "2026-06-30"] }],
  ["show WeChat applications this month", { entity: "applications", filters: [values("channel", "wechat")], time: ["2026-06-01", "2026-06-30"] }],
  ["list rejected applications this month", { entity: "applications", filters: [values("decision", "rejected")], time: ["2026-06-01", "2026-06-30"] }],
  ["列出未解决的预警", { entity: "risk_alerts", filters: [term("unresolved_alert")] }],
  ["list open alerts", { entity: "risk_alerts", filters: [term("unresolved_alert")] }],
  ["高级别预警清单", { entity: "risk_alerts", filters: [values("severity", "high")] }],
  ["下周到期的还款有哪些", { entity: "repayments", filters: [term("due_soon")] }],
  ["repayments due next week", { entity: "repayments", filters: [term("due_soon")] }],
  ["列出未来30天到期的还款", { entity: "repayments", time: ["2026-07-01", "2026-07-30"] }],
  ["list repayments due in the next 30 days", { entity: "repayments", time: ["2026-07-01", "2026-07-30"] }],
  ["进行中的活动", { entity: "campaigns", filters: [term("active_campaign")] }],
  ["list active campaigns", { entity: "campaigns", filters: [term("active_campaign")] }],
  ["列出所有产品", { entity: "products" }],
  ["list all branches in Shanghai", { entity: "branches", filters: [values("city", "Shanghai")] }],
  ["浦东支行的逾期贷款", { entity: "loans", filters: [term("overdue"), values("branch", "BR01")] }],
  ["overdue mortgages", { entity: "loans", filters: [term("overdue"), values("product_category", "mortgage")] }],

  // Attributes asked for; PII comes back masked.
  ["列出高价值客户的手机号", { entity: "customers", attributesInclude: ["phone"], filters: [term("high_value")] }],
  ["list customers' phone numbers", { entity: "customers", attributesInclude: ["phone"] }],
  ["逾期客户的年收入", { entity: "customers", attributesInclude: ["annual_income"], filters: [term("overdue")] }],

  // Numbers on attributes.
  ["年收入超过50万的客户", { entity: "customers", filters: [compare("annual_income", "gt", 500000)], attributesInclude: ["annual_income"] }],
  ["customers with annual income over 500k", { entity: "customers", filters: [compare("annual_income", "gt", 500000)] }],
  ["列出贷款金额在100万到200万之间的贷款", { entity: "loans", filters: [{ kind: "between", attribute: "principal", low: 1000000, high: 2000000 }] }],
  ["loans with principal between 1 and 2 million", { entity: "loans", filters: [{ kind: "between", attribute: "principal", low: 1000000, high: 2000000 }] }],
  ["本金不低于5万元的逾期贷款", { entity: "loans", filters: [term("overdue"), compare("principal", "gte", 50000)] }],
  ["逾期超过30天的贷款", { entity: "loans", filters: [term("overdue"), compare("current_dpd", "gt", 30)] }],
  ["loans more than 60 days past due", { entity: "loans", filters: [term("overdue"), compare("current_dpd", "gt", 60)] }],
  ["年龄大于50岁的客户", { entity: "customers", filters: [compare("age", "gt", 50)] }],
  ["利率高于5%的贷款", { entity: "loans", filters: [compare("annual_rate", "gt", 0.05)] }],
  ["申请金额1亿以上的申请", { entity: "applications", filters: [compare("requested_amount", "gte", 100000000)] }],

  // Top and bottom N of rows.
  ["贷款余额最高的10个客户", { entity: "customers", order: [["customer_outstanding_balance", "desc"]], limit: 10 }],
  ["top 10 customers by outstanding balance", { entity: "customers", order: [["customer_outstanding_balance", "desc"]], limit: 10 }],
  ["年收入最高的前5位高价值客户", { entity: "customers", filters: [term("high_value")], order: [["annual_income", "desc"]], limit: 5 }],
  ["逾期天数最长的20笔贷款", { entity: "loans", order: [["current_dpd", "desc"]], limit: 20 }],
  ["the 5 loans with the highest principal", { entity: "loans", order: [["principal", "desc"]], limit: 5 }],
  ["本金最小的3笔贷款", { entity: "loans", order: [["principal", "asc"]], limit: 3 }],
];

describe("offline planner: entity lists", () => {
  it.each(CASES)("%s", (question, expected) => {
    expectPlan(plan(question), { kind: "list", ...expected }, question);
  });
});
