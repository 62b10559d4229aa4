/** The answer schema accepts the ANSWER.md example and refuses answers that break the contract. */
import { describe, expect, it } from "vitest";
import { Answer } from "./answer.ts";

/** The example of ../shared/ANSWER.md, completed where it elides ("..."). */
const EXAMPLE = {
  question: "哪些高价值客户本月还款风险上升?",
  language: "zh",
  status: "answered",
  text: "本月共有 37 位高价值客户还款风险上升……",
  interpretation: "高价值客户(value_tier = high)中,2026-06 的 PD 较 2026-05 上升 ≥ 0.02 的客户",
  sql: ["SELECT customers.customer_id FROM customers WHERE customers.value_tier = ?"],
  columns: [
    { name: "customer_id", type: "text", label: "客户号" },
    { name: "pd_change", type: "number", label: "PD变化" },
  ],
  rows: [["C000123", 0.052]],
  row_count: 37,
  chart: { $schema: "https://vega.github.io/schema/vega-lite/v6.json", mark: "bar" },
  actions: [{ id: "rm_outreach", title: "客户经理回访", reason: "PD 上升", priority: "high", customer_ids: ["C000123"] }],
  definitions: [{ id: "rising_repayment_risk", name: "还款风险上升", formula: "pd(M) - pd(M-1) >= 0.02" }],
  tools: [{ name: "risk_trend", args: {}, ms: 3.1 }],
  as_of_date: "2026-06-30",
  conversation_id: "c_0123456789abcdef",
  timings: { total_ms: 12.4, sql_ms: 8.0 },
};

describe("Answer schema", () => {
  it("accepts the ANSWER.md example and fills the added fields with defaults", () => {
    const answer = Answer.parse(EXAMPLE);
    expect(answer.rows).toEqual([["C000123", 0.052]]);
    expect(answer).toMatchObject({ confidence: null, choices: [], suggestions: [], plan: null, error: null, truncated: false });
  });

  it("accepts extra timings and a null chart", () => {
    expect(Answer.safeParse({ ...EXAMPLE, chart: null, timings: { total_ms: 3, sql_ms: 1, planning_ms: 0.4, compose_ms: 0.2 } }).success).toBe(true);
  });

  it("keeps extra fields of actions", () => {
    const answer = Answer.parse({ ...EXAMPLE, actions: [{ ...EXAMPLE.actions[0], channel: "phone" }] });
    expect(answer.actions[0]).toMatchObject({ channel: "phone" });
  });

  const broken: [string, Record<string, unknown>][] = [
    ["a renamed field", { ...EXAMPLE, rowCount: 37 }],
    ["an unknown status", { ...EXAMPLE, status: "done" }],
    ["a row of the wrong width", { ...EXAMPLE, rows: [["C000123"]] }],
    ["row_count below the rows returned", { ...EXAMPLE, row_count: 0 }],
    ["an error without its error", { ...EXAMPLE, status: "error", rows: [], row_count: 0 }],
    ["an error with rows", { ...EXAMPLE, status: "error", error: { code: "X", audience: "user", messages: { zh: "错", en: "wrong" } } }],
    ["a number as text in timings", { ...EXAMPLE, timings: { total_ms: "12", sql_ms: 8 } }],
    ["an object as a cell", { ...EXAMPLE, rows: [["C000123", { pd: 0.05 }]] }],
    ["an empty text", { ...EXAMPLE, text: "" }],
    ["a bad as-of date", { ...EXAMPLE, as_of_date: "June 30" }],
  ];
  it.each(broken)("refuses %s", (_, candidate) => {
    expect(Answer.safeParse(candidate).success).toBe(false);
  });
});
