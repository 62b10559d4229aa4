/** guardSql: the one gate every statement passes before it reaches a database, compiled or written by an LLM. */
import type { DialectName } from "../../schema/ddl.ts";
import { isEmpty, isNode } from "./ast-nodes.ts";
import { GuardCache } from "./guard-cache.ts";
import type { AstNode } from "./ast-nodes.ts";
import type { GuardPolicy, PiiKind } from "./guard-policy.ts";
import { parseStatement } from "./parse-statement.ts";
import { refuse } from "./sql-guard-error.ts";
import { lexStatement } from "./sql-lexer.ts";
import { StatementAnalyzer } from "./statement-analyzer.ts";

/** Longer statements are refused before parsing (no planner writes one; deep nesting could exhaust the stack). */
const MAX_STATEMENT_LENGTH = 20_000;

/** One output column of a guarded statement, in result order. */
export interface GuardedColumn {
  /** Lower-cased output name; null for an unnamed expression (the engine names it). */
  name: string | null;
  /** Set when the column is a contract pii column passed through unchanged. */
  pii?: PiiKind;
}

/** How the row limit is enforced. */
export interface GuardedLimit {
  /** "added": the guard appended LIMIT maxRows + 1; "statement": the statement's own LIMIT (at most maxRows); "placeholder": a bound LIMIT, bounded by the engine's maxRows. */
  source: "added" | "statement" | "placeholder";
  /** The LIMIT in the SQL text, when it is a number. */
  rows: number | null;
}

/** A statement the guard accepted. */
export interface GuardedStatement {
  /** Exactly what will run: comments removed, a trailing ';' removed, a LIMIT appended when there was none. */
  sql: string;
  dialect: DialectName;
  /** Placeholders the statement expects (`?` on SQLite, `$1..$n` on PostgreSQL). */
  parameterCount: number;
  columns: GuardedColumn[];
  /** Output columns to mask, by position: those whose pii kind the policy restricts. */
  masked: Readonly<Record<number, PiiKind>>;
  /** Contract tables read. */
  tables: string[];
  limit: GuardedLimit;
  /** Estimated row visits (see docs/sql-guard.md). */
  estimatedCost: number;
  /** At most this many rows are returned. */
  maxRows: number;
}

const verdicts = new GuardCache();

/**
 * Checks one statement against a policy; returns it ready to run or throws a SqlGuardError. An accepted text is
 * remembered per policy (the check is pure), so the same statement is parsed once.
 */
export function guardSql(sql: string, policy: GuardPolicy): GuardedStatement {
  const remembered = verdicts.get(sql, policy);
  if (remembered) return remembered;
  const guarded = checkStatement(sql, policy);
  verdicts.set(sql, policy, guarded);
  return guarded;
}

/** guardSql without its memory: every call parses and analyses the statement. */
export function checkStatement(sql: string, policy: GuardPolicy): GuardedStatement {
  if (!Number.isInteger(policy.maxRows) || policy.maxRows < 1) throw new RangeError("policy.maxRows must be a positive integer");
  if (sql.length > MAX_STATEMENT_LENGTH) throw refuse("GUARD_PARSE", `statement longer than ${MAX_STATEMENT_LENGTH} characters`);
  const lexed = lexStatement(sql, policy.dialect);
  const parsed = parseStatement(lexed, policy.dialect);
  if (parsed.ast.type !== "select") throw refuse("GUARD_NOT_SELECT", String(parsed.ast.type ?? "statement").toUpperCase());

  const analysis = new StatementAnalyzer(policy).analyze(parsed.ast);
  checkTableList(parsed.tableList, new Set([...analysis.tables, ...analysis.cteNames]));
  if (analysis.cost > policy.maxCost) {
    throw refuse("GUARD_COST", `about ${formatCount(analysis.cost)} row visits, at most ${formatCount(policy.maxCost)} allowed`, {
      estimatedCost: analysis.cost,
      maxCost: policy.maxCost,
    });
  }

  const limit = enforceLimit(parsed.ast, policy.maxRows);
  const masked: Record<number, PiiKind> = {};
  analysis.columns.forEach((column, index) => {
    if (column.pii && policy.restrictedPii.has(column.pii)) masked[index] = column.pii;
  });
  return {
    sql: limit.source === "added" ? `${lexed.text}\nLIMIT ${limit.rows}` : lexed.text,
    dialect: policy.dialect,
    parameterCount: lexed.placeholderCount,
    columns: analysis.columns.map((column) => ({ name: column.name, ...(column.pii ? { pii: column.pii } : {}) })),
    masked,
    tables: analysis.tables.sort(),
    limit,
    estimatedCost: analysis.cost,
    maxRows: policy.maxRows,
  };
}

/**
 * The top-level LIMIT: none → append `LIMIT maxRows + 1` (one row more, so that truncation shows); a number
 * above maxRows → refuse; a placeholder → accepted, the engine reads at most maxRows rows anyway.
 */
function enforceLimit(root: AstNode, maxRows: number): GuardedLimit {
  let last: AstNode = root;
  while (isNode(last._next)) last = last._next;
  const limit = !isEmpty(root._limit) ? root._limit : last.limit;
  if (isEmpty(limit) || !isNode(limit) || !Array.isArray(limit.value)) return { source: "added", rows: maxRows + 1 };
  const count: unknown = limit.seperator === "," ? limit.value[1] : limit.value[0];
  if (isNode(count) && count.type === "number") {
    const rows = Number(count.value);
    if (!Number.isInteger(rows) || rows < 0) throw refuse("GUARD_UNSUPPORTED_SYNTAX", `LIMIT ${String(count.value)}`);
    if (rows > maxRows) throw refuse("GUARD_LIMIT_TOO_LARGE", `LIMIT ${rows} > ${maxRows}`, { limit: rows, maxRows });
    return { source: "statement", rows };
  }
  return { source: "placeholder", rows: null };
}

/** Defence in depth: every table node-sql-parser itself saw must be one the analysis allowed. */
function checkTableList(tableList: readonly string[], allowed: ReadonlySet<string>): void {
  for (const entry of tableList) {
    const [operation, schema, table] = entry.split("::");
    if (operation !== "select") throw refuse("GUARD_NOT_SELECT", operation.toUpperCase());
    if (schema !== "null") throw refuse("GUARD_FORBIDDEN_OBJECT", `${schema}.${table}`);
    if (!allowed.has((table ?? "").toLowerCase())) throw refuse("GUARD_UNKNOWN_TABLE", table ?? entry);
  }
}

function formatCount(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}
