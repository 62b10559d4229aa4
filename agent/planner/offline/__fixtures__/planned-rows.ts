/** Checks a question's plan and then its executed rows against hand-written reference SQL on the test dataset. */
import type { Database } from "sql.js";
import { expect } from "vitest";
import { compilePlan } from "../../../compiler/compile-plan.ts";
import { runSqlite, sortRows } from "../../../compiler/__fixtures__/result-comparison.ts";
import { expectPlan, plan } from "./planner-fixture.ts";
import type { ExpectedPlan } from "./planner-fixture.ts";

/**
 * Plans `question` (as of 2026-06-30), expects the plan to match, runs it, and compares with `reference`: the `key`
 * column's values as a set, or with `key` null the single metric value against the reference's first cell.
 */
export function expectPlannedRows(database: Database, question: string, expected: ExpectedPlan, key: string | null, reference: string): void {
  const planned = expectPlan(plan(question), expected, question);
  const compiled = compilePlan(planned, { dialect: "sqlite", asOfDate: "2026-06-30" });
  const rows = runSqlite(database, compiled.sql, compiled.params);
  const wanted = runSqlite(database, reference);
  if (key === null) {
    expect(rows[0][compiled.columns.findIndex((column) => column.role === "metric")]).toBe(wanted[0][0]);
    return;
  }
  const column = compiled.columns.findIndex((entry) => entry.name === key);
  expect(wanted.length, `${question}: the reference finds rows`).toBeGreaterThan(0);
  expect(sortRows(rows.map((row) => [row[column]]))).toEqual(sortRows(wanted));
}
