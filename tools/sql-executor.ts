/** The only way rows leave a database: guard the statement, run it on the engine, mask pii, report what ran. */
import type { Engine } from "./engines/engine.ts";
import { maskRows } from "./masking.ts";
import { defaultGuardPolicy } from "./sql-guard/guard-policy.ts";
import type { GuardPolicy, PiiKind } from "./sql-guard/guard-policy.ts";
import { guardSql } from "./sql-guard/guard-sql.ts";
import type { GuardedStatement } from "./sql-guard/guard-sql.ts";
import { refuse } from "./sql-guard/sql-guard-error.ts";

/** Options of one guarded execution. */
export interface ExecuteGuardedOptions {
  policy: GuardPolicy;
  /** Passed to the engine, which really stops the statement after this long. */
  timeoutMs?: number;
}

/** What ran and what came back, with pii masked. */
export interface ExecutedStatement {
  /** The statement exactly as executed (see GuardedStatement.sql). */
  sql: string;
  params: unknown[];
  columns: string[];
  rows: unknown[][];
  rowCount: number;
  /** True when more than policy.maxRows rows existed and only maxRows came back. */
  truncated: boolean;
  /** Time spent in the database, milliseconds. */
  ms: number;
  /** Time the SQL guard took (nearly nothing for a statement it accepted before), milliseconds. */
  guardMs: number;
  /** Columns whose values were masked, by position. */
  masked: Readonly<Record<number, PiiKind>>;
  /** Contract tables read. */
  tables: string[];
}

/** Guards, runs and masks one statement. Throws SqlGuardError for a refused statement; the engine is not called then. */
export async function executeGuarded(
  engine: Engine,
  sql: string,
  params: readonly unknown[],
  options: ExecuteGuardedOptions,
): Promise<ExecutedStatement> {
  const { policy } = options;
  if (policy.dialect !== engine.dialect) throw refuse("GUARD_DIALECT_MISMATCH", `policy ${policy.dialect}, engine ${engine.dialect}`);
  const guardStarted = performance.now();
  const guarded = guardSql(sql, policy);
  const guardMs = performance.now() - guardStarted;
  checkParameters(guarded, params);

  const result = await engine.query(guarded.sql, params, { maxRows: policy.maxRows, ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) });
  const columns = result.columns.map((column) => column.name);
  const masked = maskPlan(guarded, columns, policy);
  const truncated = result.truncated || result.rows.length > policy.maxRows;
  const rows = maskRows(result.rows.slice(0, policy.maxRows), masked);
  return { sql: guarded.sql, params: [...params], columns, rows, rowCount: rows.length, truncated, ms: result.ms, guardMs, masked, tables: guarded.tables };
}

/** A guard policy for an engine: the dialect's defaults with the engine's table row counts for the cost bound. */
export async function guardPolicyFor(engine: Engine, overrides: Partial<Omit<GuardPolicy, "dialect">> = {}): Promise<GuardPolicy> {
  return defaultGuardPolicy(engine.dialect, { tableRowCounts: await engine.tableRowCounts(), ...overrides });
}

/** Parameters must match the placeholders in number and be plain scalar values. */
function checkParameters(guarded: GuardedStatement, params: readonly unknown[]): void {
  if (params.length !== guarded.parameterCount) {
    throw refuse("GUARD_PARAMETERS", `${params.length} given, ${guarded.parameterCount} expected`, { given: params.length, expected: guarded.parameterCount });
  }
  params.forEach((value, index) => {
    const plain = value === null || ["string", "number", "boolean"].includes(typeof value);
    if (!plain) throw refuse("GUARD_PARAMETERS", `parameter ${index + 1} is a ${Array.isArray(value) ? "array" : typeof value}`);
  });
}

/**
 * The columns to mask: the guard's pii columns, checked against what the engine returned (a different shape
 * means the guard's reading of the statement was wrong, so no rows are returned), plus any column the engine
 * names like a restricted pii column.
 */
function maskPlan(guarded: GuardedStatement, columns: readonly string[], policy: GuardPolicy): Record<number, PiiKind> {
  if (columns.length !== guarded.columns.length) {
    throw refuse("GUARD_RESULT_SHAPE", `${columns.length} columns returned, ${guarded.columns.length} expected`);
  }
  const masked: Record<number, PiiKind> = { ...guarded.masked };
  for (const [index, kind] of Object.entries(guarded.masked)) {
    const expected = guarded.columns[Number(index)].name;
    const actual = columns[Number(index)].toLowerCase();
    if (expected !== null && expected !== actual) throw refuse("GUARD_RESULT_SHAPE", `column ${Number(index) + 1} is ${actual}, expected ${expected} (${kind})`);
  }
  const restrictedByName = new Map<string, PiiKind>();
  for (const table of policy.tables.values()) {
    for (const [column, kind] of Object.entries(table.pii)) if (policy.restrictedPii.has(kind)) restrictedByName.set(column, kind);
  }
  columns.forEach((name, index) => {
    const kind = restrictedByName.get(name.toLowerCase());
    if (kind && masked[index] === undefined) masked[index] = kind;
  });
  return masked;
}
