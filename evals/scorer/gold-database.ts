/** Runs gold SQL with sql.js on a dataset file, binding :as_of to the dataset's as-of date. */
import { readFileSync } from "node:fs";
import initSqlJs from "sql.js";
import type { Database, SqlValue } from "sql.js";

/** A gold query's result: column names and rows. */
export interface GoldResult {
  columns: string[];
  rows: SqlValue[][];
}

let sqlModule: Promise<Awaited<ReturnType<typeof initSqlJs>>> | undefined;

/** A read-only handle on one dataset for gold queries. */
export class GoldDatabase {
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

  /** Every value of one column of a table (used to look for leaked PII). */
  values(table: string, column: string): string[] {
    const result = this.database.exec(`SELECT DISTINCT ${column} FROM ${table} WHERE ${column} IS NOT NULL`);
    return (result[0]?.values ?? []).map((row) => String(row[0]));
  }

  /** Frees the database. */
  close(): void {
    this.database.close();
  }
}
