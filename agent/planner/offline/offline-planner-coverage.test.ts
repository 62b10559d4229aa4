// Every metric and every term of the semantic layer is understood by its canonical name in both languages.
import { describe, expect, it } from "vitest";
import { semanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { AggregateQuery, ListQuery } from "../../plan/query-plan.ts";
import { plan } from "./__fixtures__/planner-fixture.ts";
import { dimensionApplies } from "./semantic-helpers.ts";

const layer = semanticLayer();
const groupOf = (entity: string) => (dimensionApplies(layer, "city", entity) ? { zh: "城市", en: "city" } : { zh: "渠道", en: "channel" });

describe("offline planner: every metric and term", () => {
  it.each(layer.metrics.flatMap((metric) => [
    [metric.id, `${metric.names.zh[0]}是多少?`],
    [metric.id, `What is the ${metric.names.en[0]}?`],
    // Grouped by city where the metric's rows have one (campaigns are bank-wide: by channel).
    [metric.id, `各${groupOf(metric.entity).zh}的${metric.names.zh[metric.names.zh.length - 1]}`],
    [metric.id, `${metric.names.en[metric.names.en.length - 1]} by ${groupOf(metric.entity).en}`],
  ]))("metric %s: %s", (id, question) => {
    const outcome = plan(question);
    expect(outcome.status, JSON.stringify(outcome)).toBe("plan");
    if (outcome.status === "plan" && outcome.plan.query.kind === "aggregate") expect(outcome.plan.query.metrics).toContain(id);
    else throw new Error(`${question}: ${JSON.stringify(outcome)}`);
  });

  it.each(layer.terms.flatMap((term) => [
    [term.id, `列出${term.names.zh[0]}`],
    [term.id, `List ${term.names.en[0]}`],
  ]))("term %s: %s", (id, question) => {
    const outcome = plan(question);
    expect(outcome.status, JSON.stringify(outcome)).toBe("plan");
    if (outcome.status !== "plan") throw new Error(question);
    const query = outcome.plan.query as AggregateQuery | ListQuery;
    expect(query.filters).toContainEqual({ kind: "term", term: id });
  });
});
