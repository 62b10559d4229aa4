// guardSql: the catalogue of refused and accepted statements per dialect, the row limit, the cost bound and pii reporting.
import { describe, expect, it } from "vitest";
import type { DialectName } from "../../schema/ddl.ts";
import { LendLensError } from "../../schema/errors.ts";
import { BAD_STATEMENTS, GOOD_STATEMENTS, SCALE_ONE_ROW_COUNTS } from "./__fixtures__/statement-catalogue.ts";
import { defaultGuardPolicy, guardSql, SqlGuardError } from "./index.ts";
import type { SqlGuardCode } from "./index.ts";

const DIALECTS: readonly DialectName[] = ["sqlite", "postgres"];
const policies = Object.fromEntries(DIALECTS.map((dialect) => [dialect, defaultGuardPolicy(dialect, { tableRowCounts: SCALE_ONE_ROW_COUNTS })])) as Record<
  DialectName,
  ReturnType<typeof defaultGuardPolicy>
>;

/** The refusal guardSql throws, or a failure when it accepts. */
function refusalOf(sql: string, dialect: DialectName): SqlGuardError {
  try {
    const accepted = guardSql(sql, policies[dialect]);
    throw new Error(`accepted: ${accepted.sql}`);
  } catch (error) {
    if (error instanceof SqlGuardError) return error;
    throw error;
  }
}

describe.each(DIALECTS)("guardSql on %s", (dialect) => {
  const bad = BAD_STATEMENTS.filter((statement) => !statement.dialects || statement.dialects.includes(dialect));
  const good = GOOD_STATEMENTS.filter((statement) => statement.dialects.includes(dialect));

  it("has a catalogue of at least 40 bad statements", () => {
    expect(bad.length).toBeGreaterThanOrEqual(40);
  });

  it.each(bad.map((statement) => [statement.name, statement.code, statement.sql] as const))("refuses %s with %s", (_name, code, sql) => {
    const refusal = refusalOf(sql, dialect);
    expect(refusal.code).toBe(code);
    expect(refusal).toBeInstanceOf(LendLensError);
    expect(refusal.messages.zh.length).toBeGreaterThan(0);
    expect(refusal.messages.en.length).toBeGreaterThan(0);
  });

  it.each(good.map((statement) => [statement.name, statement] as const))("accepts %s", (_name, statement) => {
    const guarded = guardSql(statement.sql, policies[dialect]);
    expect(guarded.masked).toEqual(statement.masked ?? {});
    expect(guarded.parameterCount).toBe(statement.parameterCount ?? 0);
    expect(guarded.estimatedCost).toBeLessThanOrEqual(policies[dialect].maxCost);
  });
});

describe("the row limit", () => {
  it("appends LIMIT maxRows + 1 to a statement without one, after removing comments and the semicolon", () => {
    const guarded = guardSql("SELECT loan_id FROM loans -- all of them\n;", defaultGuardPolicy("sqlite"));
    expect(guarded.sql).toBe("SELECT loan_id FROM loans\nLIMIT 10001");
    expect(guarded.limit).toEqual({ source: "added", rows: 10_001 });
  });

  it("limits a compound statement as a whole", () => {
    const guarded = guardSql("SELECT loan_id FROM loans UNION ALL SELECT application_id FROM applications", defaultGuardPolicy("sqlite", { maxRows: 5 }));
    expect(guarded.sql).toBe("SELECT loan_id FROM loans UNION ALL SELECT application_id FROM applications\nLIMIT 6");
  });

  it("keeps a LIMIT within the maximum, also in the form LIMIT offset, count", () => {
    expect(guardSql("SELECT loan_id FROM loans LIMIT 100", defaultGuardPolicy("sqlite")).limit).toEqual({ source: "statement", rows: 100 });
    expect(guardSql("SELECT loan_id FROM loans LIMIT 20, 100", defaultGuardPolicy("sqlite")).limit).toEqual({ source: "statement", rows: 100 });
    expect(() => guardSql("SELECT loan_id FROM loans LIMIT 0, 10001", defaultGuardPolicy("sqlite"))).toThrow(SqlGuardError);
  });

  it("leaves a bound LIMIT to the engine's maxRows", () => {
    const guarded = guardSql("SELECT loan_id FROM loans LIMIT $1", defaultGuardPolicy("postgres"));
    expect(guarded.limit).toEqual({ source: "placeholder", rows: null });
    expect(guarded.sql).toBe("SELECT loan_id FROM loans LIMIT $1");
  });

  it("adds the limit to the outer query only, not to a derived table's", () => {
    const guarded = guardSql("SELECT t.n FROM (SELECT count(*) AS n FROM loans LIMIT 1) t", defaultGuardPolicy("sqlite", { maxRows: 50 }));
    expect(guarded.sql.endsWith("\nLIMIT 51")).toBe(true);
  });
});

describe("output columns and pii", () => {
  it("expands SELECT * over customers in table order and reports pii by position", () => {
    const guarded = guardSql("SELECT * FROM customers", defaultGuardPolicy("sqlite"));
    expect(guarded.columns.slice(0, 4)).toEqual([
      { name: "customer_id" },
      { name: "full_name", pii: "name" },
      { name: "id_number", pii: "id_number" },
      { name: "phone", pii: "phone" },
    ]);
    expect(guarded.columns).toHaveLength(15);
    expect(guarded.masked).toEqual({ 2: "id_number", 3: "phone" });
  });

  it("follows pii through CTE column lists, derived tables and aliases", () => {
    const guarded = guardSql(
      "WITH x(id, contact) AS (SELECT customer_id, phone FROM customers) SELECT d.who, x.contact FROM x JOIN (SELECT customer_id, id_number AS who FROM customers) d ON d.customer_id = x.id",
      defaultGuardPolicy("sqlite"),
    );
    expect(guarded.columns).toEqual([
      { name: "who", pii: "id_number" },
      { name: "contact", pii: "phone" },
    ]);
    expect(guarded.masked).toEqual({ 0: "id_number", 1: "phone" });
  });

  it("reports full names without restricting them", () => {
    const guarded = guardSql("SELECT full_name FROM customers WHERE full_name LIKE ?", defaultGuardPolicy("sqlite"));
    expect(guarded.columns).toEqual([{ name: "full_name", pii: "name" }]);
    expect(guarded.masked).toEqual({});
  });

  it("restricts full names too when a policy says so", () => {
    const policy = defaultGuardPolicy("sqlite", { restrictedPii: new Set(["name", "id_number", "phone"] as const) });
    expect(() => guardSql("SELECT customer_id FROM customers WHERE full_name = ?", policy)).toThrow(expect.objectContaining({ code: "GUARD_PII_EXPRESSION" }));
    expect(guardSql("SELECT full_name FROM customers", policy).masked).toEqual({ 0: "name" });
  });

  it("names the offending column in the refusal, in both languages", () => {
    const refusal = refusalOf("SELECT substr(id_number, 1, 6) FROM customers", "sqlite");
    expect(refusal.details).toMatchObject({ subject: "id_number", pii: "id_number" });
    expect(refusal.messages.en).toContain("id_number");
    expect(refusal.messages.zh).toContain("id_number");
    expect(refusal.audience).toBe("user");
  });
});

describe("the cost bound", () => {
  it("keeps joins on keys cheap and multiplies joins without a condition", () => {
    const policy = policies.sqlite;
    const keyed = guardSql("SELECT count(*) FROM repayments r JOIN loans l ON l.loan_id = r.loan_id JOIN customers c ON c.customer_id = l.customer_id", policy);
    expect(keyed.estimatedCost).toBe(SCALE_ONE_ROW_COUNTS.repayments);
    const refusal = refusalOf("SELECT count(*) FROM customers a, customers b", "sqlite");
    expect(refusal.code).toBe("GUARD_COST");
    expect(refusal.details).toMatchObject({ estimatedCost: 20_000 * 20_000, maxCost: policy.maxCost });
  });

  it("treats a comma join with an equality in WHERE as a join", () => {
    const guarded = guardSql("SELECT count(*) FROM loans l, customers c WHERE c.customer_id = l.customer_id AND l.status = 'active'", policies.sqlite);
    expect(guarded.estimatedCost).toBe(SCALE_ONE_ROW_COUNTS.loans);
  });

  it("refuses cross joins of tables whose size is unknown (one million rows assumed)", () => {
    expect(() => guardSql("SELECT count(*) FROM branches, products", defaultGuardPolicy("sqlite"))).toThrow(expect.objectContaining({ code: "GUARD_COST" }));
  });

  it("honours a policy's maxCost", () => {
    const strict = defaultGuardPolicy("sqlite", { tableRowCounts: SCALE_ONE_ROW_COUNTS, maxCost: 10_000 });
    expect(() => guardSql("SELECT count(*) FROM loans", strict)).toThrow(expect.objectContaining({ code: "GUARD_COST" }));
  });
});

describe("parsing", () => {
  it("reads SQLite statements the SQLite grammar lacks (window frames, RIGHT JOIN) with the PostgreSQL grammar, keeping `?`", () => {
    const sql = "SELECT l.loan_id, sum(l.principal) OVER (ORDER BY l.disbursed_date ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS moving FROM branches b RIGHT JOIN loans l ON l.branch_id = b.branch_id WHERE l.status = ?";
    const guarded = guardSql(sql, policies.sqlite);
    expect(guarded.sql).toBe(`${sql}\nLIMIT 10001`);
    expect(guarded.parameterCount).toBe(1);
  });

  it("counts placeholders per dialect", () => {
    expect(guardSql("SELECT loan_id FROM loans WHERE status = ? AND current_dpd > ?", policies.sqlite).parameterCount).toBe(2);
    expect(guardSql("SELECT loan_id FROM loans WHERE status = $1 AND current_dpd > $2 AND branch_id = $1", policies.postgres).parameterCount).toBe(2);
  });

  it("lists the contract tables read", () => {
    const guarded = guardSql("SELECT b.city, count(*) FROM loans l JOIN branches b ON b.branch_id = l.branch_id GROUP BY b.city", policies.postgres);
    expect(guarded.tables).toEqual(["branches", "loans"]);
  });

  it.each<[string, SqlGuardCode]>([
    ["SELECT loan_id FROM loans WHERE principal ->> 'x' = '1'", "GUARD_UNSUPPORTED_SYNTAX"],
    ["SELECT loan_id FROM loans WHERE principal @> 1", "GUARD_FORBIDDEN_SYNTAX"],
    ["SELECT ARRAY[phone] FROM customers", "GUARD_FORBIDDEN_SYNTAX"],
    ["SELECT ROW(c.*) FROM customers c", "GUARD_FUNCTION_NOT_ALLOWED"],
    ["SELECT c FROM customers c", "GUARD_UNKNOWN_COLUMN"],
  ])("fails closed on constructs it does not model: %s", (sql, code) => {
    expect(refusalOf(sql, "postgres").code).toBe(code);
  });

  it.each(DIALECTS)("reads IS [NOT] DISTINCT FROM and COLLATE, which the parser lacks, and still checks their columns (%s)", (dialect) => {
    const sql = 'SELECT a.month COLLATE "C" AS month FROM risk_scores a LEFT JOIN risk_scores b ON a.customer_id = b.customer_id AND b.month IS NOT DISTINCT FROM a.month WHERE a.risk_grade IS DISTINCT FROM b.risk_grade';
    expect(guardSql(sql, policies[dialect]).sql).toBe(`${sql}\nLIMIT 10001`);
    expect(refusalOf("SELECT customer_id FROM customers WHERE phone IS NOT DISTINCT FROM '13812345678'", dialect).code).toBe("GUARD_PII_EXPRESSION");
    expect(refusalOf("SELECT customer_id FROM customers WHERE city IS DISTINCT FROM secret", dialect).code).toBe("GUARD_UNKNOWN_COLUMN");
  });

  it("refuses a statement too long to be a question", () => {
    expect(refusalOf(`SELECT loan_id FROM loans WHERE ${"1 = 1 AND ".repeat(3000)}1 = 1`, "sqlite").code).toBe("GUARD_PARSE");
  });
});
