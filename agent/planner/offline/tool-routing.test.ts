// Tool routing: questions naming a scoring tool become validated tool plans in both languages; metric questions never do.
import { describe, expect, it } from "vitest";
import { TOOL_ROUTING } from "../../../schema/semantic-layer/tool-routes.ts";
import { SCORING_TOOL_NAMES, SCORING_TOOLS } from "../../../tools/scoring/registry.ts";
import type { ScoringToolName } from "../../../tools/scoring/registry.ts";
import { plannerContext } from "./__fixtures__/planner-fixture.ts";
import { planQuestion } from "./offline-planner.ts";
import { matchToolRoute, readDays, readLimit, routeToTool } from "./tool-routing.ts";

type Case = [question: string, tool: ScoringToolName, args: Record<string, unknown>];

const ZH_CASES: Case[] = [
  ["下周需要提醒还款的客户", "pre_due_risk", { days: 7 }],
  ["未来14天需要还款提醒的高价值客户", "pre_due_risk", { days: 14, value_tier: "high" }],
  ["明天到期提醒名单", "pre_due_risk", { days: 1 }],
  ["哪些客户需要提醒还款", "pre_due_risk", {}],
  ["未来十天最可能逾期的还款前30", "pre_due_risk", { days: 10, limit: 30 }],
  ["高价值客户中预警分最高的20位", "early_warning", { value_tier: "high", limit: 20 }],
  ["预警评分前十的客户", "early_warning", { limit: 10 }],
  ["早期预警名单", "early_warning", {}],
  ["流失风险最高的客户", "churn_risk", {}],
  ["哪些高价值客户可能流失", "churn_risk", { value_tier: "high" }],
  ["流失概率最高的前15个客户", "churn_risk", { limit: 15 }],
  ["哪些客户适合推荐车贷", "next_best_product", { category: "auto" }],
  ["交叉销售房贷给哪些客户", "next_best_product", { category: "mortgage" }],
  ["给中等价值客户推荐什么产品", "next_best_product", { value_tier: "medium" }],
  ["最有价值的客户前10", "customer_value", { limit: 10 }],
  ["预期价值最低的客户", "customer_value", { order: "lowest" }],
  ["PD趋势上升的客户", "risk_trend", { only_rising: true }],
  ["高价值客户的风险趋势", "risk_trend", { value_tier: "high" }],
  ["哪些客户下周要还款需要提醒", "pre_due_risk", { days: 7 }],
  ["给哪些客户推荐房贷", "next_best_product", { category: "mortgage" }],
  ["下周最可能逾期的还款列8笔", "pre_due_risk", { days: 7, limit: 8 }],
];

const EN_CASES: Case[] = [
  ["who should we remind before their due date next week", "pre_due_risk", { days: 7 }],
  ["Which borrowers should get a payment reminder in the next 14 days?", "pre_due_risk", { days: 14 }],
  ["who to remind tomorrow", "pre_due_risk", { days: 1 }],
  ["pre-due reminders for high-value customers", "pre_due_risk", { value_tier: "high" }],
  ["top 20 high-value customers by early warning score", "early_warning", { value_tier: "high", limit: 20 }],
  ["customers with the highest warning score", "early_warning", {}],
  ["customers most likely to churn", "churn_risk", {}],
  ["Which customers are most likely to churn?", "churn_risk", {}],
  ["top 10 customers at risk of leaving", "churn_risk", { limit: 10 }],
  ["churn risk of low value customers", "churn_risk", { value_tier: "low" }],
  ["who should we cross-sell auto loans to", "next_best_product", { category: "auto" }],
  ["upsell mortgages to which customers?", "next_best_product", { category: "mortgage" }],
  ["next best product for high value customers", "next_best_product", { value_tier: "high" }],
  ["most valuable customers top 10", "customer_value", { limit: 10 }],
  ["least valuable customers", "customer_value", { order: "lowest" }],
  ["customers whose PD trend is rising", "risk_trend", { only_rising: true }],
  ["show me the risk trend of high value customers", "risk_trend", { value_tier: "high" }],
  ["what products should we offer to high value customers", "next_best_product", { value_tier: "high" }],
  ["which loans are coming due next week and likely to be missed", "pre_due_risk", { days: 7 }],
  ["who are our 5 most valuable customers", "customer_value", { limit: 5 }],
  ["the twelve borrowers with the highest warning score", "early_warning", { limit: 12 }],
  ["rank high value customers by 12-month expected value", "customer_value", { value_tier: "high" }],
];

/** Metric and list questions the metric planner answers; a tool must never take them. */
const METRIC_QUESTIONS = [
  "逾期率",
  "流失率是多少",
  "各分行逾期率",
  "What's the churn rate?",
  "churn rate by month",
  "PD趋势",
  "平均PD按月趋势",
  "未处理预警数量",
  "number of open alerts by severity",
  "哪些高价值客户本月还款风险上升?",
  "Which high-value customers have rising repayment risk this month?",
  "即将到期还款的客户有多少个",
  "installments due soon",
  "按客户价值统计逾期率",
  "overdue rate by customer value",
  "流失风险高的客户有多少",
  "净推荐值",
];

describe("routing vocabulary", () => {
  it("names only registered tools, and every slot is a field of that tool's input", () => {
    for (const route of TOOL_ROUTING.routes) {
      expect(SCORING_TOOL_NAMES, route.tool).toContain(route.tool);
      const shape = (SCORING_TOOLS[route.tool as ScoringToolName].input as unknown as { shape: Record<string, unknown> }).shape;
      for (const slot of route.slots) expect(Object.keys(shape), `${route.tool}.${slot}`).toContain(slot);
    }
  });

  it("routes every tool, with triggers in both languages", () => {
    expect(new Set(TOOL_ROUTING.routes.map((route) => route.tool))).toEqual(new Set(SCORING_TOOL_NAMES));
    for (const route of TOOL_ROUTING.routes) {
      expect(route.triggers.zh.length, route.tool).toBeGreaterThan(0);
      expect(route.triggers.en.length, route.tool).toBeGreaterThan(0);
    }
  });
});

describe("questions naming a tool", () => {
  it.each([...ZH_CASES, ...EN_CASES])("%s → %s %o", (question, tool, args) => {
    const outcome = routeToTool(question);
    expect(outcome?.status).toBe("plan");
    if (outcome?.status !== "plan" || outcome.plan.query.kind !== "tool") throw new Error("not a tool plan");
    expect(outcome.plan.query.tool).toBe(tool);
    expect(outcome.plan.query.args).toEqual(args);
    expect(outcome.plan.query.filters).toEqual([]);
    expect(outcome.plan.query.limit).toBe(args.limit);
    expect(outcome.language).toBe(/[\u4e00-\u9fff]/.test(question) ? "zh" : "en");
    expect(SCORING_TOOLS[tool].input.safeParse(outcome.plan.query.args).success).toBe(true);
  });

  it("goes through the offline planner's hook", () => {
    for (const [question, tool] of [ZH_CASES[0], EN_CASES[0], ZH_CASES[5]]) {
      const outcome = planQuestion(question, plannerContext());
      expect(outcome.status === "plan" && outcome.plan.query.kind === "tool" ? outcome.plan.query.tool : outcome.status).toBe(tool);
    }
  });

  it("declines arguments the tool's input schema rejects", () => {
    // pre_due_risk looks at most 60 days ahead.
    expect(matchToolRoute("未来90天需要提醒还款的客户")).toBeUndefined();
  });

  it("leaves write commands to the planner", () => {
    const outcome = planQuestion("把流失风险最高的客户标记为已处理", plannerContext());
    expect(outcome.status === "plan" && outcome.plan.query.kind === "tool").toBe(false);
  });
});

describe("metric questions", () => {
  it.each(METRIC_QUESTIONS)("%s is not a tool plan", (question) => {
    expect(matchToolRoute(question)).toBeUndefined();
    const outcome = planQuestion(question, plannerContext());
    expect(outcome.status === "plan" ? outcome.plan.query.kind : outcome.status).not.toBe("tool");
  });
});

describe("argument words", () => {
  it.each<[string, number | undefined]>([
    ["前20", 20],
    ["top 20", 20],
    ["top ten customers", 10],
    ["20位", 20],
    ["前十", 10],
    ["流失风险最高的客户", undefined],
  ])("limit of %s is %s", (text, limit) => {
    expect(readLimit(text)).toBe(limit);
  });

  it.each<[string, number | undefined]>([
    ["下周", 7],
    ["next week", 7],
    ["未来10天", 10],
    ["next 3 days", 3],
    ["within 5 days", 5],
    ["30天内", 30],
    ["下个月", 30],
    ["tomorrow", 1],
    ["未来2周", 14],
    ["最可能逾期", undefined],
  ])("days window of %s is %s", (text, days) => {
    expect(readDays(text)).toBe(days);
  });
});
