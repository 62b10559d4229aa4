/** SQLite (sql.js): `?` placeholders, REAL division; dates are text, so the standard substr buckets apply. */
import { standardDialect } from "./sql-dialect.ts";
import type { SqlDialect } from "./sql-dialect.ts";

/** The SQLite dialect. */
export const sqliteDialect: SqlDialect = {
  ...standardDialect,
  name: "sqlite",
  placeholder: () => "?",
  divide: (numerator, denominator) => `CAST(${numerator} AS REAL) / NULLIF(${denominator}, 0)`,
};
