/** The generator's options (seed, scale, as-of date), validated with zod, and the error for bad ones. */
import { z } from "zod";
import { LendLensError } from "../errors.ts";
import { parseDay } from "./calendar.ts";

/** The as-of date a dataset gets when none is given (DOMAIN.md). */
export const DEFAULT_AS_OF_DATE = "2026-06-30";

/** Customers at scale 1 (DOMAIN.md: about 1.5 million rows in all). */
export const CUSTOMERS_AT_SCALE_ONE = 20_000;

/** Options of one generated dataset. */
export const DatasetOptionsSchema = z
  .object({
    seed: z.number().int("must be a whole number").min(0, "must be 0 or more").max(2_147_483_647, "must be at most 2147483647").default(42),
    scale: z.number().min(0.001, "must be at least 0.001").max(5, "must be at most 5").default(1),
    asOf: z
      .string()
      .refine((text) => parseDay(text) !== undefined, "must be a real date written YYYY-MM-DD")
      .refine((text) => text >= "2010-01-01" && text <= "2099-12-31", "must lie between 2010-01-01 and 2099-12-31")
      .default(DEFAULT_AS_OF_DATE),
  })
  .strict();

/** Options as callers give them (every field optional). */
export type DatasetOptionsInput = z.input<typeof DatasetOptionsSchema>;
/** Options after defaults. */
export type DatasetOptions = z.output<typeof DatasetOptionsSchema>;

/** Bad generator options: the caller can fix them. */
export class DatasetOptionsError extends LendLensError {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(
      "DATASET_OPTIONS_INVALID",
      { zh: `数据生成参数有误:${problems.join(";")}`, en: `Invalid dataset options: ${problems.join("; ")}` },
      { audience: "user", details: { problems } },
    );
    this.problems = problems;
  }
}

const OPTION_LABELS: Readonly<Record<string, string>> = { seed: "seed", scale: "scale", asOf: "as-of date" };

/** Validates options and fills in defaults; throws DatasetOptionsError naming each bad field. */
export function resolveDatasetOptions(input: DatasetOptionsInput = {}): DatasetOptions {
  const result = DatasetOptionsSchema.safeParse(input);
  if (result.success) return result.data;
  throw new DatasetOptionsError(
    result.error.issues.map((issue) => (issue.path.length ? `${OPTION_LABELS[String(issue.path[0])] ?? issue.path.join(".")} ${issue.message}` : issue.message)),
  );
}
