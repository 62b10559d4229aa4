/**
 * PostgreSQL: `$n` placeholders, DOUBLE PRECISION division, to_char on DATE and TIMESTAMP columns (month columns
 * are text and keep the standard substr), typed parameters where no column types them, and SQLite's sort order
 * (byte-wise text, NULLs first ascending) so that top-N answers match on both engines.
 */
import { standardDialect } from "./sql-dialect.ts";
import type { SqlDialect } from "./sql-dialect.ts";

const TO_CHAR_FORMATS = { day: "YYYY-MM-DD", month: "YYYY-MM", quarter: "YYYY-\"Q\"Q", year: "YYYY" } as const;

/** Byte-wise collation; COLLATE binds tighter than ||, so anything but a column is parenthesized. */
function collate(expression: string): string {
  return /^[a-z_]+(\.[a-z_]+)?$/.test(expression) ? `${expression} COLLATE "C"` : `(${expression}) COLLATE "C"`;
}

/** The PostgreSQL dialect. */
export const postgresDialect: SqlDialect = {
  ...standardDialect,
  name: "postgres",
  placeholder: (index) => `$${index}`,
  divide: (numerator, denominator) => `CAST(${numerator} AS DOUBLE PRECISION) / NULLIF(${denominator}, 0)`,
  timeBucket(column, type, grain) {
    if (type === "month") return standardDialect.timeBucket(column, type, grain);
    return `to_char(${column}, '${TO_CHAR_FORMATS[grain]}')`;
  },
  textParameter: (parameter) => `CAST(${parameter} AS TEXT)`,
  numberParameter: (parameter) => `CAST(${parameter} AS DOUBLE PRECISION)`,
  textKey: collate,
  orderTerm: (expression, direction, collateText = false) => `${collateText ? collate(expression) : expression} ${direction === "asc" ? "ASC NULLS FIRST" : "DESC NULLS LAST"}`,
  nullNumber: "CAST(NULL AS DOUBLE PRECISION)",
  // Days: the number of days since a fixed date (julianday is SQLite's); month, quarter and year as standard.
  bucketIndex: (label, grain) => (grain === "day" ? `CAST(${label} AS DATE) - CAST('2000-01-01' AS DATE)` : standardDialect.bucketIndex(label, grain)),
};
