/** Runs gold SQL with sql.js on a dataset file, binding :as_of to the dataset's as-of date; runs gold scoring tool calls too. */
import { readFileSync } from "node:fs";
import initSqlJs from "sql.js";
import type { Database, SqlValue } from "sql.js";
import type { Engine } from "../../tools/engines/engine.ts";
import { createInMemoryEngine } from "../../tools/engines/in-memory-engine.ts";
import { runScoringTool } from "../../tools/scoring/registry.ts";
import type { GoldTool } from "./eval-case.ts";

/** A gold query's result: column names and rows. */
export interface GoldResult {
  columns: string[];
  rows: SqlValue[][];
}

/** The tabular part of a scoring tool's output (tools/scoring/result-table.ts). */
interface ToolTable {
  columns: { name: string }[];
  rows: unknown[][];
}

/** The key of a tool call in the cache: the same call on one dataset always gives the same rows. */
const toolKey = (tool: GoldTool): string => JSON.stringify([tool.name, tool.args, tool.columns ?? null]);

let sqlModule: Promise<Awaited<ReturnType<typeof initSqlJs>>> | undefined;

/** A read-only handle on one dataset for gold queries. */
export class GoldDatabase {
  private engine: Engine | undefined;
  private readonly toolResults = new Map<string, { result: GoldResult } | { error: Error }>();

  private constructor(
    private readonly database: Database,
    /** The dataset's as-of date from `meta`. */
    readonly asOfDate: string,
  ) {}

  /** Opens a dataset file (loaded into memory). */
  static async open(path: string): Promise<GoldDatabase> {
    sqlModule ??= initSqlJs();
    const SQL = await sqlModule;
    const database = new SQL.Database(readFileSync(path));
    const result = database.exec("SELECT value FROM meta WHERE key = 'as_of_date'");
    const asOfDate = String(result[0]?.values[0]?.[0] ?? "");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOfDate)) throw new Error(`dataset ${path} has no as_of_date in meta`);
    return new GoldDatabase(database, asOfDate);
  }

  /** Runs one SELECT with :as_of bound; throws on SQL errors. */
  query(sql: string): GoldResult {
    const statement = this.database.prepare(sql);
    try {
      statement.bind({ ":as_of": this.asOfDate });
      const columns = statement.getColumnNames();
      const rows: SqlValue[][] = [];
      while (statement.step()) rows.push(statement.get());
      return { columns, rows };
    } finally {
      statement.free();
    }
  }

  /**
   * Runs a gold scoring tool call through the tools' registry (as the product's tool steps do) on this dataset and
   * remembers its rows (or its error) for {@link toolResult}. Keeps only `columns` when the call names them.
   */
  async runTool(tool: GoldTool): Promise<GoldResult> {
    const key = toolKey(tool);
    let entry = this.toolResults.get(key);
    if (!entry) {
      try {
        this.engine ??= createInMemoryEngine(this.database);
        const output = (await runScoringTool(tool.name, tool.args, { engine: this.engine, asOfDate: this.asOfDate })) as ToolTable;
        entry = { result: projectColumns(output, tool.columns) };
      } catch (error) {
        entry = { error: error instanceof Error ? error : new Error(String(error)) };
      }
      this.toolResults.set(key, entry);
    }
    if ("error" in entry) throw entry.error;
    return entry.result;
  }

  /** The rows of a tool call already run with {@link runTool}; throws its error, or when it was not run. */
  toolResult(tool: GoldTool): GoldResult {
    const entry = this.toolResults.get(toolKey(tool));
    if (!entry) throw new Error(`gold tool ${tool.name} was not run on this dataset`);
    if ("error" in entry) throw entry.error;
    return entry.result;
  }

  /** Every value of one column of a table (used to look for leaked PII). */
  values(table: string, column: string): string[] {
    const result = this.database.exec(`SELECT DISTINCT ${column} FROM ${table} WHERE ${column} IS NOT NULL`);
    return (result[0]?.values ?? []).map((row) => String(row[0]));
  }

  /** Frees the database. */
  close(): void {
    // The engine only borrows the database (closeDatabase false): closing it releases nothing else.
    void this.engine?.close();
    this.database.close();
  }
}

/** The tool's table as a gold result, keeping only the named columns (in that order) when some are named. */
function projectColumns(output: ToolTable, columns: readonly string[] | undefined): GoldResult {
  const names = output.columns.map((column) => column.name);
  const indexes = (columns ?? names).map((name) => {
    const index = names.indexOf(name);
    if (index < 0) throw new Error(`the tool has no column ${name} (it has ${names.join(", ")})`);
    return index;
  });
  return { columns: indexes.map((index) => names[index]), rows: output.rows.map((row) => indexes.map((index) => row[index] as SqlValue)) };
}
