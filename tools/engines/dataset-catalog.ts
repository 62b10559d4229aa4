/** Reads a dataset's meta table and counts the rows of every contract table, through any engine's query function. */
import { TABLES } from "../../schema/tables.ts";
import type { QueryResult } from "./engine.ts";

/** The engine's own query function, as the catalog needs it. */
export type CatalogQuery = (sql: string, params?: readonly unknown[]) => Promise<QueryResult>;

/** The meta table as key → value (as_of_date, seed, scale, schema_version). */
export async function readMeta(query: CatalogQuery): Promise<Record<string, string>> {
  const result = await query("SELECT key, value FROM meta");
  return Object.fromEntries(result.rows.map(([key, value]) => [String(key), String(value)]));
}

/** Exact COUNT(*) of every contract table. */
export async function countContractRows(query: CatalogQuery): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const result = await query(`SELECT COUNT(*) FROM ${table.name}`);
    counts[table.name] = Number(result.rows[0]?.[0] ?? 0);
  }
  return counts;
}

/** Calls `read` once and keeps its answer; a failure is not kept, so the next call tries again. */
export function rememberSuccess<T>(read: () => Promise<T>): () => Promise<T> {
  let answer: Promise<T> | undefined;
  return () =>
    (answer ??= read().catch((error: unknown) => {
      answer = undefined;
      throw error;
    }));
}
