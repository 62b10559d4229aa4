// Data-driven: a metric, synonym or dataset value added to the semantic layer is understood with no parser change.
import { describe, expect, it } from "vitest";
import { SEMANTIC_LAYER_SOURCE, buildSemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import { DATASET_VALUES, expectPlan, plannerContext, term, values } from "./__fixtures__/planner-fixture.ts";
import { planQuestion } from "./offline-planner.ts";

/** The project's semantic-layer source with additions. */
function extendedLayer() {
  const source = structuredClone(SEMANTIC_LAYER_SOURCE);
  source.metrics.push({
    id: "average_interest_rate",
    names: { zh: ["平均利率", "平均执行利率"], en: ["average interest rate", "mean rate"] },
    description: { zh: "平均利率:贷款年利率的平均值", en: "Average interest rate: mean annual rate of loans" },
    entity: "loans",
    kind: "simple",
    sql: "AVG(loans.annual_rate)",
    formula: "AVG(annual_rate)",
    format: "rate",
    direction: "neutral",
  });
  const overdue = source.terms.find((candidate) => candidate.id === "overdue");
  overdue?.names.zh.push("脱期");
  overdue?.names.en.push("behind on payments");
  const city = source.dimensions.find((dimension) => dimension.id === "city");
  city?.values?.push({ value: "Xiamen", names: { zh: ["厦门", "鹭岛"], en: ["Xiamen", "Amoy"] } });
  return buildSemanticLayer(source);
}

describe("offline planner: driven by the semantic layer", () => {
  const layer = extendedLayer();
  const context = { ...plannerContext(), semanticLayer: layer };

  it.each([
    ["各分行的平均利率", { metrics: ["average_interest_rate"], dimensions: ["branch"] }],
    ["average interest rate by product category this year", { metrics: ["average_interest_rate"], dimensions: ["product_category"], time: ["2026-01-01", "2026-06-30"] as [string, string] }],
    ["平均利率最高的3个分行", { metrics: ["average_interest_rate"], order: [["average_interest_rate", "desc"]] as [string, "desc"][], limit: 3 }],
    ["有多少脱期的贷款", { metrics: ["loan_count"], filters: [term("overdue")] }],
    ["how many loans are behind on payments", { metrics: ["loan_count"], filters: [term("overdue")] }],
    ["鹭岛的逾期率", { metrics: ["overdue_rate"], filters: [values("city", "Xiamen")] }],
    ["overdue rate in Amoy", { metrics: ["overdue_rate"], filters: [values("city", "Xiamen")] }],
  ])("%s", (question, expected) => {
    expectPlan(planQuestion(question, context), expected, question);
  });

  it("does not know the new words with the project's layer", () => {
    expect(planQuestion("各分行的平均利率", plannerContext()).status).not.toBe("plan");
  });

  it("reads dataset values: a new branch is a filter", () => {
    const withBranch = { ...DATASET_VALUES, branch: [...DATASET_VALUES.branch, { value: "BR09", zh: "武汉光谷支行", en: "Wuhan Optics Valley", aliases: ["光谷支行", "光谷"] }] };
    expectPlan(planQuestion("光谷支行本月放款金额", { ...plannerContext(), datasetValues: withBranch }), { filters: [values("branch", "BR09")] });
    expectPlan(planQuestion("Wuhan Optics Valley NPL ratio", { ...plannerContext(), datasetValues: withBranch }), { filters: [values("branch", "BR09")] });
  });
});
