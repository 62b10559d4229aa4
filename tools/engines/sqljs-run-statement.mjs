// Runs one read-only statement on a sql.js Database and reads at most maxRows rows. Plain JavaScript so that
// both the worker thread (sqljs-worker.mjs) and the in-process engine share it; types in sqljs-run-statement.d.mts.

/**
 * Prepares exactly one statement, binds params, steps until maxRows and reports whether more rows existed.
 * `deadline` (a performance.now() value) is checked between rows only: a best-effort stop for in-process use.
 * With `prepared` (a PreparedStatements), a statement prepared before is reused.
 */
export function runStatement(database, sql, params, maxRows, deadline, prepared) {
  const statement = prepared ? prepared.take(database, sql) : prepareOne(database, sql);
  try {
    if (params.length > 0) statement.bind(params);
    const limit = maxRows ?? Number.POSITIVE_INFINITY;
    const rows = [];
    let truncated = false;
    while (statement.step()) {
      if (rows.length >= limit) {
        truncated = true;
        break;
      }
      rows.push(statement.get());
      if (deadline !== undefined && performance.now() > deadline) throw new StatementDeadlineError();
    }
    return { columns: statement.getColumnNames().map((name) => ({ name })), rows, truncated };
  } finally {
    if (prepared) statement.reset();
    else statement.free();
  }
}

function prepareOne(database, sql) {
  assertSingleStatement(database, sql);
  return database.prepare(sql);
}

/**
 * Prepared statements kept by text (python's sqlite3 keeps 128): a statement asked again skips the single-statement
 * check and preparing. runStatement resets a kept statement after use; the least recently used is freed beyond `size`.
 */
export class PreparedStatements {
  constructor(size = 256) {
    this.size = size;
    this.statements = new Map();
  }

  take(database, sql) {
    let statement = this.statements.get(sql);
    if (statement) this.statements.delete(sql);
    else statement = prepareOne(database, sql);
    this.statements.set(sql, statement);
    if (this.statements.size > this.size) {
      const [oldestSql, oldest] = this.statements.entries().next().value;
      this.statements.delete(oldestSql);
      oldest.free();
    }
    return statement;
  }
}

/** Thrown by runStatement when the deadline passed between two rows. */
export class StatementDeadlineError extends Error {
  constructor() {
    super("statement deadline passed");
    this.name = "StatementDeadlineError";
  }
}

// sql.js's prepare() silently ignores text after the first statement; refuse it instead of hiding it.
function assertSingleStatement(database, sql) {
  let count = 0;
  for (const _statement of database.iterateStatements(sql)) {
    count += 1;
    if (count > 1) break; // leaving the loop frees the prepared statement
  }
  if (count === 0) throw new Error("empty statement");
  if (count > 1) throw new Error("exactly one statement is allowed");
}
