// Tests of the seeded random streams: reproducible, independent per path, and well-behaved draws.
import { describe, expect, it } from "vitest";
import { SeededRandom } from "./seeded-random.ts";

const draws = (random: SeededRandom, count: number): number[] => Array.from({ length: count }, () => random.nextUint32());

describe("SeededRandom", () => {
  it("gives the pinned numbers for a seed and path (the same on every machine)", () => {
    expect(draws(new SeededRandom(42, "customer", 7), 3)).toEqual([768942131, 1798782352, 1649647111]);
    expect(new SeededRandom(42, "customer", 7).derive("loans").nextUint32()).toBe(3479400685);
  });

  it.each([
    ["another seed", new SeededRandom(43, "customer", 7)],
    ["another customer", new SeededRandom(42, "customer", 8)],
    ["another tag", new SeededRandom(42, "campaign", 7)],
    ["a derived stream", new SeededRandom(42, "customer", 7).derive("x")],
  ])("gives other numbers for %s", (_label, random) => {
    expect(draws(random, 3)).not.toEqual([768942131, 1798782352, 1649647111]);
  });

  it("derives the same stream whatever the parent has drawn", () => {
    const parent = new SeededRandom(1, "a");
    const before = parent.derive("b").nextUint32();
    draws(parent, 10);
    expect(parent.derive("b").nextUint32()).toBe(before);
  });

  it("keeps draws in range and spreads them", () => {
    const random = new SeededRandom(5);
    const integers = Array.from({ length: 5000 }, () => random.integer(3, 7));
    expect(Math.min(...integers)).toBe(3);
    expect(Math.max(...integers)).toBe(7);
    const floats = Array.from({ length: 5000 }, () => random.next());
    expect(floats.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(floats.reduce((sum, value) => sum + value, 0) / floats.length).toBeCloseTo(0.5, 1);
  });

  it("draws normal and Poisson values with the asked mean and spread", () => {
    const random = new SeededRandom(9);
    const normals = Array.from({ length: 20_000 }, () => random.normal(10, 2));
    const mean = normals.reduce((sum, value) => sum + value, 0) / normals.length;
    const deviation = Math.sqrt(normals.reduce((sum, value) => sum + (value - mean) ** 2, 0) / normals.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(deviation).toBeCloseTo(2, 1);
    const counts = Array.from({ length: 20_000 }, () => random.poisson(3));
    expect(counts.reduce((sum, value) => sum + value, 0) / counts.length).toBeCloseTo(3, 1);
  });

  it("follows weights and samples without repeats", () => {
    const random = new SeededRandom(11);
    const picks = Array.from({ length: 10_000 }, () => random.weightedIndex([1, 0, 3]));
    expect(picks.filter((index) => index === 1)).toHaveLength(0);
    expect(picks.filter((index) => index === 2).length / picks.length).toBeCloseTo(0.75, 1);
    const sample = random.sample(50, 20);
    expect(new Set(sample).size).toBe(20);
    expect(sample.every((value) => value >= 0 && value < 50)).toBe(true);
    expect(random.sample(5, 10).sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
