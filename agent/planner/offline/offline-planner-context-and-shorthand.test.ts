// Context clauses and polite wrappers around a question, spelled-out counts, shorthand and split phrasal verbs (issue 5).
import { describe, expect, it } from "vitest";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";
import { expectPlan, plan } from "./__fixtures__/planner-fixture.ts";
import { isContextClause, withoutContextClause } from "./context-clause.ts";
import { joinSplitPhrasalVerbs } from "./english-phrasal-verbs.ts";
import { expandEnglishShorthand } from "./english-shorthand.ts";

const THIS_YEAR: [string, string] = ["2026-01-01", "2026-06-30"];
const THIS_MONTH: [string, string] = ["2026-06-01", "2026-06-30"];

const CONTEXT_CLAUSES: [string, ExpectedPlan][] = [
  ["Before my meeting with the CRO: what's the NPL ratio by branch?", { metrics: ["npl_ratio"], dimensions: ["branch"], filters: [] }],
  ["We're preparing a report for management - could you pull the overdue rate by city for me?", { metrics: ["overdue_rate"], dimensions: ["city"], filters: [] }],
  ["For the board meeting, what is the overdue rate?", { metrics: ["overdue_rate"], filters: [] }],
  ["明天要跟领导汇报,帮我整理一下各城市的逾期率", { metrics: ["overdue_rate"], dimensions: ["city"], filters: [] }],
  ["领导想看看,麻烦帮我查一下本月放款金额", { metrics: ["disbursement_amount"], time: THIS_MONTH, filters: [] }],
  ["周五要开会,帮我梳理一下各支行的不良率", { metrics: ["npl_ratio"], dimensions: ["branch"], filters: [] }],
];

/** A context clause naming something of the data model is content: the planner cannot place it, so it declines. */
const CONTENT_CLAUSES = [
  "For the mortgage review, what is the overdue rate?",
  "For the high-value customers review, what is the current average PD?",
  "为了给房贷做复盘,帮我查一下各支行目前的不良率",
  "领导想看逾期客户,帮我查一下本月放款金额",
];

const SHORTHAND: [string, ExpectedPlan][] = [
  ["which three cities have the most customers", { metrics: ["customer_count"], dimensions: ["city"], order: [["customer_count", "desc"]], limit: 3 }],
  ["show the ten branches with the highest npl ratio", { metrics: ["npl_ratio"], dimensions: ["branch"], order: [["npl_ratio", "desc"]], limit: 10 }],
  ["which four branches carry the most outstanding balance", { metrics: ["outstanding_balance"], dimensions: ["branch"], order: [["outstanding_balance", "desc"]], limit: 4 }],
  ["disbursement amt this yr", { metrics: ["disbursement_amount"], time: THIS_YEAR }],
  ["how much did we disburse last qtr", { metrics: ["disbursement_amount"], time: ["2026-01-01", "2026-03-31"] }],
  ["split the NPL ratio up by branch", { metrics: ["npl_ratio"], dimensions: ["branch"], filters: [] }],
  ["could you break the approval rate down by channel for me", { metrics: ["approval_rate"], dimensions: ["channel"] }],
];

describe("offline planner: context clauses and polite wrappers", () => {
  it.each(CONTEXT_CLAUSES)("drops the context: %s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });
  it.each(CONTENT_CLAUSES)("declines a clause with a model word it cannot place: %s", (question) => {
    expect(plan(question).status, question).not.toBe("plan");
  });
  it("keeps a leading clause that states no purpose", () => {
    expect(isContextClause("上个月")).toBe(false);
    expect(withoutContextClause("按城市, 逾期率", () => false)).toBe("按城市, 逾期率");
    expect(withoutContextClause("For the board, what is X", () => false)).toBe("what is X");
    expect(withoutContextClause("For the board, what is X", () => true)).toBe("For the board, what is X");
  });
});

describe("offline planner: spelled-out counts, shorthand and split phrasal verbs", () => {
  it.each(SHORTHAND)("%s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });
  it("leaves one and ambiguous abbreviations alone", () => {
    expect(expandEnglishShorthand("which one branch bal")).toBe("which one branch bal");
    expect(expandEnglishShorthand("top five this mth")).toBe("top 5 this month");
    expect(joinSplitPhrasalVerbs("break the overdue rate down by city")).toBe("the overdue rate by city");
  });
});
