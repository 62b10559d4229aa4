/** The gradient-descent trainer, the AUC and the stable hash on small hand-checked examples. */
import { describe, expect, it } from "vitest";
import { contributions, predictProbability, rawScaleCoefficients, trainLogisticRegression } from "./logistic-regression.ts";
import { rocAuc } from "./roc-auc.ts";
import { fnv1a32, isHoldout } from "./stable-hash.ts";

const options = { learningRate: 1, iterations: 600, l2: 0 };

describe("trainLogisticRegression", () => {
  // Labels follow x1 (log-odds 2 per unit) and ignore x2; an exact, noise-free logistic sample by repetition.
  const rows: number[][] = [];
  const labels: number[] = [];
  for (const x1 of [-2, -1, 0, 1, 2]) {
    const p = 1 / (1 + Math.exp(-(2 * x1 - 1)));
    // Positives split evenly between x2 = 0 and x2 = 1, so x2 carries no information.
    const positivePairs = Math.round(p * 500);
    for (let index = 0; index < 1000; index++) {
      rows.push([x1, index % 2]);
      labels.push(Math.floor(index / 2) < positivePairs ? 1 : 0);
    }
  }

  it("recovers the generating coefficients on the raw scale", () => {
    const model = trainLogisticRegression(["x1", "x2"], rows, labels, options);
    const raw = rawScaleCoefficients(model);
    expect(raw.weights[0]).toBeCloseTo(2, 1);
    expect(Math.abs(raw.weights[1])).toBeLessThan(1e-6);
    expect(raw.intercept).toBeCloseTo(-1, 1);
    expect(predictProbability(model, [0, 0])).toBeCloseTo(1 / (1 + Math.exp(1)), 1);
  });

  it("standardizes features and is deterministic", () => {
    const first = trainLogisticRegression(["x1", "x2"], rows, labels, options);
    const second = trainLogisticRegression(["x1", "x2"], rows, labels, options);
    expect(second).toEqual(first);
    expect(first.means[0]).toBeCloseTo(0, 12);
    expect(first.means[1]).toBeCloseTo(0.5, 12);
    expect(first.standardDeviations[0]).toBeCloseTo(Math.sqrt(2), 12);
    // Contributions are weight x standardized value, and sum with the intercept to the log-odds.
    const parts = contributions(first, [1, 1]);
    expect(parts[0]).toBeCloseTo(first.weights[0] / Math.sqrt(2), 12);
    const logOdds = first.intercept + parts[0] + parts[1];
    expect(predictProbability(first, [1, 1])).toBeCloseTo(1 / (1 + Math.exp(-logOdds)), 12);
  });

  it("survives a constant feature", () => {
    const model = trainLogisticRegression(["x", "constant"], [[0, 5], [1, 5], [2, 5], [3, 5]], [0, 0, 1, 1], options);
    expect(model.standardDeviations[1]).toBe(1);
    expect(model.weights[1]).toBe(0);
    expect(predictProbability(model, [3, 5])).toBeGreaterThan(predictProbability(model, [0, 5]));
  });
});

describe("rocAuc", () => {
  it.each([
    { scores: [0.1, 0.2, 0.8, 0.9], labels: [0, 0, 1, 1], auc: 1 },
    { scores: [0.9, 0.8, 0.2, 0.1], labels: [0, 0, 1, 1], auc: 0 },
    // One positive above both negatives, one between them: 3 of 4 pairs ordered.
    { scores: [0.1, 0.5, 0.4, 0.9], labels: [0, 0, 1, 1], auc: 0.75 },
    // Ties count half.
    { scores: [0.5, 0.5, 0.5, 0.5], labels: [0, 1, 0, 1], auc: 0.5 },
    { scores: [0.2, 0.5, 0.5], labels: [0, 0, 1], auc: 0.75 },
  ])("AUC of $scores / $labels is $auc", ({ scores, labels, auc }) => {
    expect(rocAuc(scores, labels)).toBeCloseTo(auc, 12);
  });

  it("is null with a single class", () => {
    expect(rocAuc([0.1, 0.2], [1, 1])).toBeNull();
  });
});

describe("stable hash", () => {
  it("matches FNV-1a reference values and splits about the share asked", () => {
    expect(fnv1a32("")).toBe(0x811c9dc5);
    expect(fnv1a32("a")).toBe(0xe40c292c);
    expect(fnv1a32("foobar")).toBe(0xbf9cf968);
    const ids = Array.from({ length: 2000 }, (_, index) => `C${String(index + 1).padStart(6, "0")}`);
    const share = ids.filter((id) => isHoldout(id, 0.3)).length / ids.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.35);
  });
});
