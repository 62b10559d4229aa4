/** Tests of semantic-layer retrieval: the right members for zh and en keywords, values named in the query, no pii. */
import { describe, expect, it } from "vitest";
import { semanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import { DATASET_VALUES } from "./__fixtures__/planner-fixtures.ts";
import { summarizeLayer } from "./layer-summary.ts";
import { retrieveMembers } from "./semantic-retrieval.ts";

const layer = semanticLayer();
const retrieve = (query: string) => retrieveMembers(layer, DATASET_VALUES, query);

describe("retrieveMembers", () => {
  it.each([
    ["上个月各分行的逾期率", "metrics", "overdue_rate"],
    ["逾期", "metrics", "overdue_rate"],
    ["不良率", "metrics", "npl_ratio"],
    ["审批通过率 渠道", "metrics", "approval_rate"],
    ["approval rate by channel", "metrics", "approval_rate"],
    ["churn rate", "metrics", "churn_rate"],
    ["NPS", "metrics", "nps"],
    ["高价值客户", "terms", "high_value"],
    ["high-value customers with rising repayment risk", "terms", "rising_repayment_risk"],
    ["年收入超过50万的客户", "attributes", "annual_income"],
    ["by channel", "dimensions", "channel"],
    ["各分行", "dimensions", "branch"],
  ] as const)("%s → %s includes %s first or near", (query, kind, id) => {
    const ids = retrieve(query)[kind].map((member) => member.id);
    expect(ids.slice(0, 3)).toContain(id);
  });

  it("returns the 口径 of metrics and the allowed values of dimensions", () => {
    const found = retrieve("逾期率 城市");
    expect(found.metrics[0]).toMatchObject({ id: "overdue_rate", zh: "逾期率", en: "overdue rate", format: "rate", direction: "lower_is_better" });
    expect(found.metrics[0].formula).toContain("current_dpd > 0");
    expect(found.dimensions.find((dimension) => dimension.id === "city")?.values?.map((value) => value.value)).toContain("Shanghai");
  });

  it.each([
    ["上海的逾期率", "city", "Shanghai"],
    ["浦东支行的贷款余额", "branch", "BR01"],
    ["loans of Beijing Chaoyang", "branch", "BR02"],
    ["wechat approval rate", "channel", "wechat"],
  ])("finds the value named in %s", (query, dimension, value) => {
    expect(retrieve(query).values).toContainEqual(expect.objectContaining({ dimension, value }));
  });

  it("never offers pii attributes", () => {
    const found = retrieve("身份证号 手机号 phone id number");
    expect(found.attributes.map((attribute) => attribute.id)).not.toContain("id_number");
    expect(found.attributes.map((attribute) => attribute.id)).not.toContain("phone");
  });

  it("returns a relevant part, not the whole layer", () => {
    const found = retrieve("逾期率");
    expect(found.metrics.length).toBeLessThanOrEqual(8);
    expect(found.metrics.length).toBeLessThan(layer.metrics.length);
  });

  it("returns nothing for unrelated words", () => {
    const found = retrieve("weather forecast tomorrow");
    expect(found.metrics).toEqual([]);
    expect(found.terms).toEqual([]);
  });
});

describe("summarizeLayer", () => {
  it("lists ids with names only, without formulas or pii attributes", () => {
    const summary = summarizeLayer(layer);
    expect(summary).toContain("overdue_rate(逾期率/overdue rate)");
    expect(summary).toContain("high_value(高价值客户/high-value customers)");
    expect(summary).not.toContain("id_number");
    expect(summary).not.toContain("SUM(");
  });
});
