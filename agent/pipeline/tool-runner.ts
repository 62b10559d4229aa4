/**
 * The hook for tool steps (plan.query.kind === "tool"): a registry of runners by tool name. The tools developer
 * registers scoring tools here; the pipeline answers "unsupported" for a tool nobody registered.
 */
import type { Engine } from "../../tools/engines/engine.ts";
import type { GuardPolicy } from "../../tools/sql-guard/guard-policy.ts";
import type { SemanticLayer } from "../../schema/semantic-layer/semantic-layer.ts";
import type { Bilingual, Names } from "../../schema/semantic-layer/types.ts";
import type { DateRange, ToolQuery } from "../plan/query-plan.ts";
import type { DatasetValue, Language } from "../planner/planner.ts";

/** What a tool step runs with besides its arguments. */
export interface ToolRunContext {
  semanticLayer: SemanticLayer;
  asOfDate: string;
  language: Language;
  datasetValues: Record<string, DatasetValue[]>;
  /** The guard policy every statement of the tool must pass (use tools/sql-executor.ts executeGuarded). */
  policy: GuardPolicy;
  timeoutMs: number;
  /** The whole tool step, with its filters and limit. */
  query: ToolQuery;
  user?: string;
  /** Restricts rows to one branch when the asker is scoped to it. */
  scope?: { branchId: string };
}

/** One result column of a tool, labelled in both languages; format as in the semantic layer (or text/date/month/flag). */
export interface ToolResultColumn {
  name: string;
  label: Bilingual;
  format?: string;
}

/** What a tool step returns: its table, the statements it ran, and optionally its own short answer. */
export interface ToolRunResult {
  columns: ToolResultColumn[];
  rows: unknown[][];
  /** Rows that qualified before any limit. */
  rowCount: number;
  truncated?: boolean;
  /** Statements as executed, in order. */
  sql: string[];
  /** Time spent in the database, milliseconds. */
  sqlMs?: number;
  /** The short answer in both languages; a generic count sentence is used without it. */
  text?: Bilingual;
  /** Definitions (口径) the tool used. */
  definitions?: { id: string; names: Names; formula: string; description: Bilingual }[];
  period?: DateRange;
}

/** One tool step implementation. */
export interface ToolRunner {
  readonly name: string;
  run(engine: Engine, args: Record<string, unknown>, context: ToolRunContext): Promise<ToolRunResult>;
}

/** Tool runners by name. */
export class ToolRunnerRegistry {
  private readonly runners = new Map<string, ToolRunner>();

  constructor(runners: readonly ToolRunner[] = []) {
    for (const runner of runners) this.register(runner);
  }

  /** Adds (or replaces) the runner of its name. */
  register(runner: ToolRunner): this {
    this.runners.set(runner.name, runner);
    return this;
  }

  /** The runner of a tool, if one is registered. */
  get(name: string): ToolRunner | undefined {
    return this.runners.get(name);
  }

  /** Registered tool names. */
  names(): string[] {
    return [...this.runners.keys()];
  }
}
