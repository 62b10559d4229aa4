/** Copies a generated dataset (a sql.js Database) into PostgreSQL: contract tables, rows, indexes, statistics. */
import pg from "pg";
import type { Database, SqlValue } from "sql.js";
import { createIndexSql, createTableSql } from "../../schema/ddl.ts";
import { TABLES } from "../../schema/tables.ts";
import type { TableDefinition } from "../../schema/tables.ts";
import { EngineUnavailableError, QueryFailedError } from "./engine-errors.ts";
import { quotePostgresIdentifier } from "./postgres-identifier.ts";

/** Where the load is, for a progress bar or a log line. */
export interface LoadProgress {
  phase: "schema" | "rows" | "indexes" | "analyze" | "done";
  /** The table being copied (phase "rows"). */
  table?: string;
  /** Rows of `table` copied so far, and its total. */
  rowsDone?: number;
  rowsTotal?: number;
}

/** Options of loadIntoPostgres. */
export interface LoadOptions {
  /** Target schema, created when missing (default public). */
  schema?: string;
  /** Rows per INSERT statement (default 1000, lowered to stay under PostgreSQL's 65,535 parameters). */
  batchRows?: number;
  /** Called at each phase and after every batch. */
  onProgress?: (progress: LoadProgress) => void;
}

/** What was loaded. */
export interface LoadSummary {
  schema: string;
  /** Rows copied per table. */
  rows: Record<string, number>;
  ms: number;
}

const MAX_PARAMETERS = 65_535;

/**
 * Drops and recreates the contract tables (schemaSql("postgres") types) in `schema`, copies every row with
 * batched multi-row INSERTs and bound parameters, then creates the indexes and runs ANALYZE.
 * Everything happens in one transaction: on failure the previous contents stay as they were.
 * DROP ... CASCADE also drops views a bank built on top of these tables; recreate them after a reload.
 */
export async function loadIntoPostgres(source: Database, url: string, options: LoadOptions = {}): Promise<LoadSummary> {
  const started = performance.now();
  const schema = options.schema ?? "public";
  const quotedSchema = quotePostgresIdentifier(schema);
  // The last step reported, so that a failure says where the load stopped.
  let step: LoadProgress = { phase: "schema" };
  const report = (progress: LoadProgress): void => {
    step = progress;
    options.onProgress?.(progress);
  };
  const client = new pg.Client({ connectionString: url, application_name: "lendlens-loader" });
  try {
    await client.connect();
  } catch (error) {
    throw new EngineUnavailableError(`cannot connect to PostgreSQL: ${(error as Error).message}`, { cause: error });
  }
  try {
    await client.query("BEGIN");
    report({ phase: "schema" });
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quotedSchema}`);
    await client.query(`SET LOCAL search_path TO ${quotedSchema}`);
    for (const table of [...TABLES].reverse()) await client.query(`DROP TABLE IF EXISTS ${table.name} CASCADE`);
    for (const table of TABLES) await client.query(createTableSql(table, "postgres"));

    const rows: Record<string, number> = {};
    for (const table of TABLES) rows[table.name] = await copyTable(source, client, table, options.batchRows ?? 1000, report);

    report({ phase: "indexes" });
    for (const statement of createIndexSql()) await client.query(statement);
    report({ phase: "analyze" });
    for (const table of TABLES) await client.query(`ANALYZE ${table.name}`);
    await client.query("COMMIT");
    report({ phase: "done" });
    return { schema, rows, ms: performance.now() - started };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    const where = step.table === undefined ? step.phase : `${step.phase} of ${step.table}`;
    const message = `loading into PostgreSQL failed during ${where}: ${(error as Error).message}`;
    throw new QueryFailedError(message, { sqlState: (error as { code?: string }).code, cause: error });
  } finally {
    await client.end();
  }
}

/** Streams one table out of sql.js and into PostgreSQL in batches; returns the number of rows copied. */
async function copyTable(
  source: Database,
  client: pg.Client,
  table: TableDefinition,
  batchRows: number,
  report: (progress: LoadProgress) => void,
): Promise<number> {
  const columnList = table.columns.map((column) => column.name).join(", ");
  const rowsTotal = Number(source.exec(`SELECT COUNT(*) FROM ${table.name}`)[0]?.values[0]?.[0] ?? 0);
  const rowsPerBatch = Math.max(1, Math.min(batchRows, Math.floor(MAX_PARAMETERS / table.columns.length)));
  const fullBatchSql = insertSql(table.name, columnList, table.columns.length, rowsPerBatch);
  report({ phase: "rows", table: table.name, rowsDone: 0, rowsTotal });

  const statement = source.prepare(`SELECT ${columnList} FROM ${table.name}`);
  let rowsDone = 0;
  let batch: SqlValue[] = [];
  const flush = async (rowCount: number): Promise<void> => {
    // Full batches reuse one named prepared statement; the last, shorter batch gets its own text.
    const config = rowCount === rowsPerBatch ? { name: `lendlens_load_${table.name}`, text: fullBatchSql, values: batch } : { text: insertSql(table.name, columnList, table.columns.length, rowCount), values: batch };
    await client.query(config);
    rowsDone += rowCount;
    batch = [];
    report({ phase: "rows", table: table.name, rowsDone, rowsTotal });
  };
  try {
    let rowCount = 0;
    while (statement.step()) {
      batch.push(...statement.get());
      rowCount += 1;
      if (rowCount === rowsPerBatch) {
        await flush(rowCount);
        rowCount = 0;
      }
    }
    if (rowCount > 0) await flush(rowCount);
  } finally {
    statement.free();
  }
  return rowsDone;
}

/** INSERT INTO table (columns) VALUES ($1, $2, ...), (...) for `rowCount` rows. */
function insertSql(tableName: string, columnList: string, columnCount: number, rowCount: number): string {
  const tuples: string[] = [];
  for (let row = 0; row < rowCount; row += 1) {
    const placeholders = Array.from({ length: columnCount }, (_, column) => `$${row * columnCount + column + 1}`);
    tuples.push(`(${placeholders.join(", ")})`);
  }
  return `INSERT INTO ${tableName} (${columnList}) VALUES ${tuples.join(", ")}`;
}
