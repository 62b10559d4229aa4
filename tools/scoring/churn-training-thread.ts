/** Trains the churn model in a worker thread, so the CPU-heavy part never blocks the server's event loop. */
import { Worker } from "node:worker_threads";
import type { ChurnModel } from "./churn-model.ts";
import { sampleChurnHistories } from "./churn-model.ts";
import type { CustomerHistory } from "./churn-history.ts";
import { ChurnTrainingReply } from "./churn-training-job.ts";
import type { ChurnTrainingRequest } from "./churn-training-job.ts";
import { ChurnTrainingWorkerError } from "./churn-training-worker-error.ts";
import { ChurnModelTrainingError } from "./scoring-errors.ts";
import type { ScoringSettings } from "./scoring-settings.ts";

/** The worker module (plain .mjs: a worker thread starts without the TypeScript loader). */
export const CHURN_TRAINING_WORKER_URL = new URL("./churn-training-worker.mjs", import.meta.url);

/** A model trained off the main thread, with the worker's thread id and its own training time. */
export interface WorkerTrainedChurnModel {
  churnModel: ChurnModel;
  threadId: number;
  trainingMs: number;
}

/**
 * trainChurnModel, bit for bit, run in a worker thread: the sample is drawn here (cheap), the features and gradient
 * descent run there. One worker per training, terminated after it: trainings are rare (once per dataset, as-of date
 * and settings), so an idle pool would only hold memory and keep the process alive. Training failures come back as
 * ChurnModelTrainingError, anything else as ChurnTrainingWorkerError.
 */
export async function trainChurnModelInWorker(
  histories: ReadonlyMap<string, CustomerHistory>,
  asOfMonth: string,
  settings: ScoringSettings["churn"],
  workerUrl: URL = CHURN_TRAINING_WORKER_URL,
): Promise<WorkerTrainedChurnModel> {
  const request: ChurnTrainingRequest = { sample: sampleChurnHistories(histories, settings.max_customers), asOfMonth, settings };
  const reply = await replyOf(request, workerUrl);
  if (reply.ok) return { churnModel: reply.churnModel, threadId: reply.threadId, trainingMs: reply.trainingMs };
  const { code, details, message, name } = reply.error;
  if (code === "CHURN_MODEL_TRAINING_FAILED" && typeof details?.reason === "string") {
    const { reason, ...rest } = details;
    throw new ChurnModelTrainingError(reason, rest);
  }
  throw new ChurnTrainingWorkerError(`${name}: ${message}`, { details: { code, workerDetails: details } });
}

/** Starts a worker, sends it the request, and resolves with its validated reply; the worker is always terminated. */
function replyOf(request: ChurnTrainingRequest, workerUrl: URL): Promise<ChurnTrainingReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl);
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
      void worker.terminate();
    };
    worker.once("message", (message: unknown) => {
      const parsed = ChurnTrainingReply.safeParse(message);
      settle(() =>
        parsed.success ? resolve(parsed.data) : reject(new ChurnTrainingWorkerError("the reply is not a training result", { details: { issues: parsed.error.issues } })),
      );
    });
    worker.once("error", (error) => settle(() => reject(new ChurnTrainingWorkerError(error.message, { cause: error }))));
    worker.once("exit", (exitCode) => settle(() => reject(new ChurnTrainingWorkerError(`the thread exited (code ${exitCode}) without a reply`))));
    // Messages sent before the worker's module has loaded are queued, so the request can go at once.
    worker.postMessage(request);
  });
}
