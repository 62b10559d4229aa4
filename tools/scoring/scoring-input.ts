/** Argument parsing shared by the scoring tools: common described fields, validation into typed errors. */
import { z } from "zod";
import { ENUMS } from "../../schema/tables.ts";
import { isIsoDate } from "./scoring-calendar.ts";
import { InvalidScoringInputError } from "./scoring-errors.ts";
import type { ScoringContext } from "./scoring-tool.ts";
import { DEFAULT_SCORING_SETTINGS } from "./scoring-settings.ts";
import type { ScoringSettings } from "./scoring-settings.ts";

/** Optional value-tier filter. */
export const valueTierField = z.enum(ENUMS.valueTier).optional().describe("Only customers of this value tier (customers.value_tier): high, medium or low");

/** Optional explicit customers. */
export const customerIdsField = z
  .array(z.string().regex(/^C\d+$/, "customer ids look like C000123"))
  .max(1000)
  .optional()
  .describe("Only these customers (customer_id values such as C000123)");

/** The number of items returned. */
export const limitField = (defaultLimit: number) =>
  z.number().int().min(1).max(10000).default(defaultLimit).describe(`Most items to return, best ranked first (default ${defaultLimit})`);

/** A month 'YYYY-MM'. */
export const monthField = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "months are written YYYY-MM");

/** What every tool's run() works with after validation. */
export interface PreparedRun<Input> {
  input: Input;
  asOfDate: string;
  settings: ScoringSettings;
  branchId?: string;
}

/** Validates the arguments (filling defaults) and the context; throws InvalidScoringInputError. */
export function prepareRun<Schema extends z.ZodType>(tool: string, schema: Schema, args: unknown, context: ScoringContext): PreparedRun<z.infer<Schema>> {
  const parsed = schema.safeParse(args ?? {});
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".") || "arguments"}: ${issue.message}`);
  if (!isIsoDate(context.asOfDate)) problems.push(`as-of date "${context.asOfDate}" is not a YYYY-MM-DD date`);
  if (!parsed.success || problems.length > 0) throw new InvalidScoringInputError(tool, problems);
  return { input: parsed.data, asOfDate: context.asOfDate, settings: context.settings ?? DEFAULT_SCORING_SETTINGS, branchId: context.scope?.branchId };
}
