/** Reading the API's payloads: the conversation list and detail, the semantic layer, and searching it. */
import { describe, expect, it } from "vitest";
import { readConversationList, readConversationTurns, readSemanticLayer, searchLayer } from "./api-shapes.ts";

const answer = (question: string) => ({ question, status: "answered", text: "…", conversation_id: "c_1" });

describe("conversations", () => {
  it("lists conversations newest first with their titles", () => {
    const list = readConversationList({
      conversations: [
        { id: "c_old", title: "本月放款金额是多少?", updated_at: "2026-06-01T00:00:00Z" },
        { id: "c_new", title: "", updated_at: "2026-06-02T00:00:00Z" },
        { title: "no id" },
      ],
    });
    expect(list).toEqual([
      { id: "c_new", title: "", updatedAt: "2026-06-02T00:00:00Z" },
      { id: "c_old", title: "本月放款金额是多少?", updatedAt: "2026-06-01T00:00:00Z" },
    ]);
  });

  it("reads turns with their answer index and skips turns without an answer", () => {
    const turns = readConversationTurns({ id: "c_1", turns: [{ index: 0, question: "a", answer: answer("a") }, { index: 1, question: "b", answer: null }, { index: 2, question: "c", answer: answer("c") }] });
    expect(turns.map((turn) => [turn.question, turn.answerIndex])).toEqual([
      ["a", 0],
      ["c", 2],
    ]);
  });
});

describe("semantic layer", () => {
  const payload = {
    metrics: [{ id: "overdue_rate", names: { zh: ["逾期率", "不良率"], en: ["overdue rate"] }, description: { zh: "逾期贷款余额占比", en: "Share of balance overdue" }, formula: "SUM(overdue) / SUM(balance)" }],
    terms: [{ id: "high_value", names: { zh: ["高价值客户"], en: ["high-value customers"] }, description: { zh: "价值等级为高", en: "value tier high" }, formula: "value_tier = 'high'" }],
    dimensions: [{ id: "branch", names: { zh: ["分行"], en: ["branch"] }, description: null }],
  };

  it("names entries in the interface language with the other language as synonyms", () => {
    const entries = readSemanticLayer(payload, "en");
    expect(entries.map((entry) => [entry.kind, entry.name])).toEqual([
      ["metric", "overdue rate"],
      ["term", "high-value customers"],
      ["dimension", "branch"],
    ]);
    expect(entries[0].names).toContain("不良率");
    expect(entries[0].description).toBe("Share of balance overdue");
  });

  it.each([
    ["a Chinese synonym", "不良", ["overdue_rate"]],
    ["words of the formula", "value_tier high", ["high_value"]],
    ["nothing", "", ["overdue_rate", "high_value", "branch"]],
    ["no match", "利润", []],
  ])("searches by %s", (_name, query, ids) => {
    expect(searchLayer(readSemanticLayer(payload, "zh"), query).map((entry) => entry.id)).toEqual(ids);
  });

  it("reads nothing from a payload it does not know", () => {
    expect(readSemanticLayer("oops", "zh")).toEqual([]);
    expect(readConversationList(null)).toEqual([]);
  });
});
