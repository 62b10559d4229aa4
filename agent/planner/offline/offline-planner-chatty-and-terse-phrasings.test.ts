// Answerable paraphrases once declined: chatty openings (hey, quick one; I have a meeting…: need one number), "across
// the board", colloquial verbs (放出去, 新放, 审批花了多久), 咱们行 (our bank), 价值最高的N个客户 (the customer_value
// tool), PD 在走高/持续上行 (the risk_trend tool), 各大区 and a terse manager's bare dimension before a metric (分行贷款余额).
import { describe, expect, it } from "vitest";
import type { ConversationTurn } from "../planner.ts";
import { expectPlan, plan, term, values } from "./__fixtures__/planner-fixture.ts";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";

const JUNE: [string, string] = ["2026-06-01", "2026-06-30"];
const MAY: [string, string] = ["2026-05-01", "2026-05-31"];
const THIS_YEAR: [string, string] = ["2026-01-01", "2026-06-30"];

const CASES: [string, ExpectedPlan][] = [
  // A leading clause about the asker (a greeting, "quick one", a meeting, "need one number") is context.
  ["hey, quick one - what's our NPL ratio?", { metrics: ["npl_ratio"], filters: [] }],
  ["quick one: how many active loans do we have?", { metrics: ["loan_count"], filters: [term("active_loan")] }],
  ["I have a meeting this afternoon and need one number: what is the overdue rate?", { metrics: ["overdue_rate"], filters: [] }],
  ["we've got a board meeting tomorrow - what's the approval rate this month?", { metrics: ["approval_rate"], time: JUNE }],
  ["我下午有个会,本月放款金额多少", { metrics: ["disbursement_amount"], time: JUNE }],
  ["我明天有个汇报,就要一个数:当前的逾期率", { metrics: ["overdue_rate"], filters: [] }],
  // "across the board" is overall: no filter.
  ["what's the NPL ratio across the board?", { metrics: ["npl_ratio"], filters: [] }],
  ["approval rate across the board this month", { metrics: ["approval_rate"], filters: [], time: JUNE }],
  ["overdue rate across the board", { metrics: ["overdue_rate"], filters: [] }],
  // 放出去 / 放出来 / 新放: lending out is the disbursement (dates loans by disbursement).
  ["今年放出去多少钱", { metrics: ["disbursement_amount"], time: THIS_YEAR }],
  ["上个月放出去的贷款有几笔", { metrics: ["loan_count"], time: MAY }],
  ["本月新放的贷款有多少笔", { metrics: ["loan_count"], time: JUNE }],
  ["上个月新放的贷款列一下", { kind: "list", entity: "loans", time: MAY }],
  // Spending time on approvals (花了, 用了, 耗时) is the approval duration.
  ["本月审批平均花了多久", { metrics: ["average_approval_hours"], time: JUNE }],
  ["上个月审批平均用了多长时间", { metrics: ["average_approval_hours"], time: MAY }],
  ["上个月审批平均耗时多少小时", { metrics: ["average_approval_hours"], time: MAY }],
  // 咱们行 / 我们行 / 本行 / 我行: our bank, the whole data.
  ["咱们行一共有多少客户", { metrics: ["customer_count"], filters: [] }],
  ["我们行的贷款余额是多少", { metrics: ["outstanding_balance"], filters: [] }],
  ["本行都有哪些贷款产品", { kind: "list", entity: "products", filters: [] }],
  ["我行上个月放款金额", { metrics: ["disbursement_amount"], time: MAY }],
  // 各大区: each region (the segmenter reads 各大 as one word).
  ["各大区贷款余额", { metrics: ["outstanding_balance"], dimensions: ["region"] }],
  ["上个月各大区放款金额", { metrics: ["disbursement_amount"], dimensions: ["region"], time: MAY }],
  // A bare dimension word right before the one metric asked groups it (a terse manager's question).
  ["分行贷款余额", { metrics: ["outstanding_balance"], dimensions: ["branch"], filters: [] }],
  ["上月产品放款金额", { metrics: ["disbursement_amount"], dimensions: ["product"], time: MAY }],
  ["大区不良率", { metrics: ["npl_ratio"], dimensions: ["region"] }],
  ["渠道审批通过率", { metrics: ["approval_rate"], dimensions: ["channel"] }],
  ["region NPL ratio", { metrics: ["npl_ratio"], dimensions: ["region"] }],
  // …but a named branch or city is a filter, not a grouping.
  ["浦东支行贷款余额", { metrics: ["outstanding_balance"], dimensions: [], filters: [values("branch", "BR01")] }],
];

describe("chatty and terse phrasings", () => {
  it.each(CASES)("%s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });

  it.each([
    ["价值最高的10个客户是谁", { limit: 10 }],
    ["价值最高的5位客户", { limit: 5 }],
    ["价值最低的20个客户", { order: "lowest", limit: 20 }],
    ["价值最高的三个客户", { limit: 3 }],
  ])("reads the count between 价值最高/最低 and the customers as the customer_value tool's limit: %s", (question, args) => {
    const outcome = plan(question);
    expect(outcome.status === "plan" ? outcome.plan.query : outcome).toMatchObject({ kind: "tool", tool: "customer_value", args });
  });

  it.each([
    ["哪些客户的违约概率在走高", {}],
    ["哪些客户PD在走高", {}],
    ["违约概率持续上行的客户有哪些", {}],
    ["哪些高价值客户的违约概率在走高", { value_tier: "high" }],
  ])("routes a PD said to be trending up (在走高, 持续上行) to the risk_trend tool, rising only: %s", (question, args) => {
    const outcome = plan(question);
    expect(outcome.status === "plan" ? outcome.plan.query : outcome).toMatchObject({ kind: "tool", tool: "risk_trend", args: { only_rising: true, ...args } });
  });

  it.each(["价值最高的5个上海客户", "哪些客户的违约概率在走低", "我们行业的贷款余额", "支行的贷款余额是多少", "I have a meeting with the Pudong branch: what's the overdue rate?"])(
    "does not answer a reading that drops a word: %s",
    (question) => {
      const outcome = plan(question);
      if (outcome.status !== "plan") return;
      const said = JSON.stringify(outcome.plan.query);
      // Whatever is answered keeps the word: the city, the falling direction, the branch.
      expect(said).not.toMatch(/"tool":"customer_value","args":\{"limit":5\}/);
      expect(said).not.toContain('"only_rising":true');
      expect(outcome.plan.query).not.toMatchObject({ kind: "aggregate", metrics: ["outstanding_balance"], dimensions: [], filters: [] });
      expect(outcome.plan.query).not.toMatchObject({ kind: "aggregate", metrics: ["overdue_rate"], filters: [] });
    },
  );

  it("keeps the bare dimension's grouping through a terse follow-up (取前五)", () => {
    const first = plan("分行贷款余额");
    const history: ConversationTurn[] = [{ question: "分行贷款余额", language: "zh", plan: first.status === "plan" ? first.plan : undefined, status: first.status === "plan" ? "answered" : first.status }];
    expectPlan(plan("取前五", "2026-06-30", history), { metrics: ["outstanding_balance"], dimensions: ["branch"], order: [["outstanding_balance", "desc"]], limit: 5 });
  });
});
