/** The typed errors of the scoring tools: bad arguments, a dataset that cannot support a score, a model that cannot train. */
import { LendLensError } from "../../schema/errors.ts";

/** The arguments or the as-of date given to a scoring tool are not valid (the asker can fix them). */
export class InvalidScoringInputError extends LendLensError {
  constructor(tool: string, problems: string[]) {
    super(
      "SCORING_INVALID_INPUT",
      {
        zh: `评分工具 ${tool} 的参数无效：${problems.join("；")}`,
        en: `Invalid arguments for the scoring tool ${tool}: ${problems.join("; ")}`,
      },
      { audience: "user", details: { tool, problems } },
    );
  }
}

/** The dataset lacks what a score needs (no months of history, no risk scores for the month asked). */
export class ScoringDataError extends LendLensError {
  constructor(tool: string, messages: { zh: string; en: string }, details: Record<string, unknown> = {}) {
    super("SCORING_DATA_MISSING", messages, { audience: "user", details: { tool, ...details } });
  }
}

/** The churn model could not be trained (too few examples, or only one class in the training window). */
export class ChurnModelTrainingError extends LendLensError {
  constructor(reason: string, details: Record<string, unknown> = {}) {
    super(
      "CHURN_MODEL_TRAINING_FAILED",
      {
        zh: `无法用本数据集的历史训练流失模型：${reason}`,
        en: `The churn model could not be trained on this dataset's history: ${reason}`,
      },
      { audience: "internal", details: { reason, ...details } },
    );
  }
}

/** The scoring settings object failed validation (a developer or deployment error). */
export class InvalidScoringSettingsError extends LendLensError {
  constructor(problems: string[]) {
    super(
      "SCORING_SETTINGS_INVALID",
      { zh: `评分参数配置无效：${problems.join("；")}`, en: `Invalid scoring settings: ${problems.join("; ")}` },
      { audience: "internal", details: { problems } },
    );
  }
}
