// A segment against everyone else ("年轻客户和其他客户的逾期率对比", "high-value customers vs the rest"): the term or
// value is the plan's versusRest (one row per side), planned, compiled and run against hand-written SQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "sql.js";
import { compilePlan } from "../../compiler/compile-plan.ts";
import { runSqlite, sortRows } from "../../compiler/__fixtures__/result-comparison.ts";
import { openTestDataset } from "../../compiler/__fixtures__/test-dataset.ts";
import { expectPlan, plan, term, values } from "./__fixtures__/planner-fixture.ts";

const young = "c.birth_date > '1996-06-30'";
const overdueRateOf = (condition: string) =>
  `SELECT ${condition} AS member, SUM(CASE WHEN l.current_dpd > 0 THEN l.outstanding_balance ELSE 0 END) / SUM(l.outstanding_balance) FROM loans l JOIN customers c ON c.customer_id = l.customer_id JOIN products p ON p.product_id = l.product_id JOIN branches b ON b.branch_id = l.branch_id WHERE l.status = 'active' GROUP BY 1`;

/** Question, metric, segment, hand-written SQL of [is member, value] per side. */
const CASES: [string, string, unknown, string][] = [
  ["年轻客户和其他客户的逾期率对比", "overdue_rate", term("young"), overdueRateOf(young)],
  ["年轻客户跟其余客户比,逾期率怎么样", "overdue_rate", term("young"), overdueRateOf(young)],
  ["young customers vs everyone else: overdue rate", "overdue_rate", term("young"), overdueRateOf(young)],
  ["overdue rate of young customers compared with the rest", "overdue_rate", term("young"), overdueRateOf(young)],
  ["房贷和其他产品的逾期率", "overdue_rate", values("product_category", "mortgage"), overdueRateOf("p.category = 'mortgage'")],
  ["上海和其他城市的逾期率对比", "overdue_rate", values("city", "Shanghai"), overdueRateOf("b.city = 'Shanghai'")],
  [
    "高价值客户与其余客户的贷款余额",
    "outstanding_balance",
    term("high_value"),
    "SELECT c.value_tier = 'high', SUM(l.outstanding_balance) FROM loans l JOIN customers c ON c.customer_id = l.customer_id WHERE l.status = 'active' GROUP BY 1",
  ],
  [
    "微信渠道和其他渠道的审批通过率对比",
    "approval_rate",
    values("channel", "wechat"),
    "SELECT channel = 'wechat', SUM(decision = 'approved') * 1.0 / SUM(decision IN ('approved', 'rejected')) FROM applications GROUP BY 1",
  ],
];

let database: Database;
beforeAll(async () => {
  database = (await openTestDataset()).database;
});
afterAll(() => database?.close());

describe("a segment against everyone else", () => {
  it.each(CASES)("%s", (question, metric, segment, reference) => {
    const planned = expectPlan(plan(question), { kind: "aggregate", metrics: [metric], filters: [], dimensions: [] }, question);
    expect(planned.query.kind === "aggregate" ? planned.query.versusRest : undefined, question).toEqual(segment);
    const compiled = compilePlan(planned, { dialect: "sqlite", asOfDate: "2026-06-30" });
    const rows = runSqlite(database, compiled.sql, compiled.params);
    // The rest is named 其他 / others; the member side has the segment's name.
    const rest = compiled.params.includes("其他") ? "其他" : "others";
    const got = sortRows(rows.map((row) => [row[0] === rest ? 0 : 1, Math.round((row[1] as number) * 1e9)]));
    const wanted = sortRows(runSqlite(database, reference).map((row) => [row[0], Math.round((row[1] as number) * 1e9)]));
    expect(got).toEqual(wanted);
  });

  it.each(["年轻客户和其他客户的逾期率环比", "年轻客户和其他客户每月的逾期率", "其他客户的逾期率"])("declines what a segment against the rest cannot answer: %s", (question) => {
    expect(plan(question).status).not.toBe("plan");
  });
});
