/** Row counts of the contract tables on PostgreSQL from planner statistics, cheap even on a warehouse. */
import { TABLES } from "../../schema/tables.ts";
import type { Engine } from "./engine.ts";
import { QueryFailedError } from "./engine-errors.ts";
import { quotePostgresIdentifier } from "./postgres-identifier.ts";

/**
 * Tables (and materialized views) report pg_class.reltuples, exact for small tables after ANALYZE (the loader
 * runs it) and a close estimate for big ones; a never-analyzed table is counted once with COUNT(*).
 * Views, partitioned and foreign tables (how a bank maps its warehouse onto the contract) report the
 * planner's estimate from EXPLAIN, so nothing scans billions of rows just to size a query.
 */
export async function estimateRowCounts(query: Engine["query"]): Promise<Record<string, number>> {
  const statistics = await query(
    "SELECT t.name, c.relkind::text, c.reltuples::float8 FROM unnest($1::text[]) WITH ORDINALITY AS t(name, position) " +
      "LEFT JOIN pg_class c ON c.oid = to_regclass(t.name) ORDER BY t.position",
    [TABLES.map((table) => table.name)],
  );
  const counts: Record<string, number> = {};
  for (const [name, relkind, reltuples] of statistics.rows as [string, string | null, number | null][]) {
    if (relkind === null || reltuples === null) throw new QueryFailedError(`table ${name} does not exist`);
    const table = quotePostgresIdentifier(name);
    if (relkind === "r" || relkind === "m") {
      counts[name] = reltuples >= 0 ? Math.round(reltuples) : Number((await query(`SELECT COUNT(*) FROM ${table}`)).rows[0]?.[0]);
    } else {
      const plan = (await query(`EXPLAIN (FORMAT JSON) SELECT * FROM ${table}`)).rows[0]?.[0] as [{ Plan: { "Plan Rows": number } }];
      counts[name] = plan[0].Plan["Plan Rows"];
    }
  }
  return counts;
}
