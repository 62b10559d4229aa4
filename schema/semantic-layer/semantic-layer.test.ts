/** The semantic layer loads, covers DOMAIN.md in both languages, and rejects broken entries by name. */
import { describe, expect, it } from "vitest";
import { buildSemanticLayer, closestIds, semanticLayer, SEMANTIC_LAYER_SOURCE, SemanticLayerError, UnknownMemberError } from "./semantic-layer.ts";

const layer = semanticLayer();

/** Every metric and term of DOMAIN.md, by the id the layer gives it. */
const DOMAIN_METRICS = [
  "loan_count",
  "disbursement_amount",
  "outstanding_balance",
  "overdue_rate",
  "overdue_30_rate",
  "overdue_90_rate",
  "npl_ratio",
  "approval_rate",
  "average_approval_hours",
  "conversion_rate",
  "open_rate",
  "click_rate",
  "cost_per_application",
  "churn_rate",
  "nps",
  "average_pd",
  "on_time_repayment_rate",
  "alert_count",
];
const DOMAIN_TERMS = [
  "high_value",
  "medium_value",
  "low_value",
  "borrower",
  "overdue",
  "delinquent_30",
  "delinquent_90",
  "npl",
  "rising_repayment_risk",
  "new_customer",
  "churned",
  "young",
  "active_campaign",
  "due_soon",
];

const clone = () => structuredClone(SEMANTIC_LAYER_SOURCE) as unknown as Record<string, Array<Record<string, unknown>>>;

describe("semantic layer", () => {
  it.each(DOMAIN_METRICS)("has DOMAIN.md metric %s with zh and en names and a formula", (id) => {
    const metric = layer.metric(id);
    expect(metric.names.zh.length).toBeGreaterThan(0);
    expect(metric.names.en.length).toBeGreaterThan(0);
    expect(metric.formula.length).toBeGreaterThan(5);
    expect(metric.description.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(DOMAIN_TERMS)("has DOMAIN.md term %s with zh and en names", (id) => {
    const term = layer.term(id);
    expect(term.names.zh.some((name) => /[\u4e00-\u9fff]/.test(name))).toBe(true);
    expect(term.names.en.some((name) => /^[a-z0-9 +-]+$/i.test(name))).toBe(true);
  });

  it("keeps 余额 (loan balance) and AUM apart, and asks when 余额 stands alone", () => {
    expect(layer.metric("outstanding_balance").names.zh).not.toContain("余额");
    expect(layer.metric("total_aum").names.zh).toContain("AUM");
    const balance = layer.ambiguities.find((ambiguity) => ambiguity.names.zh.includes("余额"));
    expect(balance?.choices).toEqual(["outstanding_balance", "total_aum"]);
  });

  it("keeps the rising-risk threshold as a setting, referenced from SQL", () => {
    expect(layer.settings.rising_risk_threshold).toBe(0.02);
    expect(JSON.stringify(layer.term("rising_repayment_risk").sql)).toContain("{{setting.rising_risk_threshold}}");
  });

  it("names an unknown member and suggests the closest ids", () => {
    expect(() => layer.metric("overdue_rat")).toThrow(UnknownMemberError);
    try {
      layer.metric("overdue_rat");
    } catch (error) {
      expect((error as UnknownMemberError).suggestions[0]).toBe("overdue_rate");
    }
    expect(closestIds("npl", ["npl_ratio", "loan_count", "nps"])).toContain("npl_ratio");
  });

  const broken: Array<[string, (definition: ReturnType<typeof clone>) => void, RegExp]> = [
    ["a metric without names", (definition) => ((definition.metrics[0].names as Record<string, unknown>).zh = []), /loan_count/],
    ["a ratio without denominator", (definition) => delete definition.metrics.find((metric) => metric.id === "npl_ratio")!.denominator, /npl_ratio/],
    ["a metric on an unknown entity", (definition) => (definition.metrics[1].entity = "deposits"), /disbursement_amount.*deposits/],
    ["a column not in the contract", (definition) => (definition.metrics[1].sql = "SUM(loans.principle)"), /loans\.principle/],
    ["an unknown placeholder", (definition) => (definition.terms[0].sql = "customers.value_tier = {{tier}}"), /\{\{tier\}\}/],
    ["a duplicate id", (definition) => definition.metrics.push(definition.metrics[0]), /loan_count.*twice/],
    ["a term showing an unknown attribute", (definition) => (definition.terms.find((term) => term.id === "rising_repayment_risk")!.showAttributes = ["pd_delta"]), /pd_delta/],
    ["an ambiguity offering an unknown metric", (definition) => ((definition.ambiguities[0].choices as string[])[1] = "deposit_balance"), /deposit_balance/],
  ];
  it.each(broken)("rejects %s with a message naming it", (_name, breakIt, message) => {
    const definition = clone();
    breakIt(definition);
    expect(() => buildSemanticLayer(definition)).toThrow(SemanticLayerError);
    expect(() => buildSemanticLayer(definition)).toThrow(message);
  });

  it("accepts a new metric as one entry", () => {
    const definition = clone();
    definition.metrics.push({
      id: "average_term",
      names: { zh: ["平均期限"], en: ["average term"] },
      description: { zh: "平均期限:贷款期限(月)的平均值", en: "Average term: mean term in months" },
      entity: "loans",
      kind: "simple",
      sql: "AVG(loans.term_months)",
      formula: "AVG(term_months)",
      format: "number",
      direction: "neutral",
    });
    expect(buildSemanticLayer(definition).metric("average_term").entity).toBe("loans");
  });
});
