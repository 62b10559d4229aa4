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

/**
 * A scoring tool's input came back cut short by a row cap (the SQL guard's maxRows): a score computed on part of
 * the data would be a wrong number, so the tool stops instead of answering.
 */
export class ScoringInputTruncatedError extends LendLensError {
  constructor(maxRows: number | undefined, statement: string) {
    const cap = maxRows === undefined ? "" : ` (${maxRows})`;
    super(
      "SCORING_INPUT_TRUNCATED",
      {
        zh: `评分工具读取的数据超过了查询行数上限${cap}，结果被截断；为避免给出错误的数字，本次不予作答。请缩小范围(如指定分行、价值等级或客户)后重试。`,
        en: `A scoring tool's input exceeded the query row cap${cap} and was cut short; rather than give a wrong number, no answer is given. Narrow the question (a branch, a value tier or some customers) and ask again.`,
      },
      { audience: "user", details: { maxRows, statement } },
    );
  }
}

/** A paged read's key does not identify its rows (two rows share it), so keyset paging could skip rows: a developer error. */
export class PagedReadKeyError extends LendLensError {
  constructor(key: readonly string[], from: string) {
    super(
      "SCORING_PAGED_READ_KEY",
      {
        zh: `分页读取的键 (${key.join(", ")}) 不能唯一标识 ${from} 的行。`,
        en: `The paged read's key (${key.join(", ")}) does not identify the rows of ${from}.`,
      },
      { audience: "internal", details: { key: [...key], from } },
    );
  }
}
