// Worker thread of the sql.js engine (plain ESM: tsx-loaded TypeScript workers are fragile under vitest).
// Opens the dataset file into memory, never writes it back, and answers one statement at a time.
// Protocol: posts { type: "ready" } or { type: "open-failed", message } once; then for each
// request { id, sql, params, maxRows } posts { type: "result", id, columns, rows, truncated, ms }
// or { type: "error", id, message }. A timed-out query is stopped by the parent terminating this thread.
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import initSqlJs from "sql.js";
import { PreparedStatements, runStatement } from "./sqljs-run-statement.mjs";

/**
 * The dataset's bytes: the engine's copy in shared memory when it sent one, else the file read here. sql.js's
 * in-memory file system keeps a copy of the bytes it is given (it calls their slice()); a view whose slice() is a
 * subarray makes the database file that shared memory itself, so every worker reads one copy. It is never written:
 * the database is query_only.
 */
function datasetBytes(path) {
  const shared = workerData.sharedBytes;
  if (!(shared instanceof Uint8Array)) return readFileSync(path);
  const view = new Uint8Array(shared.buffer, shared.byteOffset, shared.byteLength);
  view.slice = (start, end) => view.subarray(start, end);
  return view;
}

async function openDataset(path) {
  const SQL = await initSqlJs();
  const database = new SQL.Database(datasetBytes(path));
  // The copy lives in memory only; query_only also keeps this worker's answers consistent if a write slips through.
  database.exec("PRAGMA query_only = ON");
  // SQLite reads the file lazily: touch the schema now, so a file that is not a database fails at open.
  database.exec("SELECT COUNT(*) FROM sqlite_master");
  return database;
}

const opening = openDataset(workerData.dbPath);
// A statement asked again (the same question, or its twin in the other language) is not prepared again.
const prepared = new PreparedStatements();

opening.then(
  () => parentPort.postMessage({ type: "ready" }),
  (error) => parentPort.postMessage({ type: "open-failed", message: String(error?.message ?? error) }),
);

parentPort.on("message", async (request) => {
  const database = await opening;
  const started = performance.now();
  try {
    const result = runStatement(database, request.sql, request.params, request.maxRows, undefined, prepared);
    parentPort.postMessage({ type: "result", id: request.id, ...result, ms: performance.now() - started });
  } catch (error) {
    parentPort.postMessage({ type: "error", id: request.id, message: String(error?.message ?? error) });
  }
});
