/** The scoring tools (tools/scoring) as tool-step runners of the ask pipeline, each statement guarded and recorded. */
import { datasetIdentityOf } from "../../tools/scoring/model-cache-dataset.ts";
import type { StatementRecordingEngine } from "../../tools/scoring/model-source-statements.ts";
import { runScoringTool, SCORING_TOOL_NAMES, SCORING_TOOLS } from "../../tools/scoring/registry.ts";
import type { ResultColumn } from "../../tools/scoring/result-table.ts";
import { guardedRecordingEngine } from "./guarded-engine.ts";
import type { RecordingEngine } from "./guarded-engine.ts";
import { ToolRunnerRegistry } from "./tool-runner.ts";
import type { ToolRunner, ToolRunResult } from "./tool-runner.ts";

/** The tabular part every scoring tool returns. */
interface ScoringTable {
  columns: ResultColumn[];
  rows: unknown[][];
  row_count: number;
}

/** A runner for every scoring tool. */
export function scoringToolRunners(): ToolRunnerRegistry {
  const runners: ToolRunner[] = SCORING_TOOL_NAMES.map((name) => ({
    name,
    async run(engine, args, context): Promise<ToolRunResult> {
      // The wrapper is new on every call: it carries the engine's dataset identity so trained models are reused, and
      // collects the statements that built a reused model (a cache hit runs none, yet its numbers come from them).
      const guarded: RecordingEngine & StatementRecordingEngine = Object.assign(guardedRecordingEngine(engine, context.policy, context.timeoutMs), {
        datasetVersion: datasetIdentityOf(engine),
        reusedStatements: [] as string[],
      });
      const withLimit = context.query.limit !== undefined && args.limit === undefined ? { ...args, limit: context.query.limit } : args;
      const output = (await runScoringTool(name, withLimit, { engine: guarded, asOfDate: context.asOfDate, scope: context.scope })) as ScoringTable;
      const tool = SCORING_TOOLS[name];
      return {
        columns: output.columns.map((column) => ({ name: column.name, label: column.label, ...(column.format ? { format: column.format } : {}) })),
        rows: output.rows,
        rowCount: output.row_count,
        truncated: output.row_count > output.rows.length,
        sql: [...guarded.reusedStatements, ...guarded.statements],
        sqlMs: guarded.sqlMs,
        definitions: [
          {
            id: name,
            names: { zh: [tool.description.zh.split(/[::,,]/)[0]], en: [tool.description.en.split(/[:,]/)[0]] },
            formula: tool.description.en,
            description: tool.description,
          },
        ],
      };
    },
  }));
  return new ToolRunnerRegistry(runners);
}
