/** An engine wrapper that records every statement it runs (text, parameters, time), so a benchmark can replay them. */
import type { Engine, QueryOptions, QueryResult } from "../tools/engines/engine.ts";

/** One statement as the wrapped engine ran it. */
export interface RecordedStatement {
  sql: string;
  params: unknown[];
  /** Time the engine reported spending in the database, milliseconds. */
  engineMs: number;
  /** Time from the call to the result, queueing and worker messaging included, milliseconds. */
  wallMs: number;
}

/** An engine that remembers the statements run since the last `take()`. */
export interface RecordingEngine extends Engine {
  /** The statements recorded since the previous call, oldest first; the record starts afresh. */
  take(): RecordedStatement[];
}

/** Wraps an engine; queries go through unchanged. Meant for one question at a time (statements are not tagged). */
export function recordingEngine(inner: Engine): RecordingEngine {
  let recorded: RecordedStatement[] = [];
  return {
    dialect: inner.dialect,
    async query(sql: string, params: readonly unknown[] = [], options?: QueryOptions): Promise<QueryResult> {
      const started = performance.now();
      const result = await inner.query(sql, params, options);
      recorded.push({ sql, params: [...params], engineMs: result.ms, wallMs: performance.now() - started });
      return result;
    },
    meta: () => inner.meta(),
    tableRowCounts: () => inner.tableRowCounts(),
    close: () => inner.close(),
    take() {
      const taken = recorded;
      recorded = [];
      return taken;
    },
  };
}
