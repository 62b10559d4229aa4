/** The shape every scoring tool shares: described zod input and output, a bilingual description, and run(). */
import type { z } from "zod";
import type { BilingualMessage } from "../../schema/errors.ts";
import type { Engine } from "../engines/engine.ts";
import type { ScoringSettings } from "./scoring-settings.ts";

/** What a tool runs against: the dataset, its as-of date, and optionally one branch's customers only. */
export interface ScoringContext {
  engine: Engine;
  /** The dataset's as-of date, 'YYYY-MM-DD' (meta.as_of_date); relative months are resolved against it. */
  asOfDate: string;
  /** Restricts the customers scored to those whose home_branch_id is this branch. */
  scope?: { branchId: string };
  /** Overrides DEFAULT_SCORING_SETTINGS (tests, what-if analysis). */
  settings?: ScoringSettings;
}

/** One scoring tool: a plan step the planners call, also usable alone. */
export interface ScoringTool<Input extends z.ZodType, Output extends z.ZodType> {
  /** Stable snake_case name, as in the registry and in answer.tools. */
  readonly name: string;
  readonly description: BilingualMessage;
  /** Arguments, every field described; defaults are filled in by run(). */
  readonly input: Input;
  readonly output: Output;
  /** Scores the dataset; throws LendLensError subclasses, never returns an error as data. */
  run(args: z.input<Input>, context: ScoringContext): Promise<z.infer<Output>>;
}
