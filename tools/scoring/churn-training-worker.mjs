/** The churn model's worker thread: trains on the one request it is sent (churn-training-job.ts) and posts the reply. */
import { parentPort, threadId } from "node:worker_threads";
import { register } from "tsx/esm/api";

// The trainer is TypeScript and a worker starts as plain Node (also under vitest), so tsx's loader comes first.
register();
const { runChurnTrainingJob } = await import("./churn-training-job.ts");

parentPort.once("message", (request) => parentPort.postMessage(runChurnTrainingJob(request, threadId)));
