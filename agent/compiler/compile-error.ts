/** The typed error of the plan compiler: a plan the semantic layer cannot answer, named in zh and en. */
import { LendLensError } from "../../schema/errors.ts";
import type { BilingualMessage } from "../../schema/errors.ts";

/** Why a plan did not compile; `reason` is a stable sub-code for tests and logs. */
export type CompileErrorReason =
  | "not_applicable"
  | "time_not_available"
  | "unsupported"
  | "invalid_plan"
  | "tool_step"
  | "raw_sql"
  | "internal";

/** A plan that names real members but asks something the compiler cannot express (user audience by default). */
export class CompileError extends LendLensError {
  readonly reason: CompileErrorReason;
  constructor(reason: CompileErrorReason, messages: BilingualMessage, details: Record<string, unknown> = {}) {
    super("PLAN_NOT_COMPILABLE", messages, { audience: reason === "internal" ? "internal" : "user", details: { reason, ...details } });
    this.reason = reason;
  }
}

/** Shorthand for the common case: the same message in both languages differs only in wording. */
export function compileError(reason: CompileErrorReason, zh: string, en: string, details: Record<string, unknown> = {}): CompileError {
  return new CompileError(reason, { zh, en }, details);
}
