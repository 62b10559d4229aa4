/**
 * run_sql: exploration for the model, through the guarded executor only. The model sees masked values and at most
 * LLM_MAX_RESULT_ROWS rows; a refused statement comes back with the guard's reason.
 */
import { z } from "zod";
import { executeGuarded } from "../../../tools/sql-executor.ts";
import { definePlannerTool } from "./planner-tool.ts";

/** Most rows the guard lets an exploration statement fetch (the model sees fewer). */
const EXPLORATION_MAX_ROWS = 1_000;

/** The exploration tool. */
export const runSqlTool = definePlannerTool({
  name: "run_sql",
  description:
    "Run one read-only SELECT to explore the data (check values, sizes, distributions) before planning. " +
    "Only the contract tables are allowed; personal data comes back masked; only the first rows are shown. " +
    "This does not answer the question: finish with plan_query.",
  input: z
    .object({
      sql: z.string().min(1).max(10_000).describe("one SELECT statement in the engine's dialect"),
      purpose: z.string().max(300).optional().describe("what you want to learn from it"),
    })
    .strict(),
  async run(args, session) {
    const basePolicy = await session.policy();
    const policy = { ...basePolicy, maxRows: Math.min(basePolicy.maxRows, EXPLORATION_MAX_ROWS) };
    session.emit({ type: "sql", sql: args.sql });
    const executed = await executeGuarded(session.engine, args.sql, [], { policy, timeoutMs: session.queryTimeoutMs });
    session.emit({ type: "rows", rowCount: executed.rowCount, ms: executed.ms });
    const shown = executed.rows.slice(0, session.maxResultRows);
    return {
      kind: "result",
      content: {
        columns: executed.columns,
        rows: shown,
        rowCount: executed.rowCount,
        shownRows: shown.length,
        truncated: executed.truncated || shown.length < executed.rowCount,
        maskedColumns: Object.keys(executed.masked).map((index) => executed.columns[Number(index)]),
      },
    };
  },
});
