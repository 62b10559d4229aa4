/** What the exports contain: every row of an answer, one line per action and customer; example questions. */
import { describe, expect, it } from "vitest";
import { MESSAGES } from "../i18n/messages.ts";
import type { LayerEntry } from "../api/api-shapes.ts";
import { actionsCsv } from "./action-cards.ts";
import { answerCsv } from "./answer-table.ts";
import { exampleQuestions } from "./empty-state.ts";

const lines = (csv: string) => csv.replace(/^\uFEFF/, "").trim().split("\r\n");

describe("answerCsv", () => {
  it("writes the labels and every row with raw values", () => {
    const rows = Array.from({ length: 45 }, (_, index) => [`BR${index}`, index / 100]);
    const csv = answerCsv({ columns: [{ name: "branch", type: "text", label: "分行" }, { name: "overdue_rate", type: "number", label: "逾期率", format: "rate" }], rows });
    expect(lines(csv)).toHaveLength(46);
    expect(lines(csv).slice(0, 3)).toEqual(["分行,逾期率", "BR0,0", "BR1,0.01"]);
  });
});

describe("actionsCsv", () => {
  it("writes one line per customer, and one for an action without customers", () => {
    const csv = actionsCsv(
      [
        { id: "rm_outreach", title: "客户经理联系", reason: "PD 上升", priority: "high", owner: "relationship_manager", customer_ids: ["C1", "C2"] },
        { id: "review", title: "复核额度", reason: "观察", priority: "low", branch_ids: ["BR01", "BR02"] },
      ],
      MESSAGES.zh,
    );
    expect(lines(csv)).toEqual([
      "id,建议行动,优先级,负责人,涉及客户,涉及分行,渠道,reason",
      "rm_outreach,客户经理联系,high,relationship_manager,C1,,,PD 上升",
      "rm_outreach,客户经理联系,high,relationship_manager,C2,,,PD 上升",
      "review,复核额度,low,,,BR01 BR02,,观察",
    ]);
  });
});

describe("exampleQuestions", () => {
  const entry = (kind: LayerEntry["kind"], name: string): LayerEntry => ({ id: name, kind, name, names: [name], formula: "", description: "" });

  it("starts with the headline question and builds the rest from metrics and terms", () => {
    const entries = [entry("metric", "逾期率"), entry("metric", "放款金额"), entry("term", "高价值客户"), entry("metric", "审批通过率")];
    expect(exampleQuestions(entries, MESSAGES.zh)).toEqual(["哪些高价值客户本月还款风险上升?", "本月的逾期率是多少?", "按分行看放款金额", "列出高价值客户", "本月的审批通过率是多少?"]);
  });

  it("offers the headline question before the semantic layer has loaded", () => {
    expect(exampleQuestions([], MESSAGES.en)).toEqual(["Which high-value customers have rising repayment risk this month?"]);
  });
});
