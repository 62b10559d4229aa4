/** The generator's programmatic API: build a dataset in memory, or write it to a SQLite file atomically. */
import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import initSqlJs from "sql.js";
import type { Database, SqlJsStatic } from "sql.js";
import { schemaSql } from "../ddl.ts";
import { simulateCustomer } from "./customer-simulation.ts";
import { resolveDatasetOptions } from "./dataset-options.ts";
import type { DatasetOptions, DatasetOptionsInput } from "./dataset-options.ts";
import { planDataset } from "./dataset-plan.ts";
import { DatasetWriter } from "./dataset-writer.ts";

/** Where a generation run is, for progress lines. */
export interface GenerationProgress {
  phase: "customers" | "indexes" | "export" | "done";
  customersDone?: number;
  customersTotal?: number;
}

/** Options of generateDataset: seed, scale, as-of date, and an optional progress callback. */
export interface GenerateDatasetOptions extends DatasetOptionsInput {
  onProgress?: (progress: GenerationProgress) => void;
}

/** What a run produced. */
export interface DatasetSummary {
  options: DatasetOptions;
  /** Rows per table. */
  rowCounts: Record<string, number>;
  totalRows: number;
}

let sqlJs: Promise<SqlJsStatic> | undefined;

/** The sql.js module, loaded once. */
export function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= initSqlJs();
  return sqlJs;
}

/** Generates into an open, empty sql.js database and returns the summary. */
export function fillDataset(database: Database, input: GenerateDatasetOptions = {}): DatasetSummary {
  const { onProgress, ...rest } = input;
  const options = resolveDatasetOptions(rest);
  const plan = planDataset(options);
  const statements = schemaSql("sqlite");
  // The database is thrown away whole on failure, so no rollback journal; a page cache large enough for the whole
  // dataset keeps sql.js from paging through its in-memory file system on every insert.
  database.run("PRAGMA journal_mode = OFF");
  database.run("PRAGMA cache_size = -800000");
  // Tables first; indexes after the rows are in (faster than keeping them up to date row by row).
  for (const statement of statements.filter((sql) => !sql.startsWith("CREATE INDEX"))) database.run(statement);
  database.run("BEGIN");
  const writer = new DatasetWriter(database, plan);
  writer.writeReferenceData();
  const step = Math.max(1, Math.ceil(plan.customerCount / 10));
  for (let index = 0; index < plan.customerCount; index += 1) {
    writer.writeCustomer(simulateCustomer(plan, index));
    if ((index + 1) % step === 0 || index + 1 === plan.customerCount) {
      onProgress?.({ phase: "customers", customersDone: index + 1, customersTotal: plan.customerCount });
    }
  }
  const rowCounts = writer.finish();
  onProgress?.({ phase: "indexes" });
  for (const statement of statements.filter((sql) => sql.startsWith("CREATE INDEX"))) database.run(statement);
  database.run("COMMIT");
  database.run("ANALYZE");
  database.run("PRAGMA cache_size = -2000");
  database.run("PRAGMA journal_mode = DELETE");
  return { options, rowCounts, totalRows: Object.values(rowCounts).reduce((sum, count) => sum + count, 0) };
}

/**
 * Generates a dataset in memory. The same seed, scale and as-of date always give the same table contents.
 * Throws DatasetOptionsError for bad options. The caller closes the database.
 */
export async function generateDataset(options: GenerateDatasetOptions = {}): Promise<Database> {
  const SQL = await loadSqlJs();
  const database = new SQL.Database();
  try {
    fillDataset(database, options);
    return database;
  } catch (error) {
    database.close();
    throw error;
  }
}

/**
 * Writes a database to `out` as a SQLite file: first to a temporary file beside it, then renamed, so that `out`
 * is never half-written (and a failed write leaves no temporary file behind).
 */
export async function saveDatabase(database: Database, out: string): Promise<string> {
  const target = resolve(out);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, database.export());
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return target;
}

/** Generates a dataset and writes it to `out` atomically (see saveDatabase). Returns what was written. */
export async function writeDataset(options: GenerateDatasetOptions & { out: string }): Promise<DatasetSummary & { out: string }> {
  const { out, ...rest } = options;
  const SQL = await loadSqlJs();
  const database = new SQL.Database();
  try {
    const summary = fillDataset(database, rest);
    rest.onProgress?.({ phase: "export" });
    const target = await saveDatabase(database, out);
    rest.onProgress?.({ phase: "done" });
    return { ...summary, out: target };
  } finally {
    database.close();
  }
}
