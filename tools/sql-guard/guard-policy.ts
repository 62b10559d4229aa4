/** What the SQL guard allows: tables and columns, functions, row limit and cost bound, per dialect. */
import type { DialectName } from "../../schema/ddl.ts";
import { TABLES } from "../../schema/tables.ts";
import type { ColumnDefinition } from "../../schema/tables.ts";

/** The kinds of personally identifying column (see schema/tables.ts). */
export type PiiKind = NonNullable<ColumnDefinition["pii"]>;

/** One allowlisted table: its columns in table order, their pii kinds, and its keys (for the cost estimate). */
export interface AllowedTable {
  name: string;
  columns: readonly string[];
  pii: Readonly<Record<string, PiiKind>>;
  /** Column sets that identify a row: the primary key and any unique column. */
  keys: readonly (readonly string[])[];
  /** Distinct values of enumeration columns (for the estimate of a join on them). */
  distinctCounts: Readonly<Record<string, number>>;
}

/** The rules one guarded statement must satisfy. Build it with defaultGuardPolicy. */
export interface GuardPolicy {
  dialect: DialectName;
  /** Allowlisted tables by lower-case name. */
  tables: ReadonlyMap<string, AllowedTable>;
  /** Allowlisted function names, lower case (aggregates, window and scalar functions). */
  functions: ReadonlySet<string>;
  /** Pii kinds that may only appear as plain output columns (masked after the query). */
  restrictedPii: ReadonlySet<PiiKind>;
  /** At most this many rows come back; a statement without LIMIT gets `LIMIT maxRows + 1`. */
  maxRows: number;
  /** The largest estimated number of row visits a statement may cost. */
  maxCost: number;
  /** Row counts per table for the cost estimate (Engine.tableRowCounts()); missing tables count defaultTableRows. */
  tableRowCounts?: Readonly<Record<string, number>>;
  /** Assumed rows of a table missing from tableRowCounts. */
  defaultTableRows: number;
  /** Assumed growth of a join on equal columns that are a key of neither side. */
  nonKeyJoinFanout: number;
}

/** Functions both dialects accept: aggregates, window functions, CASE helpers, arithmetic and text. */
const COMMON_FUNCTIONS = [
  "count", "sum", "avg", "min", "max",
  "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value", "last_value", "nth_value",
  "coalesce", "nullif", "round", "abs", "lower", "upper", "length", "substr", "substring", "trim", "ltrim", "rtrim",
  "instr", "replace",
  // node-sql-parser reads `NOT (a AND b)` as a call of a function named NOT: the boolean operator, nothing more.
  "not",
];

/** SQLite-only functions: its date functions and its scalar conveniences. */
const SQLITE_FUNCTIONS = ["strftime", "date", "datetime", "julianday", "iif", "ifnull", "total", "group_concat"];

/** PostgreSQL-only functions: date arithmetic, formatting and statistics. */
const POSTGRES_FUNCTIONS = [
  "date_trunc", "date_part", "to_char", "to_date", "to_timestamp", "age", "make_date", "greatest", "least",
  "floor", "ceil", "ceiling", "sign", "mod", "power", "sqrt", "ln", "exp",
  "string_agg", "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp", "percentile_cont", "percentile_disc",
  "bool_and", "bool_or",
];

/** The default allowlists of one dialect (exported for tests and docs). */
export function defaultFunctions(dialect: DialectName): ReadonlySet<string> {
  return new Set([...COMMON_FUNCTIONS, ...(dialect === "sqlite" ? SQLITE_FUNCTIONS : POSTGRES_FUNCTIONS)]);
}

/** The contract tables of schema/tables.ts as guard allowlist entries. */
export function contractTables(): ReadonlyMap<string, AllowedTable> {
  const tables = new Map<string, AllowedTable>();
  for (const table of TABLES) {
    const pii: Record<string, PiiKind> = {};
    const distinctCounts: Record<string, number> = {};
    for (const column of table.columns) {
      if (column.pii) pii[column.name] = column.pii;
      if (column.values) distinctCounts[column.name] = column.values.length;
    }
    const keys = [table.primaryKey, ...(table.unique ?? []).map((column) => [column])];
    tables.set(table.name, { name: table.name, columns: table.columns.map((column) => column.name), pii, keys, distinctCounts });
  }
  return tables;
}

/** The default policy of a dialect, built from schema/tables.ts; overrides replace single fields. */
export function defaultGuardPolicy(dialect: DialectName, overrides: Partial<Omit<GuardPolicy, "dialect">> = {}): GuardPolicy {
  return {
    dialect,
    tables: contractTables(),
    functions: defaultFunctions(dialect),
    restrictedPii: new Set<PiiKind>(["id_number", "phone"]),
    maxRows: 10_000,
    maxCost: 50_000_000,
    defaultTableRows: 1_000_000,
    nonKeyJoinFanout: 10,
    ...overrides,
  };
}
