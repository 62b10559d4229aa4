// Wrong readings found on fresh phrasings (issue 5), each fixed by a general rule: the planner must decline what it
// cannot honour and read numbers with their written scale.
import { describe, expect, it } from "vitest";
import { plannerContext } from "./__fixtures__/planner-fixture.ts";
import { planQuestion } from "./offline-planner.ts";
import type { PlannerOutcome } from "../planner.ts";

const plan = (question: string): PlannerOutcome => planQuestion(question, plannerContext());

describe("scoring-tool questions naming something the tool cannot honour decline", () => {
  it.each([
    "pitch a credit card to our top 10 customers",
    "who should we pitch credit cards to",
    "给哪些客户推荐信用卡",
    "向哪些客户推销理财产品",
    "交叉销售保险给哪些客户",
    "which customers should we cross sell insurance to",
    "who should we offer a gold loan to",
    "which customers should we upsell payday loans to",
  ])("%s → out of scope", (question) => {
    const outcome = plan(question);
    expect(outcome.status).toBe("unsupported");
    if (outcome.status === "unsupported") expect(outcome.reason).toBe("out_of_scope");
  });

  it.each<[string, Record<string, unknown>]>([
    ["who should we pitch auto loans to", { category: "auto" }],
    ["给哪些客户推荐房贷", { category: "mortgage" }],
    ["what products should we offer to high value customers", { value_tier: "high" }],
    ["交叉销售车贷给哪些客户", { category: "auto" }],
  ])("%s still routes to next_best_product %o", (question, args) => {
    const outcome = plan(question);
    if (outcome.status !== "plan" || outcome.plan.query.kind !== "tool") throw new Error(`not a tool plan: ${outcome.status}`);
    expect(outcome.plan.query.tool).toBe("next_best_product");
    expect(outcome.plan.query.args).toEqual(args);
  });

  it("reads no unknown kind of loan in tools without a category (a filter there declines on its own)", () => {
    const outcome = plan("early warning scores for customers with overdue loans, top 10");
    expect(outcome.status === "unsupported" ? outcome.reason : outcome.status).toBe("not_understood");
  });
});

describe("a scale written after digits multiplies them once", () => {
  it.each<[string, number]>([
    ["贷款余额超过5千万的支行", 5e7],
    ["本金大于2.5千万的贷款有几笔", 2.5e7],
    ["本金大于5百万的贷款有几笔", 5e6],
    ["principal over 50m, how many loans", 5e7],
  ])("%s → %d", (question, value) => {
    const outcome = plan(question);
    if (outcome.status !== "plan" || outcome.plan.query.kind === "tool") throw new Error(`not a plan: ${outcome.status}`);
    const json = JSON.stringify(outcome.plan.query);
    expect(json).toContain(`"value":${value}`);
  });
});

describe("a tool question with a filter the tool's arguments cannot hold declines", () => {
  it.each([
    "most valuable customers in Shanghai",
    "上海最有价值的20个客户",
    "risk trend for customers in Beijing",
    "北京客户的风险趋势",
    "预警分最高的房贷客户",
    "early warning top 20 for mortgages",
    "recommend a product for customer C00012",
    "给客户C00012推荐什么产品",
    "lifetime value of customers who have a car loan",
  ])("%s declines", (question) => {
    expect(plan(question).status).toBe("unsupported");
  });

  it.each<[string, string]>([
    ["高价值客户中预警分最高的20位", "early_warning"],
    ["who is most likely to churn among our premium clients", "churn_risk"],
    ["which customers should we pitch a mortgage to, top 5", "next_best_product"],
    ["谁下周要还款需要提醒", "pre_due_risk"],
  ])("%s still routes to %s", (question, tool) => {
    const outcome = plan(question);
    expect(outcome.status === "plan" && outcome.plan.query.kind === "tool" ? outcome.plan.query.tool : outcome.status).toBe(tool);
  });
});

describe("rows counted beside another measure must be counted", () => {
  it.each(["各渠道申请数量和通过率", "applications and approval rate by channel", "各渠道的申请和通过率", "loans and balance by branch"])("%s is not answered with the other measure alone", (question) => {
    const outcome = plan(question);
    if (outcome.status === "plan" && outcome.plan.query.kind === "aggregate") expect(outcome.plan.query.metrics.some((id) => id.endsWith("_count"))).toBe(true);
  });

  it.each<[string, string[]]>([
    ["各分行贷款笔数和余额", ["loan_count", "outstanding_balance"]],
    ["number of loans and overdue rate by product", ["loan_count", "overdue_rate"]],
    ["贷款余额和逾期率", ["outstanding_balance", "overdue_rate"]],
  ])("%s still measures %o", (question, metrics) => {
    const outcome = plan(question);
    if (outcome.status !== "plan") throw new Error(`declined: ${outcome.status}`);
    expect(JSON.stringify(outcome.plan)).toContain(metrics[0]);
    expect(JSON.stringify(outcome.plan)).toContain(metrics[1]);
  });
});

describe("income per month is not the annual income column", () => {
  it.each(["customers with monthly income over 20k", "月收入超过2万的客户数", "月薪1万以上的客户有多少", "how many customers earn over 20k per month", "customers making more than 30k a month", "每月收入超过3万的客户"])("%s declines", (question) => {
    expect(plan(question).status).toBe("unsupported");
  });

  it.each(["年收入超过50万的客户数", "customers with annual income over 500k"])("%s still compares annual income", (question) => {
    const outcome = plan(question);
    if (outcome.status !== "plan") throw new Error(`declined: ${outcome.status}`);
    expect(JSON.stringify(outcome.plan)).toContain("annual_income");
  });
});

describe("a number's unit must suit the measure it is compared with", () => {
  it.each(["放款超过1亿的支行", "每月放款超过1亿的支行", "客户数超过5%的城市"])("%s declines rather than compare unlike things", (question) => {
    expect(plan(question).status).not.toBe("plan");
  });

  it.each<[string, string]>([
    ["放款金额超过1亿的支行", "disbursement_amount"],
    ["branches that lent more than 100m", "disbursement_amount"],
    ["不良率超过3%的支行", "npl_ratio"],
    ["贷款笔数超过100笔的支行", "loan_count"],
  ])("%s keeps its condition on %s", (question, metric) => {
    const outcome = plan(question);
    if (outcome.status !== "plan" || outcome.plan.query.kind !== "aggregate") throw new Error(`not an aggregate: ${outcome.status}`);
    expect(outcome.plan.query.having.map((condition) => condition.metric)).toContain(metric);
  });
});

describe("a negation's scope", () => {
  const negatedValues = (question: string): string[] => {
    const outcome = plan(question);
    if (outcome.status !== "plan" || (outcome.plan.query.kind !== "aggregate" && outcome.plan.query.kind !== "list")) throw new Error(`not a plan: ${outcome.status}`);
    return outcome.plan.query.filters.flatMap((filter) => (filter.kind === "not" && filter.filter.kind === "in" ? filter.filter.values : []));
  };
  const positiveValues = (question: string): string[] => {
    const outcome = plan(question);
    if (outcome.status !== "plan" || (outcome.plan.query.kind !== "aggregate" && outcome.plan.query.kind !== "list")) throw new Error(`not a plan: ${outcome.status}`);
    return outcome.plan.query.filters.flatMap((filter) => (filter.kind === "in" ? filter.values : []));
  };

  it.each<[string, string[]]>([
    ["除了房贷和车贷以外的贷款余额", ["mortgage", "auto"]],
    ["balance of loans other than mortgages and car loans", ["mortgage", "auto"]],
    ["balance excluding mortgages and auto loans by branch", ["mortgage", "auto"]],
  ])("%s excludes every value joined to the first", (question, values) => {
    expect(negatedValues(question).sort()).toEqual([...values].sort());
    expect(positiveValues(question)).toEqual([]);
  });

  it.each<[string, string]>([
    ["北京以外的不良贷款笔数", "Beijing"],
    ["上海之外的贷款余额", "Shanghai"],
    ["non-performing loans count excluding Beijing", "Beijing"],
  ])("%s excludes the word the negation is said of (%s), keeping the rest", (question, value) => {
    expect(negatedValues(question)).toEqual([value]);
    const outcome = plan(question);
    if (outcome.status !== "plan" || (outcome.plan.query.kind !== "aggregate" && outcome.plan.query.kind !== "list")) throw new Error("not a plan");
    expect(JSON.stringify(outcome.plan.query.filters).includes('"kind":"not","filter":{"kind":"term"')).toBe(false);
  });
});
