// Coverage gaps closed by general rules: a dimension's name beside its value is part of the value mention (微信渠道,
// the mobile app channel, 网点渠道); "loan amount" beside a period is the disbursement (DOMAIN.md: SUM(principal)
// dated by disbursed_date) and without one stays declined (one loan's principal or the outstanding balance?).
import { describe, expect, it } from "vitest";
import { expectPlan, plan } from "./__fixtures__/planner-fixture.ts";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";

const JUNE: [string, string] = ["2026-06-01", "2026-06-30"];
const MAY: [string, string] = ["2026-05-01", "2026-05-31"];
const disbursed = (time: [string, string], dimensions: string[] = []): ExpectedPlan => ({ kind: "aggregate", metrics: ["disbursement_amount"], dimensions, filters: [], time });

describe("loan amount over a period is the disbursement amount", () => {
  const CASES: [string, ExpectedPlan][] = [
    ["loan amount this month", disbursed(JUNE)],
    ["本月贷款金额", disbursed(JUNE)],
    ["this month's loan amount", disbursed(JUNE)],
    ["上个月各分行的贷款金额", disbursed(MAY, ["branch"])],
    ["loan amount by branch last month", disbursed(MAY, ["branch"])],
  ];
  it.each(CASES)("%s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });

  it.each(["贷款金额是多少", "what is the loan amount", "loan amount", "余额是多少"])("without a period declines or asks: %s", (question) => {
    expect(plan(question).status).not.toBe("plan");
  });

  it("the column reading stays: loans with a loan amount over 500k are counted, not summed", () => {
    expectPlan(plan("贷款金额超过50万的贷款有多少笔"), { kind: "aggregate", metrics: ["loan_count"], filters: [{ kind: "compare", attribute: "principal", op: "gt", value: 500000 }], time: null });
  });
});

describe("a dimension's name right beside its value is part of the value mention", () => {
  const channel = (value: string) => ({ kind: "in", dimension: "channel", values: [value] });
  const CASES: [string, ExpectedPlan][] = [
    ["微信渠道的客户", { kind: "list", entity: "customers", filters: [channel("wechat")], time: null }],
    ["customers from the mobile app channel", { kind: "list", entity: "customers", filters: [channel("mobile_app")], time: null }],
    ["来自网点渠道的申请", { kind: "list", entity: "applications", filters: [channel("branch")], time: null }],
    ["wechat channel customers", { kind: "list", entity: "customers", filters: [channel("wechat")], time: null }],
    ["渠道为微信的客户", { kind: "list", entity: "customers", filters: [channel("wechat")], time: null }],
    ["微信渠道的贷款有多少笔", { kind: "aggregate", metrics: ["loan_count"], filters: [channel("wechat")], time: null }],
  ];
  it.each(CASES)("%s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });

  it.each(["列出微信客户的渠道", "渠道的客户"])("a dimension word not beside its value still declines: %s", (question) => {
    expect(plan(question).status).not.toBe("plan");
  });
});
