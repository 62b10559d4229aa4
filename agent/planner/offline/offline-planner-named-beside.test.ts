// Coverage gaps closed by general rules: a dimension's name beside its value is part of the value mention (微信渠道,
// the mobile app channel, 网点渠道); "loan amount" beside a period is the disbursement (DOMAIN.md: SUM(principal)
// dated by disbursed_date) and without one stays declined (one loan's principal or the outstanding balance?); a
// product category had ("有逾期的车贷", "an overdue auto loan") names loans, a related-rows filter checked against SQL.
import type { Database } from "sql.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compilePlan } from "../../compiler/compile-plan.ts";
import { runSqlite, sortRows } from "../../compiler/__fixtures__/result-comparison.ts";
import { openTestDataset } from "../../compiler/__fixtures__/test-dataset.ts";
import { expectPlan, plan, term, values } from "./__fixtures__/planner-fixture.ts";
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

describe("a product category had names loans (customers with a related loan)", () => {
  let database: Database;
  beforeAll(async () => {
    database = (await openTestDataset()).database;
  });
  afterAll(() => database?.close());

  const related = (...filters: unknown[]) => ({ kind: "related", entity: "loans", exists: true, filters });
  const customersWithLoans = (where: string) => `SELECT DISTINCT l.customer_id FROM loans l JOIN products p ON p.product_id = l.product_id WHERE ${where}`;
  const OVERDUE = "l.status = 'active' AND l.current_dpd > 0";
  /** Question, the related filter, the hand-written customer ids (null: a count of them). */
  const CASES: [string, unknown, string, boolean][] = [
    ["Which customers have an overdue auto loan?", related(values("product_category", "auto"), term("overdue")), customersWithLoans(`p.category = 'auto' AND ${OVERDUE}`), false],
    ["哪些客户有逾期的车贷", related(values("product_category", "auto"), term("overdue")), customersWithLoans(`p.category = 'auto' AND ${OVERDUE}`), false],
    ["customers with an overdue mortgage", related(values("product_category", "mortgage"), term("overdue")), customersWithLoans(`p.category = 'mortgage' AND ${OVERDUE}`), false],
    ["有房贷的客户", related(values("product_category", "mortgage")), customersWithLoans("p.category = 'mortgage'"), false],
    ["which customers have a car loan", related(values("product_category", "auto")), customersWithLoans("p.category = 'auto'"), false],
    ["有逾期房贷的客户有多少", related(values("product_category", "mortgage"), term("overdue")), customersWithLoans(`p.category = 'mortgage' AND ${OVERDUE}`), true],
  ];
  it.each(CASES)("%s", (question, filter, reference, counted) => {
    const expected: ExpectedPlan = counted ? { kind: "aggregate", metrics: ["customer_count"], filters: [filter], time: null } : { kind: "list", entity: "customers", filters: [filter], time: null };
    const planned = expectPlan(plan(question), expected, question);
    const compiled = compilePlan(planned, { dialect: "sqlite", asOfDate: "2026-06-30" });
    const rows = runSqlite(database, compiled.sql, compiled.params);
    const wanted = runSqlite(database, reference);
    expect(wanted.length, `${question}: the reference finds rows`).toBeGreaterThan(0);
    if (counted) {
      expect(rows[0][compiled.columns.findIndex((column) => column.role === "metric")]).toBe(wanted.length);
      return;
    }
    const column = compiled.columns.findIndex((entry) => entry.name === "customer_id");
    expect(sortRows(rows.map((row) => [row[column]]))).toEqual(sortRows(wanted));
  });

  // Not had (房贷客户), two values had (both or either?), an application named (有车贷申请), or a period (which date: disbursed or overdue then?).
  it.each(["房贷客户", "customers without a mortgage", "有非房贷的客户", "customers with a loan other than a mortgage", "有房贷又有车贷的客户", "有房贷或车贷的客户", "customers with a mortgage and an auto loan", "有车贷申请的客户", "本月有车贷的客户", "customers who had an auto loan last month"])("declines: %s", (question) => {
    expect(plan(question).status).not.toBe("plan");
  });
});
