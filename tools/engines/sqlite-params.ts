/** Turns engine parameters into values sql.js can bind (numbers, strings, null), refusing anything else. */
import type { SqlValue } from "sql.js";
import { QueryFailedError } from "./engine-errors.ts";

/** Booleans become 1/0 (SQLite has no boolean), bigints numbers; objects and undefined are refused. */
export function toSqliteParams(params: readonly unknown[]): SqlValue[] {
  return params.map((value, index) => {
    if (value === null || typeof value === "number" || typeof value === "string" || value instanceof Uint8Array) return value;
    if (typeof value === "boolean") return value ? 1 : 0;
    if (typeof value === "bigint") return Number(value);
    throw new QueryFailedError(`parameter ${index + 1} has unsupported type ${value === undefined ? "undefined" : typeof value}`);
  });
}
