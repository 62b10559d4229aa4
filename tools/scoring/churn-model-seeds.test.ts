/** The churn model's holdout AUC reaches the target on the evals' datasets (seeds 11, 23, 37) and the default seed 42. */
import { describe, expect, it } from "vitest";
import { generateDataset } from "../../schema/generator/generate-dataset.ts";
import { createInMemoryEngine } from "../engines/in-memory-engine.ts";
import { churnRiskTool, TARGET_AUC } from "./churn-risk.ts";

describe("churn_risk on generated data", () => {
  // Seeds and as-of dates of evals/datasets (DEFAULT_DATASETS) and the generator's default seed, at the evals' scale.
  it.each<[seed: number, asOfDate: string]>([
    [11, "2026-06-30"],
    [23, "2025-12-31"],
    [37, "2026-03-31"],
    [42, "2026-06-30"],
  ])("seed %i as of %s: holdout AUC >= 0.7 with churners in the holdout", async (seed, asOfDate) => {
    const engine = createInMemoryEngine(await generateDataset({ seed, scale: 0.05, asOf: asOfDate }), { closeDatabase: true });
    try {
      const { model } = await churnRiskTool.run({ limit: 1 }, { engine, asOfDate });
      expect(model.holdout_positives).toBeGreaterThanOrEqual(10);
      expect(model.holdout_auc, `seed ${seed}`).toBeGreaterThanOrEqual(TARGET_AUC);
      expect(model.meets_target).toBe(true);
    } finally {
      await engine.close();
    }
  }, 30_000);
});
