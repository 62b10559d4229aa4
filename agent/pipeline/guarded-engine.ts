/**
 * An engine that sends every statement through the SQL guard (and masking) and records what ran: scoring tools
 * query through it, so their statements are checked like any other and appear in the answer's `sql`.
 */
import type { Engine, QueryOptions, QueryResult } from "../../tools/engines/engine.ts";
import { executeGuarded } from "../../tools/sql-executor.ts";
import type { GuardPolicy } from "../../tools/sql-guard/guard-policy.ts";

/** A guarded engine plus the statements it ran, in order, and their database time. */
export interface RecordingEngine extends Engine {
  readonly statements: string[];
  readonly sqlMs: number;
}

/** Wraps an engine: queries pass the guard with `policy`; close() leaves the underlying engine open. */
export function guardedRecordingEngine(engine: Engine, policy: GuardPolicy, timeoutMs?: number): RecordingEngine {
  const statements: string[] = [];
  let sqlMs = 0;
  return {
    dialect: engine.dialect,
    statements,
    get sqlMs() {
      return sqlMs;
    },
    async query(sql: string, params: readonly unknown[] = [], options: QueryOptions = {}): Promise<QueryResult> {
      const executed = await executeGuarded(engine, sql, params, { policy, timeoutMs: options.timeoutMs ?? timeoutMs });
      statements.push(executed.sql);
      sqlMs += executed.ms;
      return { columns: executed.columns.map((name) => ({ name })), rows: executed.rows, truncated: executed.truncated, ms: executed.ms };
    },
    meta: () => engine.meta(),
    tableRowCounts: () => engine.tableRowCounts(),
    close: async () => undefined,
  };
}
