// Paraphrases that were declined although answerable: polite wrappers and particles, a qualifier said with 的 before
// a metric's shorter name, colloquial verbs for rising PD (any measure word of the term with any rise word), spoken "not yet" (还没处理), English verbs in Chinese
// passives, 期 counting installments, 余额 decided by a grouping, and "number of <term>" said of no other rows.
import { describe, expect, it } from "vitest";
import type { ConversationTurn } from "../planner.ts";
import { expectPlan, plan, term, values } from "./__fixtures__/planner-fixture.ts";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";
import { negatedNameVariants } from "./negated-name-variants.ts";
import { readMixedLanguageWords } from "./mixed-language-words.ts";

const JUNE: [string, string] = ["2026-06-01", "2026-06-30"];
const MAY: [string, string] = ["2026-05-01", "2026-05-31"];
const rising = { filters: [term("rising_repayment_risk")], order: [["pd_change", "desc"]] as [string, "desc"][] };

const CASES: [string, ExpectedPlan][] = [
  // Polite wrappers (问一下, 请教, 劳驾, 帮忙看下) and particles (嘛, 呀) ask; they add nothing.
  ["问一下上个月的审批通过率", { metrics: ["approval_rate"], time: MAY }],
  ["想请教一下本月的放款金额", { metrics: ["disbursement_amount"], time: JUNE }],
  ["劳驾查下整体NPS嘛", { metrics: ["nps"], filters: [] }],
  ["帮忙看下现在的逾期率呀", { metrics: ["overdue_rate"], filters: [] }],
  ["could you kindly tell me the NPL ratio", { metrics: ["npl_ratio"], filters: [] }],
  ["我想了解一下本月的逾期率", { metrics: ["overdue_rate"], filters: [] }],
  ["能不能帮我查一下上个月的放款金额", { metrics: ["disbursement_amount"], time: MAY }],
  ["跟我说下本月的审批通过率", { metrics: ["approval_rate"], time: JUNE }],
  ["would you mind telling me the approval rate this month", { metrics: ["approval_rate"], time: JUNE }],
  ["just wondering what the overdue rate is", { metrics: ["overdue_rate"], filters: [] }],
  // A qualifier with 的 before a shorter name of the same metric (审批 + 通过率 = 审批通过率).
  ["上个月审批的通过率", { metrics: ["approval_rate"], time: MAY }],
  ["各渠道审批的通过率", { metrics: ["approval_rate"], dimensions: ["channel"] }],
  ["今年审批的通过率按月趋势", { metrics: ["approval_rate"], dimensions: ["time:month"] }],
  // Colloquial verbs for a rising PD: the term of rising repayment risk, ranked by the change.
  ["本月PD涨得最多的10个客户", { kind: "list", entity: "customers", ...rising, limit: 10, referenceMonth: "2026-06" }],
  ["上个月违约概率涨得最多的3个客户", { kind: "list", entity: "customers", ...rising, limit: 3, referenceMonth: "2026-05" }],
  ["which borrowers saw their PD go up this month", { kind: "list", entity: "customers", filters: [term("borrower"), term("rising_repayment_risk")] }],
  ["which customers experienced rising repayment risk this month", { kind: "list", entity: "customers", ...rising, referenceMonth: "2026-06" }],
  ["high value clients whose PD goes up this month", { kind: "list", entity: "customers", filters: [term("high_value"), term("rising_repayment_risk")] }],
  // A measure word of the term's name with any rise word (measure-rise-terms.ts): 违约概率涨了, 风险涨了, PD变大.
  ["违约概率涨了的客户", { kind: "list", entity: "customers", ...rising }],
  ["风险涨了的客户有哪些", { kind: "list", entity: "customers", ...rising }],
  ["本月PD升了的客户", { kind: "list", entity: "customers", ...rising, referenceMonth: "2026-06" }],
  ["PD变大的客户有哪些", { kind: "list", entity: "customers", ...rising }],
  ["customers whose probability of default went up this month", { kind: "list", entity: "customers", ...rising, referenceMonth: "2026-06" }],
  // (An aggregate of the measure changes as a total: a comparison of periods, not the term.)
  ["平均PD环比上升了多少", { metrics: ["average_pd"], filters: [], compareTo: MAY }],
  // "Not yet" said as 没 / 还没 / 尚未 / 还没有: the layer's 未 names.
  ["没处理的预警有多少", { metrics: ["alert_count"], filters: [values("alert_status", "open")] }],
  ["还没处理的预警按严重程度分别有多少", { metrics: ["alert_count"], dimensions: ["severity"], filters: [values("alert_status", "open")] }],
  ["尚未处理的预警有哪些", { kind: "list", entity: "risk_alerts", filters: [values("alert_status", "open")] }],
  ["还没有关闭的预警有多少", { metrics: ["alert_count"], filters: [values("alert_status", "open")] }],
  // English verbs in Chinese passives and perfects are the participles the decision values are named by.
  ["reject掉的申请有哪些", { kind: "list", entity: "applications", filters: [values("decision", "rejected")] }],
  ["本月approve了的申请有多少", { metrics: ["application_count"], filters: [values("decision", "approved")], time: JUNE }],
  ["被approve的申请数量", { metrics: ["application_count"], filters: [values("decision", "approved")] }],
  ["上个月reject了多少申请", { metrics: ["application_count"], filters: [values("decision", "rejected")], time: MAY }],
  // 期 counting named installments.
  ["未来7天到期的还款有几期", { metrics: ["installment_count"], time: ["2026-07-01", "2026-07-07"] }],
  ["下个月到期的还款有多少期", { metrics: ["installment_count"], time: ["2026-07-01", "2026-07-31"] }],
  // "fall due" is becoming due, not a fall compared with the previous period; "coming due" stays the due-soon term.
  ["how many payments fall due within the next 14 days", { metrics: ["installment_count"], filters: [], time: ["2026-07-01", "2026-07-14"], compareTo: null }],
  ["installments falling due next month: how many?", { metrics: ["installment_count"], filters: [], time: ["2026-07-01", "2026-07-31"], compareTo: null }],
  ["installments coming due in the next 7 days", { kind: "list", entity: "repayments", filters: [term("due_soon")] }],
  // 余额 / balance grouped by a dimension only the loan balance has.
  ["各产品余额", { metrics: ["outstanding_balance"], dimensions: ["product"] }],
  ["按产品看余额", { metrics: ["outstanding_balance"], dimensions: ["product"] }],
  ["top 3 products by balance", { metrics: ["outstanding_balance"], dimensions: ["product"], limit: 3 }],
  ["余额按五级分类", { metrics: ["outstanding_balance"], dimensions: ["risk_class"] }],
  // A count attribute named "count word + term" said of no other rows counts the term's rows.
  ["number of active loans", { metrics: ["loan_count"], filters: [term("active_loan")] }],
  ["the number of active loans we have", { metrics: ["loan_count"], filters: [term("active_loan")] }],
  ["在贷笔数", { metrics: ["loan_count"], filters: [term("active_loan")] }],
  ["number of active loans by branch", { metrics: ["loan_count"], dimensions: ["branch"], filters: [term("active_loan")] }],
];

describe("answerable paraphrases", () => {
  it.each(CASES)("%s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });

  it.each([
    ["违约概率呈上升趋势的高价值客户", { value_tier: "high", only_rising: true }],
    ["PD呈现上升趋势的客户", { only_rising: true }],
    ["customers whose PD shows an upward trend", { only_rising: true }],
    ["customers with an upward PD trend", { only_rising: true }],
  ])("routes a rising PD trend to the risk_trend tool: %s", (question, args) => {
    const outcome = plan(question);
    expect(outcome.status === "plan" ? outcome.plan.query : outcome).toMatchObject({ kind: "tool", tool: "risk_trend", args });
  });

  it.each(["余额按城市排一下", "balance by occupation", "余额前3的支行", "高价值客户的余额是多少"])("still asks which balance when both can be grouped or filtered so: %s", (question) => {
    expect(plan(question).status).toBe("clarify");
  });

  it("keeps 能不能 a word of the question when no request follows it", () => {
    expect(plan("哪些客户能不能申请房贷").status).not.toBe("plan");
  });

  it("declines installments counted with a description the loans' terms would serve instead (有多少期是逾期的)", () => {
    expect(plan("还款计划里有多少期是逾期的").status).not.toBe("plan");
  });

  it.each(["这笔贷款分几期", "在贷笔数最多的10个客户", "客户的在贷笔数", "customers with number of active loans above 2"])("keeps other readings: %s", (question) => {
    const outcome = plan(question);
    if (outcome.status !== "plan" || outcome.plan.query.kind !== "aggregate") return;
    expect(outcome.plan.query.metrics).not.toContain("loan_count");
  });

  it.each(["没有结清的贷款", "没逾期的贷款有多少笔", "还没到期的还款有多少"])("reads 没 before a verb that is itself a name as that name negated, not as the 未 value: %s", (question) => {
    const outcome = plan(question);
    if (outcome.status !== "plan") return;
    const said = JSON.stringify(outcome.plan.query);
    expect(said).not.toContain('"values":["active"]');
    expect(said).not.toContain('"values":["current"]');
    expect(said).not.toContain('"values":["scheduled"]');
  });

  it("keeps the count of active loans through a follow-up", () => {
    const first = plan("number of active loans");
    const history: ConversationTurn[] = [{ question: "number of active loans", language: "en", plan: first.status === "plan" ? first.plan : undefined, status: first.status === "plan" ? "answered" : first.status }];
    expectPlan(plan("and how many of those are overdue", "2026-06-30", history), { metrics: ["loan_count"], filters: [term("active_loan"), term("overdue")] });
  });
});

describe("spoken forms read before matching", () => {
  it.each([
    ["未处理", ["没处理", "没有处理", "还没处理", "还没有处理", "尚未处理", "还未处理", "仍未处理"]],
    ["已处理", []],
    ["未", []],
  ])("says %s in spoken forms", (name, expected) => {
    expect(negatedNameVariants(name)).toEqual(expected);
  });

  it.each([
    ["列出被reject的申请", "列出被 rejected 的申请"],
    ["approve了的申请", "approved 了的申请"],
    ["deny掉的申请", "denied 的申请"],
    ["到期的还款有几期", "到期的还款有几笔"],
    ["贷款期限几期", "贷款期限几期"],
    ["还款第几期", "还款第几期"],
    ["到期的还款有多少期?", "到期的还款有多少笔?"],
    ["还款计划里有多少期是逾期的", "还款计划里有多少期是逾期的"],
    ["rejected applications", "rejected applications"],
  ])("reads %s", (text, expected) => {
    expect(readMixedLanguageWords(text)).toBe(expected);
  });
});
