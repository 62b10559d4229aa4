// Names written with digits (90+, 30+, M3+) beat the number reading; a follow-up term on the same columns replaces the old one.
import { describe, expect, it } from "vitest";
import { expectPlan, plan, term, values, converse } from "./__fixtures__/planner-fixture.ts";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";

const LOANS_90 = [term("delinquent_90")];
const LOANS_30 = [term("delinquent_30")];

const DIGIT_NAMES: [string, ExpectedPlan][] = [
  ["list the 90+ loans", { kind: "list", entity: "loans", filters: LOANS_90 }],
  ["show me the 90+ loans", { kind: "list", entity: "loans", filters: LOANS_90 }],
  ["列出90+的贷款", { kind: "list", entity: "loans", filters: LOANS_90 }],
  ["90+贷款清单", { kind: "list", entity: "loans", filters: LOANS_90 }],
  ["how many 90+ loans are there", { metrics: ["loan_count"], filters: LOANS_90 }],
  ["90+的贷款有几笔", { metrics: ["loan_count"], filters: LOANS_90 }],
  ["90+ loans by product", { metrics: ["loan_count"], dimensions: ["product"], filters: LOANS_90 }],
  ["各产品90+贷款笔数", { metrics: ["loan_count"], dimensions: ["product"], filters: LOANS_90 }],
  ["90+ balance by region", { metrics: ["outstanding_balance"], dimensions: ["region"], filters: LOANS_90 }],
  ["各区域90+贷款余额", { metrics: ["outstanding_balance"], dimensions: ["region"], filters: LOANS_90 }],
  ["M3+ balance by region", { metrics: ["outstanding_balance"], dimensions: ["region"], filters: LOANS_90 }],
  ["M3+ by region", { metrics: ["overdue_90_rate"], dimensions: ["region"], filters: [] }],
  ["30+ loans by product", { metrics: ["loan_count"], dimensions: ["product"], filters: LOANS_30 }],
  ["list the 30+ loans in Shanghai", { kind: "list", entity: "loans", filters: [...LOANS_30, values("city", "Shanghai")] }],
  ["上海的30+贷款有多少笔", { metrics: ["loan_count"], filters: [...LOANS_30, values("city", "Shanghai")] }],
  ["30+贷款余额", { metrics: ["outstanding_balance"], filters: LOANS_30 }],
  ["90+ rate by city", { metrics: ["overdue_90_rate"], dimensions: ["city"] }],
  ["90+逾期率按城市", { metrics: ["overdue_90_rate"], dimensions: ["city"] }],
  ["how many loans are 90+ days past due", { metrics: ["loan_count"], filters: LOANS_90 }],
  ["逾期90天以上的贷款有多少笔", { metrics: ["loan_count"], filters: LOANS_90 }],
  // Plain numbers still read as numbers.
  ["余额超过90万的贷款有多少笔", { metrics: ["loan_count"], filters: [{ kind: "compare", attribute: "outstanding_balance", op: "gt", value: 900000 }] }],
  ["customers with more than 2 active loans", { kind: "list", entity: "customers", filters: [{ kind: "compare", attribute: "customer_active_loan_count", op: "gt", value: 2 }] }],
];

// A raw value code that is a grammar word ("all" of the campaign target tier) is not a filter.
const GRAMMAR_CODES: [string, ExpectedPlan][] = [
  ["show me all overdue loans", { kind: "list", entity: "loans", filters: [term("overdue")] }],
  ["show me all 90+ loans", { kind: "list", entity: "loans", filters: LOANS_90 }],
  ["list all high value customers", { kind: "list", entity: "customers", filters: [term("high_value")] }],
  ["all loans in Shanghai by product", { metrics: ["loan_count"], dimensions: ["product"], filters: [values("city", "Shanghai")] }],
];

describe("offline planner: grammar words are not value codes", () => {
  it.each(GRAMMAR_CODES)("%s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });
});

describe("offline planner: names written with digits", () => {
  it.each(DIGIT_NAMES)("%s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });
});

const REPLACING: [string, string, ExpectedPlan][] = [
  ["90+ balance by region", "what about 30+?", { metrics: ["outstanding_balance"], dimensions: ["region"], filters: LOANS_30 }],
  ["各区域90+贷款余额", "30+的呢", { metrics: ["outstanding_balance"], dimensions: ["region"], filters: LOANS_30 }],
  ["list the 30+ loans", "what about 90+?", { kind: "list", entity: "loans", filters: LOANS_90 }],
  ["逾期贷款有多少笔", "90+的呢", { metrics: ["loan_count"], filters: LOANS_90 }],
  ["overdue loans by product", "what about 30+?", { metrics: ["loan_count"], dimensions: ["product"], filters: LOANS_30 }],
  // Terms on other columns are added, not replaced.
  ["逾期客户有多少", "其中高价值的呢", { metrics: ["customer_count"], filters: [term("overdue"), term("high_value")] }],
];

describe("offline planner: a follow-up term on the same columns replaces the old one", () => {
  it.each(REPLACING)("%s → %s", (first, second, expected) => {
    const outcomes = converse([first, second]);
    expect(outcomes[0].status).toBe("plan");
    expectPlan(outcomes[1], expected, second);
  });
});
