/**
 * A deliberately careless Engine for the guard's tests: it opens the dataset file, runs whatever it is given
 * with no read-only protection, and writes the database back to the file after every query. If a statement
 * slipped past the guard and changed anything, the file's hash would show it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { Engine, QueryOptions, QueryResult } from "../../engines/engine.ts";
import { loadSqlJs } from "./tiny-dataset.ts";

/** The careless engine and the statements it was asked to run. */
export interface CarelessEngine extends Engine {
  readonly executed: string[];
}

/** Creates the careless engine over a dataset file. */
export async function createCarelessFileEngine(path: string): Promise<CarelessEngine> {
  const SQL = await loadSqlJs();
  const executed: string[] = [];
  const withDatabase = <T>(work: (database: InstanceType<typeof SQL.Database>) => T): T => {
    const database = new SQL.Database(readFileSync(path));
    try {
      return work(database);
    } finally {
      writeFileSync(path, database.export());
      database.close();
    }
  };
  return {
    dialect: "sqlite",
    executed,
    async query(sql: string, params: readonly unknown[] = [], options: QueryOptions = {}): Promise<QueryResult> {
      executed.push(sql);
      const started = performance.now();
      return withDatabase((database) => {
        const statement = database.prepare(sql);
        try {
          statement.bind(params as (string | number | null)[]);
          const columns = statement.getColumnNames().map((name) => ({ name }));
          const rows: unknown[][] = [];
          let truncated = false;
          while (statement.step()) {
            if (options.maxRows !== undefined && rows.length >= options.maxRows) {
              truncated = true;
              break;
            }
            rows.push(statement.get());
          }
          return { columns, rows, truncated, ms: performance.now() - started };
        } finally {
          statement.free();
        }
      });
    },
    async meta() {
      return withDatabase((database) => Object.fromEntries((database.exec("SELECT key, value FROM meta")[0]?.values ?? []).map(([key, value]) => [String(key), String(value)])));
    },
    async tableRowCounts() {
      return { customers: 3, loans: 3, repayments: 3, branches: 2, products: 2, applications: 4, risk_scores: 4, meta: 4 };
    },
    async close() {},
  };
}

/** Runs raw SQL on the file with no guard at all (to show that the hash check notices a change). */
export async function runUnguarded(path: string, sql: string): Promise<void> {
  const SQL = await loadSqlJs();
  const database = new SQL.Database(readFileSync(path));
  database.exec(sql);
  writeFileSync(path, database.export());
  database.close();
}
