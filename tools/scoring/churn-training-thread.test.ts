/** Churn training in a worker thread: bit-identical to the in-thread trainer, the main thread stays responsive, typed errors. */
import { threadId } from "node:worker_threads";
import { beforeAll, describe, expect, it } from "vitest";
import { generateDataset } from "../../schema/generator/generate-dataset.ts";
import { createInMemoryEngine } from "../engines/in-memory-engine.ts";
import type { CustomerHistory } from "./churn-history.ts";
import { loadCustomerHistories } from "./churn-history.ts";
import { historyMonthsNeeded, trainChurnModel } from "./churn-model.ts";
import { trainChurnModelInWorker } from "./churn-training-thread.ts";
import { ChurnTrainingWorkerError } from "./churn-training-worker-error.ts";
import { ChurnModelTrainingError } from "./scoring-errors.ts";
import { DEFAULT_SCORING_SETTINGS } from "./scoring-settings.ts";

const MONTH = "2026-06";
const SETTINGS = DEFAULT_SCORING_SETTINGS.churn;
let histories: Map<string, CustomerHistory>;

beforeAll(async () => {
  const engine = createInMemoryEngine(await generateDataset({ seed: 7, scale: 0.05, asOf: "2026-06-30" }), { closeDatabase: true });
  histories = await loadCustomerHistories(engine, MONTH, historyMonthsNeeded(SETTINGS));
  await engine.close();
});

/** The bytes of each number, so that equality means bit-identical (also for -0 and NaN). */
const bitsOf = (values: readonly (number | null)[]) => Buffer.from(new Float64Array(values.map((value) => value ?? Number.NaN)).buffer).toString("hex");

/** A data: URL worker module, for the failure paths. */
const workerModule = (source: string) => new URL(`data:text/javascript,${encodeURIComponent(source)}`);

describe("trainChurnModelInWorker", () => {
  it("returns exactly the in-thread model (coefficients, standardization, AUC, counts), trained on another thread", async () => {
    const direct = trainChurnModel(histories, MONTH, SETTINGS);
    const { churnModel, threadId: workerThread } = await trainChurnModelInWorker(histories, MONTH, SETTINGS);
    expect(workerThread).not.toBe(threadId);
    expect(churnModel).toStrictEqual(direct);
    const numbersOf = (model: typeof direct) => [model.model.intercept, ...model.model.weights, ...model.model.means, ...model.model.standardDeviations, model.holdoutAuc];
    expect(bitsOf(numbersOf(churnModel))).toBe(bitsOf(numbersOf(direct)));
    expect(direct.trainingPositives).toBeGreaterThan(0);
  });

  it("leaves the main thread's event loop free while the worker trains (timers fire before the model arrives)", async () => {
    // No time thresholds: an in-thread training would block before the timer could fire, so the order is the proof.
    const order: string[] = [];
    const training = trainChurnModelInWorker(histories, MONTH, SETTINGS).then(() => order.push("trained"));
    await new Promise((resolve) => setTimeout(resolve, 5));
    order.push("timer fired");
    await training;
    expect(order).toEqual(["timer fired", "trained"]);
  });

  it("rethrows a training failure as ChurnModelTrainingError with its details", async () => {
    const impossible = { ...SETTINGS, minimum_positives: 1_000_000 };
    const failure = await trainChurnModelInWorker(histories, MONTH, impossible).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ChurnModelTrainingError);
    expect(failure).toMatchObject({ code: "CHURN_MODEL_TRAINING_FAILED", details: { trainingPositives: expect.any(Number), reason: expect.stringContaining("churners") } });
    expect(() => trainChurnModel(histories, MONTH, impossible)).toThrow((failure as Error).message);
  });

  it.each([
    { case: "a worker that fails to start", source: "throw new Error('cannot load the trainer')", reason: "cannot load the trainer" },
    { case: "a worker that exits without replying", source: "process.exit(3)", reason: "exited (code 3)" },
    {
      case: "a reply out of protocol",
      source: "import { parentPort } from 'node:worker_threads'; parentPort.once('message', () => parentPort.postMessage({ ok: true }));",
      reason: "not a training result",
    },
  ])("turns $case into ChurnTrainingWorkerError", async ({ source, reason }) => {
    const failure = await trainChurnModelInWorker(histories, MONTH, SETTINGS, workerModule(source)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ChurnTrainingWorkerError);
    expect(failure).toMatchObject({ code: "CHURN_TRAINING_WORKER_FAILED", audience: "internal", message: expect.stringContaining(reason) });
  });
});
