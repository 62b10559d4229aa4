// Tests of loadDatasetValues: plain SELECTs through the Engine interface, branch aliases, shared aliases dropped.
import { describe, expect, it } from "vitest";
import type { Engine, QueryResult } from "../../tools/engines/engine.ts";
import { branchAliases, loadDatasetValues } from "./dataset-values.ts";

const TABLE_ROWS: Record<string, unknown[][]> = {
  branches: [
    ["BR01", "上海浦东支行", "Shanghai Pudong", "Shanghai"],
    ["BR02", "上海静安支行", "Shanghai Jing'an", "Shanghai"],
    ["BR03", "北京朝阳支行", "Beijing Chaoyang", "Beijing"],
    ["BR04", "广州朝阳支行", "Guangzhou Chaoyang", "Guangzhou"],
  ],
  products: [
    ["P01", "安居房贷", "Home Mortgage"],
    ["P02", "易贷消费贷", "Easy Consumer Loan"],
  ],
  campaigns: [["CP001", "夏季消费季", "夏季消费季"]],
};

/** A fake engine answering the three SELECTs and recording them. */
function fakeEngine(statements: string[]): Engine {
  return {
    dialect: "sqlite",
    async query(sql: string): Promise<QueryResult> {
      statements.push(sql);
      const table = /FROM (\w+)/.exec(sql)?.[1] ?? "";
      return { columns: [], rows: TABLE_ROWS[table] ?? [], truncated: false, ms: 0 };
    },
    meta: async () => ({ as_of_date: "2026-06-30" }),
    tableRowCounts: async () => ({}),
    close: async () => undefined,
  };
}

describe("loadDatasetValues", () => {
  it("reads branches, products and campaigns with plain SELECTs", async () => {
    const statements: string[] = [];
    const values = await loadDatasetValues(fakeEngine(statements));
    expect(statements.every((sql) => /^SELECT [a-z_, ]+ FROM [a-z_]+ ORDER BY [a-z_]+$/.test(sql))).toBe(true);
    expect(Object.keys(values).sort()).toEqual(["branch", "campaign", "product"]);
    expect(values.product).toEqual([
      { value: "P01", zh: "安居房贷", en: "Home Mortgage" },
      { value: "P02", zh: "易贷消费贷", en: "Easy Consumer Loan" },
    ]);
    expect(values.campaign[0]).toEqual({ value: "CP001", zh: "夏季消费季", en: "夏季消费季" });
  });

  it("derives short branch aliases and drops the ones two branches share", async () => {
    const values = await loadDatasetValues(fakeEngine([]));
    const pudong = values.branch.find((value) => value.value === "BR01");
    expect(pudong?.aliases).toEqual(expect.arrayContaining(["浦东支行", "浦东", "Pudong", "上海浦东"]));
    const chaoyang = values.branch.find((value) => value.value === "BR03");
    expect(chaoyang?.aliases).not.toContain("朝阳支行");
    expect(chaoyang?.aliases).not.toContain("Chaoyang");
    expect(chaoyang?.aliases).toContain("北京朝阳");
  });

  it.each([
    ["上海浦东支行", "Shanghai Pudong", ["上海", "Shanghai"], ["浦东支行", "浦东", "上海浦东", "Pudong", "Pudong branch", "Shanghai Pudong branch"]],
    ["成都高新支行", "Chengdu Hi-Tech", ["成都", "Chengdu"], ["高新支行", "高新", "成都高新", "Hi-Tech", "Hi-Tech branch", "Chengdu Hi-Tech branch"]],
  ])("aliases of %s", (zh, en, cities, expected) => {
    expect(branchAliases(zh, en, cities).sort()).toEqual([...expected].sort());
  });
});
