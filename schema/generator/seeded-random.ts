/** A small seeded pseudo-random generator (sfc32): the only source of randomness in the dataset generator. */

/** Mixes a 32-bit integer (murmur3 finaliser); the same input gives the same output on every machine. */
function mix32(value: number): number {
  let hash = value >>> 0;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** Folds a list of numbers and strings into one 32-bit key. */
function hashKey(parts: readonly (number | string)[]): number {
  let hash = 0x9e3779b9;
  for (const part of parts) {
    if (typeof part === "number") {
      // Fractions (a scale such as 0.05) count too, so hash the integer and the fraction separately.
      hash = mix32(hash ^ mix32(Math.floor(part) >>> 0));
      hash = mix32(hash ^ mix32(Math.round((part - Math.floor(part)) * 1e9) >>> 0));
    } else {
      for (let index = 0; index < part.length; index += 1) hash = mix32(hash ^ part.charCodeAt(index));
      hash = mix32(hash ^ part.length);
    }
  }
  return hash;
}

/**
 * A deterministic random stream. Streams are derived from a seed and a path of tags (for example
 * `["customer", 17, "loans"]`), so each part of the dataset draws from its own stream and a change in one part
 * never shifts the numbers of another.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** The seed and tags this stream was made from. */
  readonly path: readonly (number | string)[];

  /** Creates the stream for a seed and an optional path of tags. */
  constructor(seed: number, ...tags: (number | string)[]) {
    this.path = [seed, ...tags];
    const key = hashKey(this.path);
    this.a = mix32(key ^ 0x243f6a88);
    this.b = mix32(key ^ 0x85a308d3);
    this.c = mix32(key ^ 0x13198a2e);
    this.d = 1;
    // Warm up so that nearby keys give unrelated first numbers.
    for (let round = 0; round < 12; round += 1) this.nextUint32();
  }

  /** A new independent stream below this one's path. */
  derive(...tags: (number | string)[]): SeededRandom {
    const [seed, ...rest] = this.path;
    return new SeededRandom(seed as number, ...rest, ...tags);
  }

  /** The next unsigned 32-bit integer. */
  nextUint32(): number {
    const result = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + result) | 0;
    return result >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** An integer in [min, max], both included. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** An index drawn with the given (non-negative, not all zero) weights. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const weight of weights) total += weight;
    let target = this.next() * total;
    for (let index = 0; index < weights.length; index += 1) {
      target -= weights[index];
      if (target < 0) return index;
    }
    return weights.length - 1;
  }

  /** One element of a list drawn with the given weights. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    return items[this.weightedIndex(weights)];
  }

  /** A normal draw (Marsaglia's polar method: only log and sqrt, which are the same on every machine). */
  normal(mean = 0, deviation = 1): number {
    for (;;) {
      const u = 2 * this.next() - 1;
      const v = 2 * this.next() - 1;
      const square = u * u + v * v;
      if (square > 0 && square < 1) return mean + deviation * u * Math.sqrt((-2 * Math.log(square)) / square);
    }
  }

  /** A log-normal draw with the given median and log-scale deviation. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** A Poisson count (Knuth's method; a rounded normal for large means). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
    const limit = Math.exp(-mean);
    let count = 0;
    let product = this.next();
    while (product > limit) {
      count += 1;
      product *= this.next();
    }
    return count;
  }

  /** `count` distinct integers from [0, size), in draw order (partial Fisher-Yates). */
  sample(size: number, count: number): number[] {
    const chosen = new Map<number, number>();
    const result: number[] = [];
    for (let index = 0; index < Math.min(count, size); index += 1) {
      const swap = this.integer(index, size - 1);
      const atSwap = chosen.get(swap) ?? swap;
      chosen.set(swap, chosen.get(index) ?? index);
      result.push(atSwap);
    }
    return result;
  }
}
