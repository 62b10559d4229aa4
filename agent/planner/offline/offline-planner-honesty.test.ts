// Honesty: ambiguous words ask back, questions outside the data, writes and raw PII are declined with suggestions.
import { describe, expect, it } from "vitest";
import type { UnsupportedReason } from "../planner.ts";
import { expectPlan, plan, plannerContext } from "./__fixtures__/planner-fixture.ts";
import { planQuestion } from "./offline-planner.ts";

const CLARIFY: [string, string[]][] = [
  ["余额是多少", ["outstanding_balance", "total_aum"]],
  ["上海的余额", ["outstanding_balance", "total_aum"]],
  ["高价值客户的余额", ["outstanding_balance", "total_aum"]],
  ["What's the total balance?", ["outstanding_balance", "total_aum"]],
  ["balance in Shanghai", ["outstanding_balance", "total_aum"]],
  ["风险怎么样", ["overdue_rate", "npl_ratio", "average_pd"]],
  ["how is the risk in Beijing", ["overdue_rate", "npl_ratio", "average_pd"]],
  ["上海分行的表现", ["disbursement_amount", "outstanding_balance", "overdue_rate"]],
  ["How is the Pudong branch performance?", ["disbursement_amount", "outstanding_balance", "overdue_rate"]],
  ["余额最高的10个客户", ["outstanding_balance", "total_aum"]],
  ["哪个分行最好?", ["disbursement_amount", "outstanding_balance", "overdue_rate"]],
  ["Which branch is performing best?", ["disbursement_amount", "outstanding_balance", "overdue_rate"]],
  ["客户质量如何", ["overdue_rate", "npl_ratio", "average_pd"]],
  ["bal by city", ["outstanding_balance", "total_aum"]],
];

const UNSUPPORTED: [string, UnsupportedReason][] = [
  ["按学历统计客户数", "out_of_scope"],
  ["客户的学历分布", "out_of_scope"],
  ["customers by education level", "out_of_scope"],
  ["今天天气怎么样", "out_of_scope"],
  ["What's the weather in Shanghai?", "out_of_scope"],
  ["茅台的股价是多少", "out_of_scope"],
  ["What is Tencent's stock price?", "out_of_scope"],
  ["美元兑人民币汇率", "out_of_scope"],
  ["删除所有逾期贷款", "write_request"],
  ["把张伟的年收入修改为100万", "write_request"],
  ["delete all loans", "write_request"],
  ["update the customer's phone number", "write_request"],
  ["insert a new branch in Wuhan", "write_request"],
  ["drop table customers", "write_request"],
  ["把北京朝阳支行所有贷款的利率改成3%", "write_request"],
  ["mark alert 12 as resolved", "write_request"],
  ["write off all loss-class loans", "write_request"],
  ["列出客户的完整身份证号", "pii_request"],
  ["给我高价值客户的明文手机号", "pii_request"],
  ["show unmasked phone numbers of customers", "pii_request"],
  ["list the full id numbers of overdue customers", "pii_request"],
  ["招商银行的不良率是多少", "out_of_scope"],
  ["What is ICBC's NPL ratio?", "not_understood"],
  ["帮我批准申请A0000012", "write_request"],
  ["approve all pending applications", "write_request"],
  ["change customer C000015's value tier to high", "write_request"],
  ["forecast next month's disbursement", "out_of_scope"],
  ["利率多少", "not_understood"],
  ["你好", "not_understood"],
  ["hello there", "not_understood"],
  ["帮我写一首关于春天的诗", "not_understood"],
  ["what is the meaning of life", "not_understood"],
];

describe("offline planner: clarify", () => {
  it.each(CLARIFY)("%s", (question, choices) => {
    const outcome = plan(question);
    expect(outcome.status, JSON.stringify(outcome)).toBe("clarify");
    if (outcome.status !== "clarify") return;
    expect(outcome.question.length).toBeGreaterThan(5);
    expect(outcome.choices).toHaveLength(choices.length);
    expect(outcome.confidence).toBeLessThan(0.8);
    // Every choice's message is a full question the planner answers with that metric.
    outcome.choices.forEach((choice, index) => {
      const answered = plan(choice.message);
      expect(answered.status, `${choice.message}: ${JSON.stringify(answered)}`).toBe("plan");
      if (answered.status === "plan" && answered.plan.query.kind === "aggregate") expect(answered.plan.query.metrics).toContain(choices[index]);
      if (answered.status === "plan" && answered.plan.query.kind === "list") expect(JSON.stringify(answered.plan.query)).toMatch(choices[index] === "total_aum" ? /aum/ : /outstanding_balance/);
    });
  });
});

describe("offline planner: unsupported", () => {
  it.each(UNSUPPORTED)("%s", (question, reason) => {
    const outcome = plan(question);
    expect(outcome.status, JSON.stringify(outcome)).toBe("unsupported");
    if (outcome.status !== "unsupported") return;
    expect(outcome.reason).toBe(reason);
    expect(outcome.message.length).toBeGreaterThan(5);
    expect(outcome.suggestions).toHaveLength(3);
    expect(outcome.language).toBe(/[\u4e00-\u9fff]/.test(question) ? "zh" : "en");
  });

  it("offers suggestions that it answers itself, in both languages", () => {
    for (const question of ["今天天气怎么样", "What's the weather in Shanghai?", "你好", "hello there"]) {
      const outcome = plan(question);
      if (outcome.status !== "unsupported") throw new Error(question);
      for (const suggestion of outcome.suggestions) expect(planQuestion(suggestion, plannerContext()).status, suggestion).toBe("plan");
    }
  });

  it("answers a plain phone list (masked later) but not a raw one", () => {
    expectPlan(plan("列出高价值客户的手机号"), { kind: "list", attributesInclude: ["phone"] });
    expect(plan("列出高价值客户的完整手机号").status).toBe("unsupported");
  });

  it("declines a leftover content word that may change the meaning; common verbs are not content", () => {
    expectPlan(plan("How many loans did we book in the last 12 months?"), { metrics: ["loan_count"] });
    expectPlan(plan("今年累计放款多少钱"), { metrics: ["disbursement_amount"] });
    for (const question of ["各分行本月逾期率 blorptastic", "已婚客户的不良率是多少", "帮我写一首关于贷款的诗", "NPL ratio of married customers", "各城市逾期律", "客户的房产估值总共多少"]) {
      expect(plan(question).status, question).toBe("unsupported");
    }
    expect(plan("各分行本月逾期率 blorptastic frobnicated zanzibarian").status).toBe("unsupported");
  });

  it("detects the language: any CJK is Chinese", () => {
    expect(plan("NPL ratio 上海").language).toBe("zh");
    expect(plan("NPL ratio in Shanghai").language).toBe("en");
  });
});
