// Child process of the native SQLite engine (plain ESM, started with the dataset path as its only argument).
// Opens the file read-only with better-sqlite3 (no copy in memory: pages come from the OS page cache, shared by
// every worker) and answers one statement at a time, with the sql.js worker's protocol: posts { type: "ready" } or
// { type: "open-failed", message } once; then for each request { id, sql, params, maxRows } posts
// { type: "result", id, columns, rows, truncated, ms } or { type: "error", id, message }.
// A timed-out statement is stopped by the parent killing this process (a thread could not stop native code).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const send = (message) => process.send?.(message);

function openDataset(path) {
  const Database = require("better-sqlite3");
  const database = new Database(path, { readonly: true, fileMustExist: true });
  database.pragma("query_only = ON");
  // Touch the schema now, so a file that is not a database fails at open.
  database.prepare("SELECT COUNT(*) FROM sqlite_master").get();
  return database;
}

/**
 * Binds like sql.js: a 32-bit integer as INTEGER (better-sqlite3 binds every number as REAL, so `? || ''` would read
 * '1.0'), other numbers as REAL; Buffers, not plain Uint8Arrays (structured clone turns Buffers into Uint8Arrays).
 */
function bindable(value) {
  if (typeof value === "number" && value === (value | 0)) return BigInt(value);
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) return Buffer.from(value);
  return value;
}

/** Prepared statements kept by text (as python's sqlite3 keeps 128): a statement asked again skips preparing. */
const PREPARED_STATEMENTS = 256;
const prepared = new Map();

/** The prepared statement of `sql` (exactly one; better-sqlite3 refuses more or none), from memory when it was prepared before. */
function prepare(database, sql) {
  let statement = prepared.get(sql);
  if (statement) {
    prepared.delete(sql); // re-inserted below: least recently used first
  } else {
    statement = database.prepare(sql);
    if (!statement.reader) throw new Error("only statements that return rows can run here (the dataset is read-only)");
    statement.raw(true);
  }
  prepared.set(sql, statement);
  if (prepared.size > PREPARED_STATEMENTS) prepared.delete(prepared.keys().next().value);
  return statement;
}

/** Runs one statement and reads at most maxRows rows. */
function runStatement(database, sql, params, maxRows) {
  const statement = prepare(database, sql);
  const limit = maxRows ?? Number.POSITIVE_INFINITY;
  const rows = [];
  let truncated = false;
  const iterator = statement.iterate(...params.map(bindable));
  try {
    for (const row of iterator) {
      if (rows.length >= limit) {
        truncated = true;
        break;
      }
      rows.push(row);
    }
  } finally {
    iterator.return?.();
  }
  return { columns: statement.columns().map((column) => ({ name: column.name })), rows, truncated };
}

let database;
try {
  database = openDataset(process.argv[2]);
  send({ type: "ready" });
} catch (error) {
  send({ type: "open-failed", message: String(error?.message ?? error) });
}

process.on("message", (request) => {
  if (database === undefined) return;
  const started = performance.now();
  try {
    const result = runStatement(database, request.sql, request.params, request.maxRows);
    send({ type: "result", id: request.id, ...result, ms: performance.now() - started });
  } catch (error) {
    send({ type: "error", id: request.id, message: String(error?.message ?? error) });
  }
});
// The parent going away (crash, kill -9) closes the channel: leave with it instead of lingering.
process.on("disconnect", () => process.exit(0));
