/** The model cache: one training per key, shared by concurrent callers, failures forgotten, oldest entry dropped. */
import { describe, expect, it } from "vitest";
import { ModelCache } from "./model-cache.ts";

/** A cache whose trainings are counted per key. */
function countingCache(maxEntries: number) {
  const cache = new ModelCache<string>(maxEntries);
  const trained: string[] = [];
  const get = (key: string) =>
    cache.getOrTrain(key, async () => {
      trained.push(key);
      return `model of ${key}`;
    });
  return { cache, trained, get };
}

describe("ModelCache", () => {
  it("trains a key once, also for concurrent callers", async () => {
    const { trained, get } = countingCache(3);
    const [first, second] = await Promise.all([get("a"), get("a")]);
    expect(await get("a")).toBe("model of a");
    expect([first, second]).toEqual(["model of a", "model of a"]);
    expect(trained).toEqual(["a"]);
  });

  it("keeps at most maxEntries, dropping the least recently used", async () => {
    const { cache, trained, get } = countingCache(2);
    await get("a");
    await get("b");
    await get("a"); // a is now the most recently used
    await get("c"); // drops b
    expect(cache.size).toBe(2);
    await get("a");
    await get("b");
    expect(trained).toEqual(["a", "b", "c", "b"]);
  });

  it("forgets a failed training, so the next call trains again", async () => {
    const cache = new ModelCache<string>(2);
    let attempts = 0;
    const train = async () => {
      attempts++;
      if (attempts === 1) throw new Error("no churners");
      return "model";
    };
    await expect(cache.getOrTrain("a", train)).rejects.toThrow("no churners");
    expect(await cache.getOrTrain("a", train)).toBe("model");
    expect(attempts).toBe(2);
    expect(cache.size).toBe(1);
  });
});
