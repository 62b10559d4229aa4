// Confident wrong readings found by planner developers (issue 5), each fixed by a general rule: an amount, status,
// comparison or unit the rows cannot carry is answered as DOMAIN.md reads it, or declined.
import { describe, expect, it } from "vitest";
import { plannerContext } from "./__fixtures__/planner-fixture.ts";
import { planQuestion } from "./offline-planner.ts";
import type { AggregateQuery, ListQuery } from "../../plan/query-plan.ts";
import type { PlannerOutcome } from "../planner.ts";

const plan = (question: string): PlannerOutcome => planQuestion(question, plannerContext());

/** The plan's query, or a thrown error naming the outcome. */
function queryOf(question: string): AggregateQuery | ListQuery {
  const outcome = plan(question);
  if (outcome.status !== "plan" || (outcome.plan.query.kind !== "aggregate" && outcome.plan.query.kind !== "list")) throw new Error(`${question}: not a plan (${outcome.status})`);
  return outcome.plan.query;
}

const declined = (question: string) => expect(plan(question).status, question).not.toBe("plan");

describe("an amount said after the approval verb is the approved amount", () => {
  it.each([
    ["applications approved this year for more than 500k", 500000],
    ["how many applications were approved for more than 200k", 200000],
    ["applications approved for over 1m last quarter", 1000000],
    ["获批超过50万的申请", 500000],
    ["今年批了50万以上的申请有几笔", 500000],
    ["本季度获批金额超过100万的申请", 1000000],
  ])("%s → approved_amount", (question, value) => {
    const query = queryOf(question);
    const compare = query.filters.find((filter) => filter.kind === "compare");
    expect(compare).toMatchObject({ attribute: "approved_amount", value });
  });
});

describe("a bare amount on rows with another money column the question speaks of is declined", () => {
  it.each([
    "total approved amount of applications over 500k",
    "approved applications over 500k",
    "通过的申请中超过50万的有多少",
    "超过50万的申请的批准金额合计",
    "申请超过50万的批准金额",
  ])("%s", declined);

  it.each([
    "how many customers have more than 500k",
    "客户超过50万的有多少",
    "今年通过的申请总金额",
    "total amount of approved applications this year",
  ])("%s (a customer's balance or income; an approved application's requested or approved amount)", declined);

  it.each<[string, string]>([
    ["今年申请总金额", "requested_amount_total"],
    ["已批准申请的申请金额合计", "requested_amount_total"],
    ["今年通过的申请的批准金额", "approved_amount_total"],
  ])("%s → %s", (question, metric) => {
    expect(queryOf(question)).toMatchObject({ kind: "aggregate", metrics: [metric] });
  });

  it.each<[string, string]>([
    ["customers with income over 500k", "annual_income"],
    ["applications over 500k", "requested_amount"],
    ["how many applications over 1m this year", "requested_amount"],
    ["loans over 500k", "principal"],
    ["申请金额超过50万的申请有多少笔", "requested_amount"],
  ])("%s still compares %s", (question, attribute) => {
    expect(queryOf(question).filters.find((filter) => filter.kind === "compare")).toMatchObject({ attribute });
  });
});

describe("rows said as another's, whose owner a term describes, are the rows listed", () => {
  it.each<[string, string, string]>([
    ["repayments of customers with rising risk", "repayments", "rising_repayment_risk"],
    ["还款风险上升客户的还款记录", "repayments", "rising_repayment_risk"],
    ["show repayments of churned customers", "repayments", "churned"],
    ["高价值客户的预警", "risk_alerts", "high_value"],
    ["alerts for customers with rising repayment risk", "risk_alerts", "rising_repayment_risk"],
  ])("%s → %s filtered by %s", (question, entity, term) => {
    const query = queryOf(question);
    expect(query.kind === "list" && query.entity).toBe(entity);
    expect(query.filters).toContainEqual({ kind: "term", term });
  });

  it("a term said of the customer's own repayment risk keeps the customers", () => {
    const query = queryOf("客户还款风险是否上升");
    expect(query.kind === "list" && query.entity).toBe("customers");
  });
});

describe("active said of customers after a copula is the customer's status", () => {
  it.each([
    "customers that are currently active",
    "how many customers are still active",
    "customers who are active in Shanghai",
    "which customers are active",
    "客户中目前活跃的有多少",
  ])("%s → customers.status = active", (question) => {
    expect(queryOf(question).filters).toContainEqual({ kind: "in", dimension: "customer_status", values: ["active"] });
  });

  it("loans that are active keep the loan term", () => {
    expect(queryOf("loans that are active").filters).toContainEqual({ kind: "term", term: "active_loan" });
  });
});

describe("counts and rates said as verbs are not read as something else", () => {
  it.each([
    "which channel converts the most customers",
    "which campaign converted the most customers",
    "哪个渠道转化的客户最多",
    "哪个渠道转化最多",
    "本月转化了多少次",
    "本月转化了几个客户",
  ])("%s is declined (no measure counts converted customers)", declined);

  it.each(["which channel converts best", "哪个渠道转化率最高", "本月转化是多少"])("%s stays the conversion rate", (question) => {
    expect(queryOf(question)).toMatchObject({ kind: "aggregate", metrics: ["conversion_rate"] });
  });
});

describe("two values of a dimension compared are each value's figure", () => {
  it.each(["which city disbursed more loans, Shanghai or Beijing", "which city has more loans, Shanghai or Beijing"])("%s → the loan count of the two cities", (question) => {
    expect(queryOf(question)).toMatchObject({ kind: "aggregate", metrics: ["loan_count"], dimensions: [{ id: "city" }], filters: [{ kind: "in", dimension: "city", values: ["Shanghai", "Beijing"] }] });
  });

  it.each([
    "上海和北京哪个放款多",
    "上海和北京哪个客户多",
    "do Shanghai or Beijing customers have fewer loans",
    "which product has more overdue loans, mortgage or auto",
    "which gender has more churned customers",
    "男客户和女客户哪个流失多",
  ])("%s is declined (a list answers no comparison)", declined);

  it("two values compared by a count of other rows keep the grouped count", () => {
    expect(queryOf("which has more customers, wechat or mobile app")).toMatchObject({ kind: "aggregate", metrics: ["customer_count"], dimensions: [{ id: "channel" }] });
  });

  it.each(["loans in Shanghai or Beijing", "上海和北京的贷款"])("%s stays a list", (question) => {
    expect(queryOf(question).kind).toBe("list");
  });
});

describe("a status of other rows said of the rows asked about is declined", () => {
  it.each(["how many loans were lost this year", "lost loans", "churned loans", "流失的贷款有多少笔"])("%s", declined);

  it.each([
    ["loans of churned customers", { kind: "term", term: "churned" }],
    ["存量客户的贷款有多少笔", { kind: "in", dimension: "customer_status", values: ["active"] }],
    ["loans of active customers", { kind: "in", dimension: "customer_status", values: ["active"] }],
  ])("%s keeps the owner's filter", (question, filter) => {
    expect(queryOf(question).filters).toContainEqual(filter);
  });
});

describe("一笔 / a single before rows averaged is the unit, not a limit", () => {
  it.each([
    "审批完一笔申请平均要多久",
    "审批一笔申请平均需要多长时间",
    "一笔申请平均审批时长",
    "审批申请平均要多久",
    "on average how long does it take to approve a single application",
    "how long does approving an application take on average",
  ])("%s → the average approval time", (question) => {
    const query = queryOf(question);
    expect(query).toMatchObject({ kind: "aggregate", metrics: ["average_approval_hours"] });
    expect(query.kind === "aggregate" && query.limit).toBeFalsy();
  });

  it("一笔 after a superlative is still one row", () => {
    expect(plan("审批时长最长的一笔申请").status).not.toBe("plan");
  });
});

describe("a verb that is both a count and an amount, ranked with neither said, is declined", () => {
  it.each(["哪个支行今年放款最多", "哪个产品放款最少", "哪个支行放贷最多"])("%s", declined);

  it.each<[string, string]>([
    ["哪个支行今年放款笔数最多", "loan_count"],
    ["哪个支行今年放款金额最多", "disbursement_amount"],
    ["去年放款多少笔", "loan_count"],
  ])("%s → %s", (question, metric) => {
    expect(queryOf(question)).toMatchObject({ kind: "aggregate", metrics: [metric] });
  });
});

describe("an ending status said alone with a period is declined (dated by when the rows ended)", () => {
  it.each([
    "how many loans were paid off this year",
    "今年结清了多少笔贷款",
    "which branch closed the most loans this year",
    "how many alerts were closed this month",
    "今年核销了多少笔贷款",
    "本月已解决的预警",
  ])("%s", declined);

  it.each(["open vs in progress vs resolved alerts this quarter", "show me the charged-off loans", "列出所有已结清的车贷", "loans disbursed this year that are already closed"])("%s is answered", (question) => {
    expect(plan(question).status).toBe("plan");
  });
});

describe("a bare amount the rows' money columns do not decide asks which amount", () => {
  it.each<[string, string[]]>([
    ["approved applications over 500k", ["approved applications with requested amount over 500k", "approved applications with approved amount over 500k"]],
    ["通过的申请中超过50万的有多少", ["通过的申请中申请金额超过50万的有多少", "通过的申请中批准金额超过50万的有多少"]],
    ["客户超过50万的有多少", ["客户年收入超过50万的有多少", "客户贷款余额超过50万的有多少", "客户AUM超过50万的有多少"]],
  ])("%s", (question, messages) => {
    const outcome = plan(question);
    if (outcome.status !== "clarify") throw new Error(`${question}: ${outcome.status}`);
    expect(outcome.choices.map((choice) => choice.message)).toEqual(messages);
  });
});

describe("rows said to have a measure are not the measure's total", () => {
  it.each(["有逾期余额的客户", "有逾期金额的贷款有多少", "customers having an outstanding balance", "how many customers with an overdue balance", "loans with an overdue balance"])("%s is declined", declined);

  it.each(["overdue balance of customers in Shanghai", "客户的逾期余额"])("%s stays the measure", (question) => {
    expect(queryOf(question)).toMatchObject({ kind: "aggregate", metrics: ["overdue_balance"] });
  });
});

describe("rows named beside a measure of rows they cannot be joined to are declined", () => {
  it.each(["上海贷款的平均违约概率", "loans' conversion rate"])("%s", declined);

  it.each<[string, string]>([
    ["客户的净推荐值", "nps"],
    ["高价值客户的转化率", "conversion_rate"],
    ["借款人的平均违约概率", "average_pd"],
  ])("%s → %s", (question, metric) => {
    expect(queryOf(question)).toMatchObject({ kind: "aggregate", metrics: [metric] });
  });
});
