/** Tests of the guard's memory: same verdict as a fresh check, callers' copies independent, policies kept apart, bounded. */
import { describe, expect, it } from "vitest";
import { GuardCache } from "./guard-cache.ts";
import { defaultGuardPolicy } from "./guard-policy.ts";
import { checkStatement, guardSql } from "./guard-sql.ts";
import { SqlGuardError } from "./sql-guard-error.ts";

const SQL = "SELECT c.customer_id, c.phone FROM customers c WHERE c.city = ? ORDER BY c.customer_id";

describe("guard memory", () => {
  it("returns what a fresh check returns, as a copy the caller may change", () => {
    const policy = defaultGuardPolicy("sqlite");
    const first = guardSql(SQL, policy);
    first.columns[1]!.name = "changed";
    first.tables.push("changed");
    const second = guardSql(SQL, policy);
    expect(second).toEqual(checkStatement(SQL, policy));
    expect(second.columns[1]?.name).toBe("phone");
    expect(second.tables).toEqual(["customers"]);
  });

  it.each([
    { name: "a smaller row limit", change: { maxRows: 5 }, sql: "SELECT customer_id FROM customers LIMIT 10" },
    { name: "a lower cost bound", change: { maxCost: 1 }, sql: "SELECT customer_id FROM customers" },
  ])("checks again under another policy: $name", ({ change, sql }) => {
    const policy = defaultGuardPolicy("sqlite");
    expect(() => guardSql(sql, policy)).not.toThrow();
    expect(() => guardSql(sql, defaultGuardPolicy("sqlite", change))).toThrow(SqlGuardError);
    // The same policy object changed in place is a different key too.
    Object.assign(policy, change);
    expect(() => guardSql(sql, policy)).toThrow(SqlGuardError);
  });

  it("does not remember refusals", () => {
    const policy = defaultGuardPolicy("sqlite");
    expect(() => guardSql("DELETE FROM customers", policy)).toThrow(SqlGuardError);
    expect(() => guardSql("DELETE FROM customers", policy)).toThrow(SqlGuardError);
  });

  it("forgets the least recently used statement beyond its bound", () => {
    const cache = new GuardCache(2);
    const policy = defaultGuardPolicy("sqlite");
    const texts = ["SELECT 1", "SELECT 2", "SELECT 3"];
    for (const text of texts.slice(0, 2)) cache.set(text, policy, checkStatement(text, policy));
    expect(cache.get("SELECT 1", policy)).toBeDefined(); // now the most recently used
    cache.set("SELECT 3", policy, checkStatement("SELECT 3", policy));
    expect(cache.get("SELECT 2", policy)).toBeUndefined();
    expect(cache.get("SELECT 1", policy)?.sql).toContain("SELECT 1");
    expect(cache.get("SELECT 3", policy)).toBeDefined();
  });
});
