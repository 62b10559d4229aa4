/** The engines folder's public face: open an engine, load PostgreSQL, and the types and errors they share. */
export type { Engine, QueryOptions, QueryResult, ResultColumn } from "./engine.ts";
export { DEFAULT_NATIVE_SQLITE_WORKERS, DEFAULT_QUERY_TIMEOUT_MS, DEFAULT_SQLJS_WORKERS } from "./engine-defaults.ts";
export { EngineUnavailableError, NativeSqliteMissingError, QueryFailedError, QueryTimeoutError } from "./engine-errors.ts";
export { DEFAULT_EMBEDDED_ENGINE, EmbeddedEngineKind } from "./engine-kind.ts";
export { openEngine } from "./open-engine.ts";
export type { EngineConfiguration } from "./open-engine.ts";
export { createSqlJsEngine } from "./sqljs-engine.ts";
export type { SqlJsEngineOptions } from "./sqljs-engine.ts";
export { createNativeSqliteEngine, nativeSqliteAvailable } from "./native-sqlite-engine.ts";
export type { NativeSqliteEngineOptions } from "./native-sqlite-engine.ts";
export { createInMemoryEngine } from "./in-memory-engine.ts";
export type { InMemoryEngineOptions } from "./in-memory-engine.ts";
export { createPostgresEngine } from "./postgres-engine.ts";
export type { PostgresEngineOptions } from "./postgres-engine.ts";
export { loadIntoPostgres } from "./postgres-loader.ts";
export type { LoadOptions, LoadProgress, LoadSummary } from "./postgres-loader.ts";
