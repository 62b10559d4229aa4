/** Defaults shared by every engine: the per-query timeout and the sql.js worker count. */

/** Timeout for queries that do not set one, milliseconds. */
export const DEFAULT_QUERY_TIMEOUT_MS = 30_000;

/** Worker threads of the sql.js engine. */
export const DEFAULT_SQLJS_WORKERS = 2;

/** Worker processes of the native SQLite engine (one per core on the 2-core reference machine). */
export const DEFAULT_NATIVE_SQLITE_WORKERS = 2;
