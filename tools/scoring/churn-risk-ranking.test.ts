/** churn_risk ranks every active customer once per cached model: filtered calls match the full ranking, copies are returned. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDataset } from "../../schema/generator/generate-dataset.ts";
import type { Engine } from "../engines/engine.ts";
import { createInMemoryEngine } from "../engines/in-memory-engine.ts";
import { churnModelTrainings } from "./churn-model-cache.ts";
import { churnRiskTool } from "./churn-risk.ts";
import type { ChurnRiskItem } from "./churn-risk.ts";
import { queryRows } from "./scoring-query.ts";
import type { ScoringContext } from "./scoring-tool.ts";

let engine: Engine;
let context: ScoringContext;
let everyone: ChurnRiskItem[];
let branchOf: Map<string, string>;

beforeAll(async () => {
  engine = createInMemoryEngine(await generateDataset({ seed: 11, scale: 0.05, asOf: "2026-06-30" }), { closeDatabase: true });
  context = { engine, asOfDate: "2026-06-30" };
  everyone = (await churnRiskTool.run({ limit: 10_000 }, context)).items;
  branchOf = new Map((await queryRows(engine, "SELECT customer_id, home_branch_id FROM customers")).map((row) => [String(row.customer_id), String(row.home_branch_id)]));
});
afterAll(() => engine.close());

describe("churn_risk ranking", () => {
  it("ranks by probability, then customer_id", () => {
    expect(everyone.length).toBeGreaterThan(100);
    everyone.forEach((item, index) => {
      if (index === 0) return;
      const previous = everyone[index - 1];
      expect(previous.churn_probability > item.churn_probability || (previous.churn_probability === item.churn_probability && previous.customer_id < item.customer_id)).toBe(true);
    });
  });

  const someIds = () => everyone.filter((_, index) => index % 37 === 0).map((item) => item.customer_id);
  const topBranch = () => branchOf.get(everyone[0].customer_id) as string;
  it.each([
    { case: "a value tier", args: () => ({ value_tier: "high" as const }), keep: (item: ChurnRiskItem) => item.value_tier === "high" },
    { case: "some customers", args: () => ({ customer_ids: someIds() }), keep: (item: ChurnRiskItem) => someIds().includes(item.customer_id) },
    { case: "a minimum probability", args: () => ({ min_probability: 0.2 }), keep: (item: ChurnRiskItem) => item.churn_probability >= 0.2 },
  ])("filtered by $case: the full ranking filtered, without training again", async ({ args, keep }) => {
    const before = churnModelTrainings();
    const result = await churnRiskTool.run({ ...args(), limit: 10_000 }, context);
    expect(churnModelTrainings()).toBe(before);
    const expected = everyone.filter(keep);
    expect(expected.length).toBeGreaterThan(0);
    expect(result.items).toEqual(expected);
    expect(result.row_count).toBe(expected.length);
  });

  it("honours a branch scope and the limit, counting every qualified row", async () => {
    const branchId = topBranch();
    const result = await churnRiskTool.run({ limit: 5 }, { ...context, scope: { branchId } });
    const inBranch = everyone.filter((item) => branchOf.get(item.customer_id) === branchId);
    expect(result.items).toEqual(inBranch.slice(0, 5));
    expect(result.row_count).toBe(inBranch.length);
  });

  it("returns copies: changing an answer's items does not change the next answer", async () => {
    const first = await churnRiskTool.run({ limit: 3 }, context);
    first.items[0].churn_probability = -1;
    first.items[0].drivers.length = 0;
    const second = await churnRiskTool.run({ limit: 3 }, context);
    expect(second.items).toEqual(everyone.slice(0, 3));
  });
});
