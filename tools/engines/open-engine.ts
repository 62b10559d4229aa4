/** Opens the engine a deployment is configured for: PostgreSQL when DATABASE_URL is set, else the dataset file (sql.js or native SQLite). */
import type { Engine } from "./engine.ts";
import { EngineUnavailableError } from "./engine-errors.ts";
import type { EmbeddedEngineKind } from "./engine-kind.ts";
import { createNativeSqliteEngine } from "./native-sqlite-engine.ts";
import { createPostgresEngine } from "./postgres-engine.ts";
import { createSqlJsEngine } from "./sqljs-engine.ts";

/** Where the dataset is; callers pass process.env.DATABASE_URL and their dataset path. */
export interface EngineConfiguration {
  /** postgres:// or postgresql:// URL; wins over dbPath when set. */
  databaseUrl?: string;
  /** The sql.js dataset file written by `npm run data`. */
  dbPath?: string;
  /** Which engine opens dbPath: "sqljs" (default) or "native-sqlite" (LENDLENS_ENGINE). */
  engine?: EmbeddedEngineKind;
  /** Workers of the embedded engine: sql.js threads or native SQLite processes (default 2). */
  workers?: number;
  /** PostgreSQL schema holding the contract tables (default: the connection's search_path). */
  schema?: string;
  /** Timeout for queries that do not set one (default 30 s). */
  defaultTimeoutMs?: number;
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/**
 * Opens PostgreSQL when `databaseUrl` is a postgres:// URL, otherwise the embedded engine over `dbPath`.
 * @throws NativeSqliteMissingError when native-sqlite is asked for and better-sqlite3 cannot load.
 */
export async function openEngine(configuration: EngineConfiguration): Promise<Engine> {
  const databaseUrl = configuration.databaseUrl?.trim();
  if (databaseUrl) {
    if (!POSTGRES_URL.test(databaseUrl)) throw new EngineUnavailableError("DATABASE_URL must start with postgres:// or postgresql://");
    return createPostgresEngine({ url: databaseUrl, schema: configuration.schema, defaultTimeoutMs: configuration.defaultTimeoutMs });
  }
  if (!configuration.dbPath) throw new EngineUnavailableError("no dataset configured: set DATABASE_URL or give the sql.js dataset path");
  const fileOptions = { dbPath: configuration.dbPath, workers: configuration.workers, defaultTimeoutMs: configuration.defaultTimeoutMs };
  return configuration.engine === "native-sqlite" ? createNativeSqliteEngine(fileOptions) : createSqlJsEngine(fileOptions);
}
