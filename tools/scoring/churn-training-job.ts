/** One churn-model training as a message job: what the worker thread is sent, what it posts back, and the job itself. */
import { z } from "zod";
import { LendLensError } from "../../schema/errors.ts";
import type { ChurnModel } from "./churn-model.ts";
import { trainChurnModelOnSample } from "./churn-model.ts";
import type { CustomerHistory } from "./churn-history.ts";
import type { ScoringSettings } from "./scoring-settings.ts";

/** What the worker is sent: the drawn sample (structured-cloned: plain objects, strings and Maps) and the settings. */
export interface ChurnTrainingRequest {
  sample: Map<string, CustomerHistory>;
  asOfMonth: string;
  settings: ScoringSettings["churn"];
}

// Any number, NaN and infinities included: the reply must carry exactly what the in-thread trainer would return.
const AnyNumber = z.custom<number>((value) => typeof value === "number", "a number");

const ChurnModelReply = z
  .object({
    model: z
      .object({
        featureNames: z.array(z.string()),
        means: z.array(AnyNumber),
        standardDeviations: z.array(AnyNumber),
        intercept: AnyNumber,
        weights: z.array(AnyNumber),
      })
      .strict(),
    holdoutAuc: AnyNumber.nullable(),
    trainingExamples: z.number().int(),
    trainingPositives: z.number().int(),
    holdoutExamples: z.number().int(),
    holdoutPositives: z.number().int(),
    snapshotMonths: z.array(z.string()),
  })
  .strict();

/** The worker's one message back: the model with the worker's thread id and time, or the error it threw. */
export const ChurnTrainingReply = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), churnModel: ChurnModelReply, threadId: z.number().int(), trainingMs: z.number() }).strict(),
  z
    .object({
      ok: z.literal(false),
      error: z
        .object({
          name: z.string(),
          message: z.string(),
          code: z.string().optional(),
          details: z.record(z.string(), z.unknown()).optional(),
        })
        .strict(),
    })
    .strict(),
]);
export type ChurnTrainingReply = z.infer<typeof ChurnTrainingReply>;

/** Trains on the request's sample and describes the outcome as a reply; it never throws (errors travel as data). */
export function runChurnTrainingJob(request: ChurnTrainingRequest, threadId: number): ChurnTrainingReply {
  const started = performance.now();
  try {
    const churnModel: ChurnModel = trainChurnModelOnSample(request.sample, request.asOfMonth, request.settings);
    return { ok: true, churnModel, threadId, trainingMs: performance.now() - started };
  } catch (error) {
    const base = error instanceof Error ? { name: error.name, message: error.message } : { name: "Error", message: String(error) };
    return { ok: false, error: LendLensError.is(error) ? { ...base, code: error.code, ...(error.details ? { details: error.details } : {}) } : base };
  }
}
