/** The typed errors every engine throws: a stopped slow query, a failed statement, an engine that cannot serve. */
import { LendLensError } from "../../schema/errors.ts";

/** A statement ran past its timeout and was really stopped (worker terminated, or statement_timeout). */
export class QueryTimeoutError extends LendLensError {
  readonly timeoutMs: number;

  constructor(timeoutMs: number, options: { cause?: unknown } = {}) {
    super(
      "QUERY_TIMEOUT",
      {
        zh: `查询超过 ${timeoutMs} 毫秒未完成，已被停止。请缩小时间范围或减少分组维度后重试。`,
        en: `The query ran longer than ${timeoutMs} ms and was stopped. Narrow the time range or use fewer dimensions and try again.`,
      },
      { audience: "user", details: { timeoutMs }, cause: options.cause },
    );
    this.timeoutMs = timeoutMs;
  }
}

/** The database refused or failed the statement (syntax, unknown column, read-only violation, ...). */
export class QueryFailedError extends LendLensError {
  /** The database's own message, for logs; never shown to users as is. */
  readonly engineMessage: string;

  constructor(engineMessage: string, options: { sqlState?: string; cause?: unknown } = {}) {
    super(
      "QUERY_FAILED",
      { zh: `数据库执行查询失败：${engineMessage}`, en: `The database could not run the query: ${engineMessage}` },
      { audience: "internal", details: { engineMessage, sqlState: options.sqlState }, cause: options.cause },
    );
    this.engineMessage = engineMessage;
  }
}

/** The engine cannot serve queries: closed, dataset missing, database unreachable, or no worker left. */
export class EngineUnavailableError extends LendLensError {
  constructor(reason: string, options: { cause?: unknown } = {}) {
    super(
      "ENGINE_UNAVAILABLE",
      { zh: `数据库引擎不可用：${reason}`, en: `The database engine is unavailable: ${reason}` },
      { audience: "internal", details: { reason }, cause: options.cause },
    );
  }
}

/** The native SQLite engine was asked for, but better-sqlite3 (an optional dependency) is not installed or did not build. */
export class NativeSqliteMissingError extends LendLensError {
  constructor(reason: string, options: { cause?: unknown } = {}) {
    super(
      "NATIVE_SQLITE_MISSING",
      {
        zh: `已选择原生 SQLite 引擎（LENDLENS_ENGINE=native-sqlite），但 better-sqlite3 未安装或无法加载：${reason}。请运行 npm install（需要 python3、make、g++），或改用 LENDLENS_ENGINE=sqljs。`,
        en: `The native SQLite engine was selected (LENDLENS_ENGINE=native-sqlite) but better-sqlite3 is not installed or cannot load: ${reason}. Run npm install (needs python3, make and g++) or use LENDLENS_ENGINE=sqljs.`,
      },
      { audience: "internal", details: { reason }, cause: options.cause },
    );
  }
}
