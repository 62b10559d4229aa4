/** The SQL guard's public surface: guardSql, its policy and its typed refusal. */
export { guardSql } from "./guard-sql.ts";
export type { GuardedColumn, GuardedLimit, GuardedStatement } from "./guard-sql.ts";
export { contractTables, defaultFunctions, defaultGuardPolicy } from "./guard-policy.ts";
export type { AllowedTable, GuardPolicy, PiiKind } from "./guard-policy.ts";
export { SqlGuardError } from "./sql-guard-error.ts";
export type { SqlGuardCode } from "./sql-guard-error.ts";
