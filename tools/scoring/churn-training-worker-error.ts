/** The churn model's worker thread failed (could not start, crashed, or answered out of protocol): an internal error. */
import { LendLensError } from "../../schema/errors.ts";

/** Training did not come back from the worker thread; `reason` says how it failed. */
export class ChurnTrainingWorkerError extends LendLensError {
  constructor(reason: string, options: { details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(
      "CHURN_TRAINING_WORKER_FAILED",
      {
        zh: `流失模型的训练线程失败：${reason}`,
        en: `The churn model's training thread failed: ${reason}`,
      },
      { audience: "internal", details: { reason, ...options.details }, ...(options.cause === undefined ? {} : { cause: options.cause }) },
    );
  }
}
