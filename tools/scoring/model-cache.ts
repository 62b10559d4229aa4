/** A small least-recently-used cache of trained models (promises, so concurrent callers share one training). */

/** Keeps at most `maxEntries` models by key; a failed training is not kept, so the next call tries again. */
export class ModelCache<Model> {
  private readonly entries = new Map<string, Promise<Model>>();

  constructor(private readonly maxEntries: number) {}

  /** The model of `key`: the cached one, or `train()`'s, kept for the next call (the oldest entry makes room). */
  getOrTrain(key: string, train: () => Promise<Model>): Promise<Model> {
    const cached = this.entries.get(key);
    if (cached) {
      // Map order is insertion order: re-inserting marks the entry as the most recently used.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const trained = train();
    this.entries.set(key, trained);
    trained.catch(() => {
      if (this.entries.get(key) === trained) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return trained;
  }

  /** Number of models held. */
  get size(): number {
    return this.entries.size;
  }
}
