/** Builds a tiny in-memory contract database from a few partial rows, for the scoring tools' hand-computed tests. */
import initSqlJs from "sql.js";
import type { SqlValue } from "sql.js";
import { schemaSql } from "../../../schema/ddl.ts";
import { TABLES } from "../../../schema/tables.ts";
import type { ColumnDefinition } from "../../../schema/tables.ts";
import type { Engine } from "../../engines/engine.ts";
import { createInMemoryEngine } from "../../engines/in-memory-engine.ts";

/** Partial rows per table; unspecified columns get a neutral default. */
export type FixtureRows = Partial<Record<string, Record<string, SqlValue>[]>>;

export const FIXTURE_AS_OF_DATE = "2026-06-30";

/** A neutral value for a column the test did not set. */
function defaultValue(column: ColumnDefinition): SqlValue {
  if (column.nullable) return null;
  if (column.values) return column.values[0];
  switch (column.type) {
    case "integer":
    case "real":
    case "money":
    case "rate":
      return 0;
    case "date":
      return "2020-01-01";
    case "timestamp":
      return "2020-01-01 00:00:00";
    case "month":
      return "2026-06";
    default:
      return "";
  }
}

/** Creates the schema, inserts the rows (with defaults) and meta.as_of_date, and returns an in-memory engine. */
export async function createScoringEngine(rows: FixtureRows, asOfDate = FIXTURE_AS_OF_DATE): Promise<Engine> {
  const SQL = await initSqlJs();
  const database = new SQL.Database();
  for (const statement of schemaSql("sqlite")) database.run(statement);
  const allRows: FixtureRows = { ...rows, meta: [{ key: "as_of_date", value: asOfDate }, ...(rows.meta ?? [])] };
  for (const table of TABLES) {
    const tableRows = allRows[table.name] ?? [];
    if (tableRows.length === 0) continue;
    const statement = database.prepare(`INSERT INTO ${table.name} (${table.columns.map((column) => column.name).join(", ")}) VALUES (${table.columns.map(() => "?").join(", ")})`);
    tableRows.forEach((row, index) => {
      for (const key of Object.keys(row)) if (!table.columns.some((column) => column.name === key)) throw new Error(`${table.name} has no column ${key}`);
      statement.run(
        table.columns.map((column) => {
          if (column.name in row) return row[column.name];
          // Integer primary keys get row numbers so that several rows can omit them.
          if (table.primaryKey.length === 1 && table.primaryKey[0] === column.name && column.type === "integer") return index + 1;
          return defaultValue(column);
        }),
      );
    });
    statement.free();
  }
  return createInMemoryEngine(database, { closeDatabase: true });
}

/** A customer row with the columns the tools read. */
export function customer(customerId: string, extra: Record<string, SqlValue> = {}): Record<string, SqlValue> {
  return { customer_id: customerId, home_branch_id: "BR01", annual_income: 120000, onboard_date: "2020-01-01", status: "active", value_tier: "medium", ...extra };
}

/** An active loan row. */
export function activeLoan(loanId: string, customerId: string, extra: Record<string, SqlValue> = {}): Record<string, SqlValue> {
  return {
    loan_id: loanId,
    application_id: `A${loanId}`,
    customer_id: customerId,
    product_id: "P02",
    branch_id: "BR01",
    principal: 100000,
    annual_rate: 0.06,
    term_months: 36,
    disbursed_date: "2025-01-01",
    maturity_date: "2028-01-01",
    status: "active",
    outstanding_balance: 80000,
    current_dpd: 0,
    risk_class: "normal",
    ...extra,
  };
}

/** The products of the fixtures: a secured mortgage, an unsecured consumer loan and a secured auto loan. */
export const FIXTURE_PRODUCTS: Record<string, SqlValue>[] = [
  { product_id: "P01", product_name: "安居房贷", product_name_en: "Home Mortgage", category: "mortgage", secured: 1, base_rate: 0.04, min_amount: 100000, max_amount: 5000000, max_term_months: 360 },
  { product_id: "P02", product_name: "易贷消费贷", product_name_en: "Easy Consumer Loan", category: "consumer", secured: 0, base_rate: 0.06, min_amount: 1000, max_amount: 300000, max_term_months: 36 },
  { product_id: "P03", product_name: "畅行车贷", product_name_en: "Auto Loan", category: "auto", secured: 1, base_rate: 0.05, min_amount: 20000, max_amount: 500000, max_term_months: 60 },
];

/** A customer_monthly row with calm defaults (AUM 50,000, inflow 10,000, outflow 9,000, utilization 0.5). */
export function monthly(customerId: string, month: string, extra: Record<string, SqlValue> = {}): Record<string, SqlValue> {
  return {
    customer_id: customerId,
    month,
    aum: 50000,
    inflow: 10000,
    outflow: 9000,
    txn_count: 10,
    app_logins: 5,
    credit_utilization: 0.5,
    external_inquiries: 0,
    ...extra,
  };
}

/** The months 2025-12 .. 2026-06 around the fixture as-of month. */
export const FIXTURE_MONTHS = ["2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"];
