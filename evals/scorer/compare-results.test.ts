// Tests of the result comparator on hand-made tables: column matching by values, tolerance, percent, order, extras.
import { describe, expect, it } from "vitest";
import { compareResults } from "./compare-results.ts";
import { cellsEqual, numericValue, profileColumn } from "./compare-cells.ts";

const unordered = { ordered: false };
const ordered = { ordered: true };

describe("compareResults", () => {
  const gold = { columns: ["city", "balance"], rows: [["Shanghai", 1200.5], ["Beijing", 800.25], ["Shenzhen", 50]] };

  it.each([
    ["same table", [["Shanghai", 1200.5], ["Beijing", 800.25], ["Shenzhen", 50]], true],
    ["rows shuffled", [["Shenzhen", 50], ["Shanghai", 1200.5], ["Beijing", 800.25]], true],
    ["columns swapped", [[1200.5, "Shanghai"], [800.25, "Beijing"], [50, "Shenzhen"]], true],
    ["extra label column", [["上海", "Shanghai", 1200.5], ["北京", "Beijing", 800.25], ["深圳", "Shenzhen", 50]], true],
    ["money within a fen", [["Shanghai", 1200.505], ["Beijing", 800.2549], ["Shenzhen", 49.995]], true],
    ["money off by two fen", [["Shanghai", 1200.52], ["Beijing", 800.25], ["Shenzhen", 50]], false],
    ["numbers as strings", [["Shanghai", "1200.50"], ["Beijing", "800.25"], ["Shenzhen", "50"]], true],
    ["a row missing", [["Shanghai", 1200.5], ["Beijing", 800.25]], false],
    ["an extra row", [["Shanghai", 1200.5], ["Beijing", 800.25], ["Shenzhen", 50], ["Wuhan", 1]], false],
    ["values paired wrongly", [["Shanghai", 800.25], ["Beijing", 1200.5], ["Shenzhen", 50]], false],
    ["a column missing", [["Shanghai"], ["Beijing"], ["Shenzhen"]], false],
  ])("%s", (_name, rows, expected) => {
    expect(compareResults(gold, { rows }, unordered).match).toBe(expected);
  });

  it("reports which answer column matched each gold column", () => {
    const result = compareResults(gold, { rows: [["x", 1200.5, "Shanghai"], ["y", 800.25, "Beijing"], ["z", 50, "Shenzhen"]] }, unordered);
    expect(result).toMatchObject({ match: true, assignment: [2, 1] });
  });

  it("finds the assignment when two answer columns share a gold column's values", () => {
    // Both answer columns 0 and 1 hold the same counts multiset, but only column 1 pairs with the right cities.
    const counts = { rows: [["A", 1], ["B", 2]] };
    const answer = { rows: [[2, 1, "A"], [1, 2, "B"]] };
    expect(compareResults(counts, answer, unordered)).toMatchObject({ match: true, assignment: [2, 1] });
  });

  it("accepts rates as fractions or as percentages, within 1e-4", () => {
    const rates = { rows: [["mortgage", 0.012345], ["auto", 0.05]] };
    expect(compareResults(rates, { rows: [["mortgage", 0.0123], ["auto", 0.05]] }, unordered).match).toBe(true);
    expect(compareResults(rates, { rows: [["mortgage", 1.23], ["auto", 5]] }, unordered).match).toBe(true);
    expect(compareResults(rates, { rows: [["mortgage", "1.23%"], ["auto", "5%"]] }, unordered).match).toBe(true);
    expect(compareResults(rates, { rows: [["mortgage", 0.0125], ["auto", 0.05]] }, unordered).match).toBe(false);
    expect(compareResults(rates, { rows: [["mortgage", 1.25], ["auto", 5]] }, unordered).match).toBe(false);
  });

  it("does not read counts as percentages", () => {
    expect(compareResults({ rows: [[3], [5]] }, { rows: [[300], [500]] }, unordered).match).toBe(false);
  });

  it("compares row order only when the case is ordered", () => {
    const top = { rows: [["C1", 0.3], ["C2", 0.2], ["C3", 0.1]] };
    const swapped = { rows: [["C2", 0.2], ["C1", 0.3], ["C3", 0.1]] };
    expect(compareResults(top, swapped, unordered).match).toBe(true);
    expect(compareResults(top, swapped, ordered).match).toBe(false);
    expect(compareResults(top, { rows: [["x", "C1", 30], ["y", "C2", 20], ["z", "C3", 10]] }, ordered).match).toBe(true);
  });

  it("lets rows tied on the sort key come in either order, but not rows with different keys", () => {
    const ranked = { rows: [["mortgage", 0.05], ["auto", 0.02], ["travel", 0], ["education", 0]] };
    expect(compareResults(ranked, { rows: [["mortgage", 0.05], ["auto", 0.02], ["education", 0], ["travel", 0]] }, ordered).match).toBe(true);
    expect(compareResults(ranked, { rows: [["auto", 0.02], ["mortgage", 0.05], ["education", 0], ["travel", 0]] }, ordered).match).toBe(false);
    expect(compareResults(ranked, { rows: [["education", 0], ["travel", 0], ["auto", 0.02], ["mortgage", 0.05]] }, ordered).match).toBe(false);
  });

  it.each([
    ["both empty", [], [], true],
    ["gold empty, answer has rows", [], [["C1"]], false],
    ["gold has rows, answer empty", [["C1"]], [], false],
  ])("empty results: %s", (_name, goldRows, answerRows, expected) => {
    expect(compareResults({ rows: goldRows }, { rows: answerRows }, unordered).match).toBe(expected);
  });

  it("treats all-zero groups as missing groups only when asked (grouped results)", () => {
    const grouped = { rows: [["East", 120.5], ["North", 3]] };
    const withZeroGroup = { rows: [["East", "华东", 120.5], ["North", "华北", 3], ["South", "华南", 0]] };
    expect(compareResults(grouped, withZeroGroup, { ordered: false, zeroGroupsOptional: true }).match).toBe(true);
    expect(compareResults(grouped, withZeroGroup, unordered).match).toBe(false);
    // The other way round: gold lists the zero group, the answer leaves it out.
    expect(compareResults({ rows: [["East", 120.5], ["South", 0]] }, { rows: [["East", 120.5]] }, { ordered: false, zeroGroupsOptional: true }).match).toBe(true);
    // A ratio over nothing (null) is optional too, in grouped results.
    expect(compareResults({ rows: [["CP001", 1500], ["CP002", null]] }, { rows: [["CP001", 1500]] }, { ordered: false, zeroGroupsOptional: true }).match).toBe(true);
    // A group with a non-zero number is never optional.
    expect(compareResults(grouped, { rows: [["East", 120.5], ["North", 3], ["South", 1]] }, { ordered: false, zeroGroupsOptional: true }).match).toBe(false);
  });

  it("matches duplicate rows as a multiset", () => {
    const goldDuplicates = { rows: [["A", 1], ["A", 1], ["B", 2]] };
    expect(compareResults(goldDuplicates, { rows: [["A", 1], ["B", 2], ["A", 1]] }, unordered).match).toBe(true);
    expect(compareResults(goldDuplicates, { rows: [["A", 1], ["B", 2], ["B", 2]] }, unordered).match).toBe(false);
  });

  it("pairs near-equal rows the sort split apart", () => {
    const goldRows = { rows: [[0.10001, "x"], [0.10002, "y"]] };
    expect(compareResults(goldRows, { rows: [[0.10002, "x"], [0.10001, "y"]] }, unordered).match).toBe(true);
  });

  it("matches nulls only with nulls and keeps months as text", () => {
    expect(compareResults({ rows: [["2026-06", null]] }, { rows: [["2026-06", null]] }, unordered).match).toBe(true);
    expect(compareResults({ rows: [["2026-06", null]] }, { rows: [["2026-06", 0]] }, unordered).match).toBe(false);
    expect(compareResults({ rows: [["2026-06"]] }, { rows: [["2026-6"]] }, unordered).match).toBe(false);
  });
});

describe("cell helpers", () => {
  it.each([
    [12, 12],
    ["12.5", 12.5],
    ["1,234.5", 1234.5],
    ["3.2%", 0.032],
    ["2026-06", null],
    ["C000123", null],
    [true, 1],
    [null, null],
  ])("numericValue(%j) = %j", (input, expected) => {
    const value = numericValue(input);
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected, 9);
  });

  it("profiles rate columns and money columns", () => {
    expect(profileColumn([0.01, 0.2, 0])).toEqual({ isRate: true, tolerance: 1e-4 });
    expect(profileColumn([1, 0, 1])).toEqual({ isRate: false, tolerance: 0.01 });
    expect(profileColumn([1500.25, 3])).toEqual({ isRate: false, tolerance: 0.01 });
  });

  it("compares an id given as a number with its text form", () => {
    expect(cellsEqual("42", 42)).toBe(true);
    expect(cellsEqual("Shanghai", "Shanghai ")).toBe(true);
    expect(cellsEqual("Shanghai", "上海")).toBe(false);
  });
});
