/**
 * A segment's share of the whole (shareOf): the metric over the segment's rows / the metric over all the query's
 * rows, overall and per group, against hand-written SQL on the generated dataset; refusals for non-additive metrics
 * and combinations the form does not have.
 */
import type { Database } from "sql.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QueryPlanInput } from "../plan/query-plan.ts";
import { CompileError } from "./compile-error.ts";
import { compilePlan } from "./compile-plan.ts";
import { firstDifference, runSqlite, sortRows } from "./__fixtures__/result-comparison.ts";
import { openTestDataset } from "./__fixtures__/test-dataset.ts";

let database: Database;
let asOfDate: string;
beforeAll(async () => {
  const dataset = await openTestDataset();
  database = dataset.database;
  asOfDate = dataset.asOfDate;
});
afterAll(() => database?.close());

const young = "customers.birth_date > date('2026-06-30', '-30 years')";
const lowValue = "customers.value_tier = 'low'";

/** Plans and the hand-written SQL of their [keys..., whole, share] rows. */
const CASES: [string, QueryPlanInput["query"], string][] = [
  [
    "low-value customers among all customers",
    { kind: "aggregate", metrics: ["customer_count"], shareOf: { kind: "term", term: "low_value" } },
    `SELECT COUNT(*), 1.0 * SUM(CASE WHEN ${lowValue} THEN 1 ELSE 0 END) / COUNT(*) FROM customers`,
  ],
  [
    "young customers among all customers",
    { kind: "aggregate", metrics: ["customer_count"], shareOf: { kind: "term", term: "young" } },
    `SELECT COUNT(*), 1.0 * SUM(CASE WHEN ${young} THEN 1 ELSE 0 END) / COUNT(*) FROM customers`,
  ],
  [
    "young customers per city",
    { kind: "aggregate", metrics: ["customer_count"], dimensions: [{ id: "city" }], shareOf: { kind: "term", term: "young" } },
    `SELECT city, COUNT(*), 1.0 * SUM(CASE WHEN ${young} THEN 1 ELSE 0 END) / COUNT(*) FROM customers GROUP BY city`,
  ],
  [
    "high-value customers' share of outstanding balance",
    { kind: "aggregate", metrics: ["outstanding_balance"], shareOf: { kind: "term", term: "high_value" } },
    "SELECT SUM(l.outstanding_balance), SUM(CASE WHEN c.value_tier = 'high' THEN l.outstanding_balance ELSE 0 END) / SUM(l.outstanding_balance) FROM loans l JOIN customers c ON c.customer_id = l.customer_id WHERE l.status = 'active'",
  ],
  [
    "mortgages' share of balance among high-value customers",
    { kind: "aggregate", metrics: ["outstanding_balance"], filters: [{ kind: "term", term: "high_value" }], shareOf: { kind: "in", dimension: "product_category", values: ["mortgage"] } },
    "SELECT SUM(l.outstanding_balance), SUM(CASE WHEN p.category = 'mortgage' THEN l.outstanding_balance ELSE 0 END) / SUM(l.outstanding_balance) FROM loans l JOIN customers c ON c.customer_id = l.customer_id JOIN products p ON p.product_id = l.product_id WHERE l.status = 'active' AND c.value_tier = 'high'",
  ],
  [
    "new customers from WeChat this year",
    { kind: "aggregate", metrics: ["customer_count"], filters: [{ kind: "term", term: "new_customer" }], time: { start: "2026-01-01", end: "2026-06-30" }, shareOf: { kind: "in", dimension: "channel", values: ["wechat"] } },
    "SELECT COUNT(*), 1.0 * SUM(CASE WHEN acquisition_channel = 'wechat' THEN 1 ELSE 0 END) / COUNT(*) FROM customers WHERE onboard_date BETWEEN '2026-01-01' AND '2026-06-30'",
  ],
  [
    "rejected applications last quarter by channel, not-negated segment",
    { kind: "aggregate", metrics: ["application_count"], dimensions: [{ id: "channel" }], time: { start: "2026-01-01", end: "2026-03-31" }, shareOf: { kind: "not", filter: { kind: "in", dimension: "decision", values: ["approved"] } } },
    "SELECT channel, COUNT(*), 1.0 * SUM(CASE WHEN NOT (decision = 'approved') THEN 1 ELSE 0 END) / COUNT(*) FROM applications WHERE substr(applied_at, 1, 10) BETWEEN '2026-01-01' AND '2026-03-31' GROUP BY channel",
  ],
];

describe("a segment's share of the whole (shareOf)", () => {
  it.each(CASES)("%s matches hand-written SQL", (_, query, reference) => {
    const compiled = compilePlan({ query }, { dialect: "sqlite", asOfDate });
    const rows = runSqlite(database, compiled.sql, compiled.params);
    const wanted = compiled.columns.filter((column) => (column.role === "dimension" && !column.name.endsWith("_name")) || column.role === "metric").map((column) => column.name);
    const names = compiled.columns.map((column) => column.name);
    const picked = rows.map((row) => wanted.map((name) => row[names.indexOf(name)]));
    expect(rows.length).toBeGreaterThan(0);
    expect(firstDifference(sortRows(picked), sortRows(runSqlite(database, reference)), 1e-9)).toBeUndefined();
  });

  it("labels the share with the segment's name and binds every value", () => {
    const compiled = compilePlan({ query: CASES[5][1] }, { dialect: "sqlite", asOfDate });
    expect(compiled.columns.at(-1)).toMatchObject({ name: "customer_count_share", format: "rate", transform: "share", label: { zh: "微信客户数占比" } });
    expect(compiled.sql).not.toContain("wechat");
    expect(compiled.params).toContain("wechat");
  });

  it.each<[string, QueryPlanInput["query"]]>([
    ["a rate", { kind: "aggregate", metrics: ["overdue_rate"], shareOf: { kind: "term", term: "high_value" } }],
    ["an average", { kind: "aggregate", metrics: ["average_loan_amount"], shareOf: { kind: "term", term: "high_value" } }],
    ["with the share over groups", { kind: "aggregate", metrics: ["loan_count"], dimensions: [{ id: "city" }], share: true, shareOf: { kind: "term", term: "high_value" } }],
    ["with compareTo", { kind: "aggregate", metrics: ["loan_count"], time: { start: "2026-06-01", end: "2026-06-30" }, compareTo: { start: "2026-05-01", end: "2026-05-31" }, shareOf: { kind: "term", term: "high_value" } }],
    ["over two kinds of rows", { kind: "aggregate", metrics: ["loan_count", "customer_count"], shareOf: { kind: "term", term: "high_value" } }],
  ])("refuses a segment share of %s", (_, query) => {
    expect(() => compilePlan({ query }, { dialect: "sqlite", asOfDate })).toThrow(CompileError);
  });
});
