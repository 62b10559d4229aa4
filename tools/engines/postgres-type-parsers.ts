/** pg type parsers that make PostgreSQL results look like SQLite's: numbers as numbers, dates and timestamps as text. */
import pg from "pg";

/** Builds the `types` option for pg's Pool and Client (pg's defaults for every type not listed here). */
export function sqliteShapedTypes(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  const { builtins } = pg.types;
  // Money is NUMERIC(14,2) and averages are NUMERIC: SQLite returns them as REAL numbers.
  types.setTypeParser(builtins.NUMERIC, "text", Number);
  // COUNT(*) and SUM(integer) are INT8; counts fit a double easily.
  types.setTypeParser(builtins.INT8, "text", Number);
  // SQLite has no boolean: a comparison in a select list yields 1 or 0.
  types.setTypeParser(builtins.BOOL, "text", (value) => (value === "t" ? 1 : 0));
  // Dates stay 'YYYY-MM-DD' text, never a JavaScript Date shifted by the local time zone.
  types.setTypeParser(builtins.DATE, "text", (value) => value);
  // Timestamps become 'YYYY-MM-DD HH:MM:SS': fractions and the zone (UTC in our sessions) are dropped.
  types.setTypeParser(builtins.TIMESTAMP, "text", (value) => value.slice(0, 19));
  types.setTypeParser(builtins.TIMESTAMPTZ, "text", (value) => value.slice(0, 19));
  return types;
}
