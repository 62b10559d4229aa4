/** Runs a scoring tool's read-only SELECT with `?` placeholders on any engine, returning rows as records. */
import type { Engine } from "../engines/engine.ts";
import { ScoringInputTruncatedError } from "./scoring-errors.ts";

/** A result row keyed by column name. */
export type Row = Record<string, unknown>;

/** Rewrites `?` placeholders to `$1, $2, ...` for PostgreSQL (the tools' SQL never has `?` inside string literals). */
export function toDialectPlaceholders(sql: string, dialect: Engine["dialect"]): string {
  if (dialect === "sqlite") return sql;
  let position = 0;
  return sql.replace(/\?/g, () => `$${++position}`);
}

/** `?, ?, ?` for an IN list of `count` values (count >= 1). */
export function placeholderList(count: number): string {
  return Array.from({ length: count }, () => "?").join(", ");
}

/**
 * Runs one statement whose result is small by construction (one row, a row per channel) and maps every row to a
 * record keyed by column name. Throws ScoringInputTruncatedError when a row cap cut the result short; inputs that
 * grow with the data are read whole with readAllRecords (paged-read.ts) instead.
 */
export async function queryRows(engine: Engine, sql: string, params: readonly unknown[] = []): Promise<Row[]> {
  const result = await engine.query(toDialectPlaceholders(sql, engine.dialect), params);
  if (result.truncated) throw new ScoringInputTruncatedError(result.rows.length, sql.replace(/\s+/g, " ").trim());
  const names = result.columns.map((column) => column.name);
  return result.rows.map((values) => Object.fromEntries(names.map((name, index) => [name, values[index]])));
}

/** A number from a database value (PostgreSQL NUMERIC arrives parsed; null and undefined become `fallback`). */
export function numberOf(value: unknown, fallback = 0): number {
  if (value === null || value === undefined) return fallback;
  const number = typeof value === "number" ? value : Number(value);
  return Number.isFinite(number) ? number : fallback;
}

/** A number or null from a database value. */
export function nullableNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/** Filters on customers (alias `c`) shared by the tools: branch scope, value tier, explicit customer ids. */
export interface CustomerFilter {
  branchId?: string;
  valueTier?: string;
  customerIds?: readonly string[];
  /** Only customers with status 'active' (not churned). */
  activeOnly?: boolean;
}

/** SQL conditions (joined with AND, or "1 = 1") and their parameters for a customer filter on alias `c`. */
export function customerConditions(filter: CustomerFilter): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filter.branchId !== undefined) {
    conditions.push("c.home_branch_id = ?");
    params.push(filter.branchId);
  }
  if (filter.valueTier !== undefined) {
    conditions.push("c.value_tier = ?");
    params.push(filter.valueTier);
  }
  if (filter.customerIds !== undefined) {
    conditions.push(filter.customerIds.length === 0 ? "1 = 0" : `c.customer_id IN (${placeholderList(filter.customerIds.length)})`);
    params.push(...filter.customerIds);
  }
  if (filter.activeOnly) conditions.push("c.status = 'active'");
  return { sql: conditions.length === 0 ? "1 = 1" : conditions.join(" AND "), params };
}
