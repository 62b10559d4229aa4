/**
 * The SQL dialect hooks of the compiler. `standardDialect` writes standard SQL that SQLite 3.39+ and PostgreSQL
 * both accept; each dialect spreads it and overrides only what differs (placeholders, casts, dates, sorting).
 */
import type { DialectName } from "../../../schema/ddl.ts";
import type { TimeGrain } from "../../plan/query-plan.ts";

/** How a date column is stored: 'YYYY-MM-DD' dates, 'YYYY-MM-DD HH:MM:SS' timestamps, 'YYYY-MM' months. */
export type TimeColumnType = "date" | "timestamp" | "month";

/** The hooks one SQL dialect provides. Expressions in and out are SQL text. */
export interface SqlDialect {
  readonly name: DialectName;
  /** The n-th (1-based) bound parameter. */
  placeholder(index: number): string;
  /** Floating-point division that yields NULL for a zero denominator. */
  divide(numerator: string, denominator: string): string;
  /** The label of the time bucket holding the column's value: 'YYYY-MM-DD', 'YYYY-MM', 'YYYY-Qn' or 'YYYY'. */
  timeBucket(column: string, type: TimeColumnType, grain: TimeGrain): string;
  /** Equality that treats two NULLs as equal (joining grouped results on their keys). */
  nullSafeEquals(left: string, right: string): string;
  /** A bound text parameter in a select list, where no column gives it a type. */
  textParameter(parameter: string): string;
  /** A bound numeric parameter compared with a number of any SQL type. */
  numberParameter(parameter: string): string;
  /** A text key in a select list, given the byte-wise collation that both engines sort alike. */
  textKey(expression: string): string;
  /** One ORDER BY term; NULLs sort as SQLite sorts them (first ascending, last descending) on every engine. */
  orderTerm(expression: string, direction: "asc" | "desc", collateText?: boolean): string;
  /** A NULL number in a UNION branch (PostgreSQL types two bare NULLs that meet first as text). */
  readonly nullNumber: string;
  /** A bucket label's position: consecutive buckets give consecutive integers (finds the bucket just before). */
  bucketIndex(label: string, grain: TimeGrain): string;
}

const SUBSTR_MONTH = (column: string) => `substr(${column}, 1, 7)`;
const SUBSTR_YEAR = (column: string) => `substr(${column}, 1, 4)`;
const SUBSTR_QUARTER = (column: string) => `substr(${column}, 1, 4) || '-Q' || ((CAST(substr(${column}, 6, 2) AS INTEGER) + 2) / 3)`;

/** Standard SQL shared by both dialects: time buckets on text dates, IS NOT DISTINCT FROM, plain ORDER BY (day indexes by julianday, SQLite's). */
export const standardDialect: Omit<SqlDialect, "name" | "placeholder" | "divide"> = {
  timeBucket(column, type, grain) {
    if (grain === "day") return type === "timestamp" ? `substr(${column}, 1, 10)` : column;
    if (grain === "month") return type === "month" ? column : SUBSTR_MONTH(column);
    if (grain === "quarter") return SUBSTR_QUARTER(column);
    return SUBSTR_YEAR(column);
  },
  nullSafeEquals: (left, right) => `${left} IS NOT DISTINCT FROM ${right}`,
  textParameter: (parameter) => parameter,
  numberParameter: (parameter) => parameter,
  textKey: (expression) => expression,
  orderTerm: (expression, direction) => `${expression} ${direction.toUpperCase()}`,
  nullNumber: "NULL",
  bucketIndex(label, grain) {
    const year = `CAST(substr(${label}, 1, 4) AS INTEGER)`;
    if (grain === "month") return `${year} * 12 + CAST(substr(${label}, 6, 2) AS INTEGER)`;
    if (grain === "quarter") return `${year} * 4 + CAST(substr(${label}, 7, 1) AS INTEGER)`;
    if (grain === "year") return year;
    return `CAST(julianday(${label}) AS INTEGER)`;
  },
};
