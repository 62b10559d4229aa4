/** The typed refusal of the SQL guard: a stable code and a reason in zh and en for every rule. */
import { LendLensError } from "../../schema/errors.ts";
import type { BilingualMessage, ErrorAudience } from "../../schema/errors.ts";

/** Every reason the guard (or the guarded executor) refuses a statement. Codes are stable: tests and clients match on them. */
export type SqlGuardCode =
  | "GUARD_PARSE"
  | "GUARD_FORBIDDEN_SYNTAX"
  | "GUARD_MULTIPLE_STATEMENTS"
  | "GUARD_NOT_SELECT"
  | "GUARD_FORBIDDEN_OBJECT"
  | "GUARD_UNKNOWN_TABLE"
  | "GUARD_UNKNOWN_COLUMN"
  | "GUARD_FUNCTION_NOT_ALLOWED"
  | "GUARD_RECURSIVE_CTE"
  | "GUARD_UNSUPPORTED_SYNTAX"
  | "GUARD_LIMIT_TOO_LARGE"
  | "GUARD_COST"
  | "GUARD_PII_EXPRESSION"
  | "GUARD_PARAMETERS"
  | "GUARD_DIALECT_MISMATCH"
  | "GUARD_RESULT_SHAPE";

/** Codes that point at our own wiring rather than at the statement's author. */
const INTERNAL_CODES: ReadonlySet<SqlGuardCode> = new Set(["GUARD_DIALECT_MISMATCH", "GUARD_RESULT_SHAPE"]);

/** A statement the guard will not run. `details.subject` names the offending table, column, function or keyword. */
export class SqlGuardError extends LendLensError {
  declare readonly code: SqlGuardCode;

  constructor(code: SqlGuardCode, messages: BilingualMessage, details: Record<string, unknown> = {}) {
    const audience: ErrorAudience = INTERNAL_CODES.has(code) ? "internal" : "user";
    super(code, messages, { audience, details });
  }

  /** True for a SqlGuardError, optionally with the given code. */
  static isGuardError(value: unknown, code?: SqlGuardCode): value is SqlGuardError {
    return value instanceof SqlGuardError && (code === undefined || value.code === code);
  }
}

/** Builds a refusal whose reason names the subject in both languages. */
export function refuse(code: SqlGuardCode, subject: string, details: Record<string, unknown> = {}): SqlGuardError {
  return new SqlGuardError(code, REASONS[code](subject), { subject, ...details });
}

const REASONS: Record<SqlGuardCode, (subject: string) => BilingualMessage> = {
  GUARD_PARSE: (subject) => ({
    zh: `无法解析该 SQL 语句：${subject}`,
    en: `The SQL statement could not be parsed: ${subject}`,
  }),
  GUARD_FORBIDDEN_SYNTAX: (subject) => ({
    zh: `语句中含有不允许的写法：${subject}`,
    en: `The statement uses syntax that is not allowed: ${subject}`,
  }),
  GUARD_MULTIPLE_STATEMENTS: (subject) => ({
    zh: `只能执行一条语句，发现多条（${subject}）`,
    en: `Only one statement may run; found several (${subject})`,
  }),
  GUARD_NOT_SELECT: (subject) => ({
    zh: `只允许只读的 SELECT 查询（可带 WITH），不允许：${subject}`,
    en: `Only a read-only SELECT (WITH allowed) may run, not: ${subject}`,
  }),
  GUARD_FORBIDDEN_OBJECT: (subject) => ({
    zh: `不允许访问系统对象或其他模式：${subject}`,
    en: `System objects and other schemas may not be queried: ${subject}`,
  }),
  GUARD_UNKNOWN_TABLE: (subject) => ({
    zh: `表不在允许范围内：${subject}`,
    en: `Table is not in the allowlist: ${subject}`,
  }),
  GUARD_UNKNOWN_COLUMN: (subject) => ({
    zh: `列不存在或不在允许范围内：${subject}`,
    en: `Column does not exist or is not in the allowlist: ${subject}`,
  }),
  GUARD_FUNCTION_NOT_ALLOWED: (subject) => ({
    zh: `函数不在允许范围内：${subject}`,
    en: `Function is not in the allowlist: ${subject}`,
  }),
  GUARD_RECURSIVE_CTE: (subject) => ({
    zh: `不允许递归的 WITH 查询：${subject}`,
    en: `Recursive WITH queries are not allowed: ${subject}`,
  }),
  GUARD_UNSUPPORTED_SYNTAX: (subject) => ({
    zh: `该写法不受支持，请改写：${subject}`,
    en: `This construct is not supported, please rewrite it: ${subject}`,
  }),
  GUARD_LIMIT_TOO_LARGE: (subject) => ({
    zh: `LIMIT 超过允许的最大行数：${subject}`,
    en: `LIMIT exceeds the maximum number of rows: ${subject}`,
  }),
  GUARD_COST: (subject) => ({
    zh: `预估代价过高（可能缺少连接条件）：${subject}`,
    en: `Estimated cost is too high (a join condition may be missing): ${subject}`,
  }),
  GUARD_PII_EXPRESSION: (subject) => ({
    zh: `敏感字段只能作为原样输出列出现，不能用于表达式、筛选、连接、分组或排序：${subject}`,
    en: `Sensitive columns may only appear as plain output columns, never in expressions, filters, joins, grouping or ordering: ${subject}`,
  }),
  GUARD_PARAMETERS: (subject) => ({
    zh: `参数个数与占位符不符：${subject}`,
    en: `The parameters do not match the placeholders: ${subject}`,
  }),
  GUARD_DIALECT_MISMATCH: (subject) => ({
    zh: `策略的 SQL 方言与数据库引擎不一致：${subject}`,
    en: `The policy's SQL dialect does not match the engine: ${subject}`,
  }),
  GUARD_RESULT_SHAPE: (subject) => ({
    zh: `查询结果的列与审核结果不一致，已拒绝返回：${subject}`,
    en: `The result columns differ from what the guard checked; rows withheld: ${subject}`,
  }),
};
