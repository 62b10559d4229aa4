/** Opens the engine a deployment is configured for: PostgreSQL when DATABASE_URL is set, else the sql.js file. */
import type { Engine } from "./engine.ts";
import { EngineUnavailableError } from "./engine-errors.ts";
import { createPostgresEngine } from "./postgres-engine.ts";
import { createSqlJsEngine } from "./sqljs-engine.ts";

/** Where the dataset is; callers pass process.env.DATABASE_URL and their dataset path. */
export interface EngineConfiguration {
  /** postgres:// or postgresql:// URL; wins over dbPath when set. */
  databaseUrl?: string;
  /** The sql.js dataset file written by `npm run data`. */
  dbPath?: string;
  /** sql.js worker threads (default 2). */
  workers?: number;
  /** PostgreSQL schema holding the contract tables (default: the connection's search_path). */
  schema?: string;
  /** Timeout for queries that do not set one (default 30 s). */
  defaultTimeoutMs?: number;
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** Opens PostgreSQL when `databaseUrl` is a postgres:// URL, otherwise the sql.js engine over `dbPath`. */
export async function openEngine(configuration: EngineConfiguration): Promise<Engine> {
  const databaseUrl = configuration.databaseUrl?.trim();
  if (databaseUrl) {
    if (!POSTGRES_URL.test(databaseUrl)) throw new EngineUnavailableError("DATABASE_URL must start with postgres:// or postgresql://");
    return createPostgresEngine({ url: databaseUrl, schema: configuration.schema, defaultTimeoutMs: configuration.defaultTimeoutMs });
  }
  if (!configuration.dbPath) throw new EngineUnavailableError("no dataset configured: set DATABASE_URL or give the sql.js dataset path");
  return createSqlJsEngine({ dbPath: configuration.dbPath, workers: configuration.workers, defaultTimeoutMs: configuration.defaultTimeoutMs });
}
