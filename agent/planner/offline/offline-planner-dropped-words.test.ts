// Words a plan once dropped silently (issue 5): each member of a dimension, a count word joined to a measure, a
// tool's count, verbs of disbursing and approving; each is now read, or the question is declined.
import { describe, expect, it } from "vitest";
import { plannerContext } from "./__fixtures__/planner-fixture.ts";
import type { ConversationTurn } from "../planner.ts";
import { planQuestion } from "./offline-planner.ts";
import type { PlannerOutcome } from "../planner.ts";

const plan = (question: string): PlannerOutcome => planQuestion(question, plannerContext());

/** The plan's query, or a thrown error naming the outcome. */
function queryOf(question: string) {
  const outcome = plan(question);
  if (outcome.status !== "plan") throw new Error(`${question}: not a plan (${outcome.status})`);
  return outcome.plan.query;
}

const declined = (question: string) => expect(plan(question).status, question).not.toBe("plan");

describe("a dimension said after every/each/all (每个/所有) groups by it", () => {
  it.each<[string, string, string]>([
    ["what's the NPL ratio of every branch?", "npl_ratio", "branch"],
    ["overdue rate of each product", "overdue_rate", "product"],
    ["the cost per application of each of our campaigns", "cost_per_application", "campaign"],
    ["NPL ratio of all the cities", "npl_ratio", "city"],
    ["所有城市的逾期率", "overdue_rate", "city"],
    ["每一个产品的不良率是多少", "npl_ratio", "product"],
    ["全部支行的贷款余额", "outstanding_balance", "branch"],
  ])("%s → %s by %s", (question, metric, dimension) => {
    expect(queryOf(question)).toMatchObject({ kind: "aggregate", metrics: [metric], dimensions: [{ id: dimension }] });
  });

  it.each(["total loan balance across all branches", "所有支行的贷款余额合计", "overall NPL ratio of all products"])("%s → one total", (question) => {
    expect(queryOf(question)).toMatchObject({ kind: "aggregate", dimensions: [] });
  });
});

describe("a dimension word that neither groups, qualifies a value nor names the measured rows is not dropped", () => {
  it.each(["NPL ratio of cities", "渠道的转化率", "the overdue rate of products", "分行的不良率"])("%s is declined", declined);

  it.each<[string, string]>([
    ["上海分行的不良率", "npl_ratio"],
    ["上月营销活动的转化率", "conversion_rate"],
    ["conversion rate of the campaigns that are currently running", "conversion_rate"],
    ["营销活动整体的转化率是多少", "conversion_rate"],
  ])("%s → %s (the word places a value or names the rows)", (question, metric) => {
    expect(queryOf(question)).toMatchObject({ kind: "aggregate", metrics: [metric], dimensions: [] });
  });
});

describe("a count word joined to a measure counts the measured rows too", () => {
  it.each(["count and balance of overdue loans?", "number and balance of NPL loans", "balance and count of overdue loans", "逾期贷款的数量和余额", "不良贷款的余额和个数"])("%s → loan count and balance", (question) => {
    const query = queryOf(question);
    expect(query).toMatchObject({ kind: "aggregate", metrics: ["loan_count", "outstanding_balance"] });
    expect(query.kind === "aggregate" && query.filters.length).toBe(1);
  });

  // A measure with its own condition (不良贷款余额) or over other rows than the count's (active loans' balance beside
  // all loans) would count other rows: declined rather than a count of all loans.
  it.each(["不良贷款余额和数量", "count and balance of loans"])("%s is declined", declined);
});

describe("a count said of a scoring tool's rows is its limit, never dropped", () => {
  it.each<[string, string, number]>([
    ["the 5 high value customers most likely to churn", "churn_risk", 5],
    ["the 3 low value customers most likely to leave", "churn_risk", 3],
    ["最可能流失的5个高价值客户", "churn_risk", 5],
    ["top 5 high-value customers at risk of leaving", "churn_risk", 5],
    ["the 5 high value customers most at risk of churning", "churn_risk", 5],
    ["最有可能流失的高价值客户前五名", "churn_risk", 5],
  ])("%s → %s limit %d", (question, tool, limit) => {
    expect(queryOf(question)).toMatchObject({ kind: "tool", tool, args: { limit } });
  });

  it.each(["the 5 customers in Shanghai most likely to churn", "the 5 high value customers in Shanghai most likely to churn", "the 10 mortgage customers most likely to miss a payment"])(
    "%s is declined (a filter the tool cannot hold)",
    declined,
  );

  it.each<[string, string, number]>([
    ["our 5 most valuable customers by expected value", "customer_value", 5],
    ["中等价值客户里未来12个月预期价值最高的10个", "customer_value", 10],
  ])("%s → %s limit %d (a horizon in months is no count)", (question, tool, limit) => {
    expect(queryOf(question)).toMatchObject({ kind: "tool", tool, args: { limit } });
  });

  it("a window's days are not a count", () => {
    expect(queryOf("which customers due in the next 7 days are most likely to miss a payment")).toMatchObject({ kind: "tool", tool: "pre_due_risk", args: { days: 7 } });
  });
});

describe("disbursing said as a verb is the disbursement", () => {
  it.each<[string, string]>([
    ["how much have we disbursed this month", "2026-06-01"],
    ["how much was disbursed this quarter", "2026-04-01"],
    ["how much did the bank lend out last month", "2026-05-01"],
    ["上月一共放款多少金额", "2026-05-01"],
    ["本月发放了多少金额", "2026-06-01"],
    ["今年放贷多少钱", "2026-01-01"],
  ])("%s → disbursement from %s", (question, start) => {
    expect(queryOf(question)).toMatchObject({ kind: "aggregate", metrics: ["disbursement_amount"], time: { start } });
  });

  it("a count of loans disbursed stays a count", () => {
    expect(queryOf("how many loans have we disbursed this month")).toMatchObject({ kind: "aggregate", metrics: ["loan_count"] });
  });
});

describe("how long approvals take is the approval duration", () => {
  it.each([
    "how long does an approval take on average?",
    "how long do approvals usually take",
    "how many hrs did approvals take on avg last month?",
    "how many hours does a loan approval take",
  ])("%s → average approval hours", (question) => {
    expect(queryOf(question)).toMatchObject({ kind: "aggregate", metrics: ["average_approval_hours"] });
  });
});

describe("a segment said after the measure, with a grouping, is its share within each group", () => {
  it.each<[string, string, string]>([
    ["share of balance 90+ days past due, by city", "city", "delinquent_90"],
    ["what share of the loan book is 90+ by city", "city", "delinquent_90"],
    ["share of balance overdue, by branch", "branch", "overdue"],
    ["what share of balance is overdue in each product", "product", "overdue"],
  ])("%s → share of %s within each %s", (question, dimension, term) => {
    const query = queryOf(question);
    expect(query).toMatchObject({ kind: "aggregate", dimensions: [{ id: dimension }], shareOf: { kind: "term", term } });
    expect(query.kind === "aggregate" && query.share).toBeFalsy();
  });

  it.each(["各城市90天以上逾期余额占比", "share of consumer loan balance by city", "各地区贷款余额占比"])("%s → each group's share of the whole", (question) => {
    expect(queryOf(question)).toMatchObject({ kind: "aggregate", share: true });
  });
});

describe("rows qualified by two values of one dimension, joined, are two segments", () => {
  it.each(["有抵押的贷款和信用贷款各自的逾期率", "抵押贷款和信用贷款各自的逾期率", "有抵押的贷款和无抵押的贷款的不良率", "担保类的贷款和信用类的贷款余额分别是多少"])("%s → grouped by secured", (question) => {
    expect(queryOf(question)).toMatchObject({ kind: "aggregate", dimensions: [{ id: "secured" }], filters: [{ kind: "in", dimension: "secured", values: ["1", "0"] }] });
  });

  it.each(["上海的贷款和信用贷款的逾期率", "预警和已解决预警"])("%s is declined (values of other dimensions, or only the second rows qualified)", declined);
});

describe("installments due that may default route to the pre-due risk tool", () => {
  it.each<[string, number | undefined]>([
    ["未来30天内到期的还款可能违约的客户", 30],
    ["下周到期的还款里哪些客户可能违约", 7],
    ["未来两周到期的还款可能还不上的客户", 14],
    ["customers likely to default on a payment due in the next 30 days", 30],
    ["which borrowers might default on their next payment", undefined],
  ])("%s → pre_due_risk (days %s)", (question, days) => {
    expect(queryOf(question)).toMatchObject({ kind: "tool", tool: "pre_due_risk", args: days === undefined ? {} : { days } });
  });
});

describe("rows said right after a value place it, also in a follow-up", () => {
  it.each<[string, string]>([
    ["上个月放款金额多少", "上海的支行呢"],
    ["本月放款金额", "北京的支行呢"],
    ["disbursement last month", "what about Shanghai's branches?"],
  ])("%s → %s keeps one total for the city", (first, second) => {
    const outcome = planQuestion(first, plannerContext());
    if (outcome.status !== "plan") throw new Error(`${first}: not a plan`);
    const history: ConversationTurn[] = [{ question: first, language: outcome.language, plan: outcome.plan, status: "answered" }];
    const next = planQuestion(second, plannerContext("2026-06-30", history));
    expect(next.status, second).toBe("plan");
    if (next.status === "plan") expect(next.plan.query).toMatchObject({ kind: "aggregate", dimensions: [], filters: [{ kind: "in", dimension: "city" }] });
  });
});

describe("each/every that groups nothing is not answered with one total", () => {
  // (Declined, or read as the groups asked for, e.g. a month trend: never one total.)
  it.each(["approval rate for each of the last 6 months", "NPL count for each of the past 12 months", "how many loans does each customer have", "the balance of every single customer"])("%s is not one total", (question) => {
    const outcome = plan(question);
    if (outcome.status === "plan") expect(outcome.plan.query, question).toMatchObject({ kind: "aggregate", dimensions: [{}] });
  });

  it.each<[string, string]>([
    ["average principal of each loan", "average_loan_amount"],
    ["the average principal for each loan", "average_loan_amount"],
  ])("%s → %s (the average is over the rows named)", (question, metric) => {
    expect(queryOf(question)).toMatchObject({ kind: "aggregate", metrics: [metric], dimensions: [] });
  });
});
