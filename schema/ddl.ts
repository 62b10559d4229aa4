/** DDL for the contract tables and their indexes, per SQL dialect, generated from schema/tables.ts. */
import { INDEXES, TABLES } from "./tables.ts";
import type { ColumnType, TableDefinition } from "./tables.ts";

/** The SQL dialects LendLens speaks. */
export type DialectName = "sqlite" | "postgres";

const COLUMN_TYPES: Record<DialectName, Record<ColumnType, string>> = {
  sqlite: { text: "TEXT", integer: "INTEGER", real: "REAL", money: "REAL", rate: "REAL", date: "TEXT", timestamp: "TEXT", month: "TEXT" },
  // Dates stay comparable with 'YYYY-MM-DD' parameters on PostgreSQL; months stay 'YYYY-MM' text.
  postgres: {
    text: "TEXT",
    integer: "INTEGER",
    real: "DOUBLE PRECISION",
    money: "NUMERIC(14,2)",
    rate: "DOUBLE PRECISION",
    date: "DATE",
    timestamp: "TIMESTAMP",
    month: "TEXT",
  },
};

/** CREATE TABLE statement for one table. */
export function createTableSql(table: TableDefinition, dialect: DialectName): string {
  const columns = table.columns.map((column) => {
    const isSinglePrimaryKey = table.primaryKey.length === 1 && table.primaryKey[0] === column.name;
    const unique = table.unique?.includes(column.name) ? " UNIQUE" : "";
    return `${column.name} ${COLUMN_TYPES[dialect][column.type]}${isSinglePrimaryKey ? " PRIMARY KEY" : ""}${unique}`;
  });
  if (table.primaryKey.length > 1) columns.push(`PRIMARY KEY (${table.primaryKey.join(", ")})`);
  return `CREATE TABLE ${table.name} (${columns.join(", ")})`;
}

/** CREATE INDEX statements for every index. */
export function createIndexSql(): string[] {
  return INDEXES.map((index) => `CREATE INDEX idx_${index.table}_${index.columns.join("_")} ON ${index.table} (${index.columns.join(", ")})`);
}

/** The whole schema (tables, then indexes) for a dialect. */
export function schemaSql(dialect: DialectName): string[] {
  return [...TABLES.map((table) => createTableSql(table, dialect)), ...createIndexSql()];
}
