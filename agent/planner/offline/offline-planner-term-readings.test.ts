// Term readings found on a fresh dev batch, each checked on phrasings of its own: colloquial names of rows and terms
// (单子, 客群, under-30, 在跑), a qualifier said before a term's shorter name (还款 + 风险变高), a term's rows counted
// (M1+贷款笔数), a count and an amount asked together, the average income of customers, campaigns by what they
// promote or when they ended, and rows filtered by an amount named in brackets.
import { describe, expect, it } from "vitest";
import { expectPlan, plan, term, values } from "./__fixtures__/planner-fixture.ts";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";

const compare = (attribute: string, op: string, value: number) => ({ kind: "compare", attribute, op, value });
const CAMPAIGN_LIST = { kind: "list" as const, entity: "campaigns" };

const READINGS: [string, ExpectedPlan][] = [
  // 单子: loans, colloquially.
  ["逾期的单子有多少笔", { metrics: ["loan_count"], filters: [term("overdue")] }],
  ["逾期的单子一共多少笔,余额多少", { metrics: ["loan_count", "outstanding_balance"], filters: [term("overdue")] }],
  ["不良单子按支行分布", { metrics: ["loan_count"], dimensions: ["branch"], filters: [term("npl")] }],
  // 客群 with no campaign word is the customers' value tier; beside campaigns, the campaigns' target tier.
  ["高价值客群目前的贷款余额一共多少", { metrics: ["outstanding_balance"], filters: [values("value_tier", "high")] }],
  ["高价值客群的逾期率", { metrics: ["overdue_rate"], filters: [values("value_tier", "high")] }],
  ["低价值客群有多少人", { metrics: ["customer_count"], filters: [values("value_tier", "low")] }],
  ["中等价值客群按城市分布", { metrics: ["customer_count"], dimensions: ["city"], filters: [values("value_tier", "medium")] }],
  ["面向高价值客群的营销活动有哪些", { ...CAMPAIGN_LIST, filters: [values("target_tier", "high")] }],
  ["高价值客群的活动有哪些", { ...CAMPAIGN_LIST, filters: [values("target_tier", "high")] }],
  // A dimension's name set to a value ("设定为", "is") names that value.
  ["目标客群设定为高价值的营销活动有哪些", { ...CAMPAIGN_LIST, filters: [values("target_tier", "high")] }],
  ["目标客群是高价值的营销活动有哪些", { ...CAMPAIGN_LIST, filters: [values("target_tier", "high")] }],
  // under-30 (hyphenated) is the young term, not "fewer than 30".
  ["overdue loans among under-30 customers: how many?", { metrics: ["loan_count"], filters: [term("overdue"), term("young")] }],
  ["under-30 borrowers, how many?", { metrics: ["customer_count"], filters: [term("young"), term("borrower")] }],
  ["under-30 customers by city", { metrics: ["customer_count"], dimensions: ["city"], filters: [term("young")] }],
  ["branches with under 30 customers", { metrics: ["customer_count"], dimensions: ["branch"], having: [{ metric: "customer_count", op: "lt", value: 30 }] }],
  // Campaigns running now: the active-campaign term.
  ["当前在跑的营销活动有哪些", { ...CAMPAIGN_LIST, filters: [term("active_campaign")] }],
  ["在跑的活动有几个", { metrics: ["campaign_count"], filters: [term("active_campaign")] }],
  ["还在跑的营销活动总预算", { metrics: ["campaign_budget"], filters: [term("active_campaign")] }],
  ["conversion rate of the campaigns that are currently running", { metrics: ["conversion_rate"], filters: [term("active_campaign")] }],
  ["which campaigns are still running", { ...CAMPAIGN_LIST, filters: [term("active_campaign")] }],
  ["how many campaigns are running now", { metrics: ["campaign_count"], filters: [term("active_campaign")] }],
  // ("active" said of other rows stays theirs.)
  ["how many loans that are active", { metrics: ["loan_count"], filters: [term("active_loan")] }],
  // Campaigns by the product they promote (推, promoting) and by when they ended.
  ["有哪些活动是推房贷的", { ...CAMPAIGN_LIST, filters: [values("product_category", "mortgage")] }],
  ["推车贷的活动有哪些", { ...CAMPAIGN_LIST, filters: [values("product_category", "auto")] }],
  ["campaigns promoting auto loans", { ...CAMPAIGN_LIST, filters: [values("product_category", "auto")] }],
  ["campaigns that ended last quarter", { ...CAMPAIGN_LIST, time: ["2026-01-01", "2026-03-31"], dateAttribute: "end_date" }],
  ["campaigns that finished last month", { ...CAMPAIGN_LIST, time: ["2026-05-01", "2026-05-31"], dateAttribute: "end_date" }],
  ["上季度结束的活动有哪些", { ...CAMPAIGN_LIST, time: ["2026-01-01", "2026-03-31"], dateAttribute: "end_date" }],
  // A qualifier of a term said before its shorter name (还款 + 风险变高) is part of the term, not rows of its own.
  ["还款风险变高的客户按城市统计人数", { metrics: ["customer_count"], dimensions: ["city"], filters: [term("rising_repayment_risk")] }],
  ["还款风险提高的客户有哪些", { kind: "list", entity: "customers", filters: [term("rising_repayment_risk")] }],
  ["customers whose repayment risk is going up — break it down by value tier", { metrics: ["customer_count"], dimensions: ["value_tier"], filters: [term("rising_repayment_risk")] }],
  ["how many customers have repayment risk increasing, by city", { metrics: ["customer_count"], dimensions: ["city"], filters: [term("rising_repayment_risk")] }],
  // A count of the term's own rows said right after a term that is also a rate (M1+, NPL) counts those rows.
  ["各产品类别M1+贷款笔数", { metrics: ["loan_count"], dimensions: ["product_category"], filters: [term("delinquent_30")] }],
  ["各支行90+贷款笔数", { metrics: ["loan_count"], dimensions: ["branch"], filters: [term("delinquent_90")] }],
  ["NPL loan count by region", { metrics: ["loan_count"], dimensions: ["region"], filters: [term("npl")] }],
  ["m1+ loan count per branch", { metrics: ["loan_count"], dimensions: ["branch"], filters: [term("delinquent_30")] }],
  ["各产品类别M1+逾期率和贷款笔数", { metrics: ["overdue_30_rate", "loan_count"], dimensions: ["product_category"], filters: [] }],
  ["不良的贷款有多少笔,按五级分类分开数", { metrics: ["loan_count"], dimensions: ["risk_class"], filters: [term("npl")] }],
  // How many and how much: the count and the rows' one money total.
  ["installments due soon - how many and how much?", { metrics: ["installment_count", "due_amount"], filters: [term("due_soon")] }],
  ["due soon installments: how many, how much", { metrics: ["installment_count", "due_amount"], filters: [term("due_soon")] }],
  ["即将到期的还款有多少笔,多少钱", { metrics: ["installment_count", "due_amount"], filters: [term("due_soon")] }],
  ["how many loans and how much outstanding balance by branch", { metrics: ["loan_count", "outstanding_balance"], dimensions: ["branch"] }],
  // The average annual income of customers.
  ["avg annual income of low value customers", { metrics: ["average_annual_income"], filters: [term("low_value")] }],
  ["低价值客户的平均年收入", { metrics: ["average_annual_income"], filters: [term("low_value")] }],
  ["average income of customers by occupation", { metrics: ["average_annual_income"], dimensions: ["occupation"] }],
  // Colloquial list words (一份, 进来).
  ["通过电销进来、已经流失的客户有哪些", { kind: "list", entity: "customers", filters: [values("channel", "telemarketing"), term("churned")] }],
  ["给我一份今年做过重组的贷款名单", { kind: "list", entity: "loans", filters: [{ kind: "related", entity: "collection_actions", exists: true, filters: [values("action_type", "restructure")], time: { start: "2026-01-01", end: "2026-06-30" } }] }],
  // An amount compared with a number, said of the rows that carry it, lists them (also named in brackets after it).
  ["applications approved this year for more than 500k (approved amount)", { kind: "list", entity: "applications", filters: [values("decision", "approved"), compare("approved_amount", "gt", 500000)], time: ["2026-01-01", "2026-06-30"] }],
  ["applications approved this year with approved amount over 500k", { kind: "list", entity: "applications", filters: [values("decision", "approved"), compare("approved_amount", "gt", 500000)] }],
  ["applications with requested amount above 1m", { kind: "list", entity: "applications", filters: [compare("requested_amount", "gt", 1000000)] }],
  ["how many applications approved this year with approved amount over 500k", { metrics: ["application_count"], filters: [values("decision", "approved"), compare("approved_amount", "gt", 500000)] }],
  // A count word before a customer term counts customers; before loans, loans.
  ["how many young customers have an overdue loan", { metrics: ["customer_count"], filters: [term("young"), term("overdue")] }],
  ["年轻人有多少笔逾期贷款", { metrics: ["loan_count"], filters: [term("young"), term("overdue")] }],
  ["how many borrowers have an npl", { metrics: ["customer_count"], filters: [term("borrower"), term("npl")] }],
];

/** Questions whose words cannot all be served: declined, never answered with a word dropped. */
const DECLINED: string[] = [
  // Loans have several money totals (disbursed, outstanding): "how much" names none of them.
  "how many overdue loans and how much",
  "逾期贷款有多少笔、多少钱",
  // A customer term counted ("how many young") is never answered with a count of loans.
  "how many young have an overdue loan",
  "how many under-30 have an overdue loan",
  // 分开 (separately) with nothing named to separate by.
  "逾期贷款分开统计",
  "高价值客群分开看逾期率",
  // A write said with a setting word.
  "把CP001的目标客群设定为高价值",
];

describe("offline planner: term readings of a fresh dev batch", () => {
  it.each(READINGS)("%s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });
  it.each(DECLINED)("declines %s", (question) => {
    expect(plan(question).status, question).not.toBe("plan");
  });
});
