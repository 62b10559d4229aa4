/**
 * Memory of the guard's verdicts: guarding is a pure function of the statement text and the policy, so an accepted
 * statement is not parsed and analysed again (questions asked in two languages, or again, compile to the same text).
 */
import type { GuardPolicy } from "./guard-policy.ts";
import type { GuardedStatement } from "./guard-sql.ts";

/** Accepted statements kept per policy; the oldest is forgotten first. */
export const GUARD_CACHE_ENTRIES = 1000;

/** A caller's own copy, so that changing it never reaches the next caller. */
function copyOf(guarded: GuardedStatement): GuardedStatement {
  return {
    ...guarded,
    columns: guarded.columns.map((column) => ({ ...column })),
    masked: { ...guarded.masked },
    tables: [...guarded.tables],
    limit: { ...guarded.limit },
  };
}

/** Verdicts keyed by policy (by identity, plus the limits a caller might change in place) and statement text. */
export class GuardCache {
  private readonly byPolicy = new WeakMap<GuardPolicy, Map<string, GuardedStatement>>();

  constructor(private readonly maxEntries = GUARD_CACHE_ENTRIES) {}

  private static keyOf(sql: string, policy: GuardPolicy): string {
    return `${policy.dialect}\u0000${policy.maxRows}\u0000${policy.maxCost}\u0000${sql}`;
  }

  /** A copy of the accepted statement, or undefined when this text was not accepted under this policy before. */
  get(sql: string, policy: GuardPolicy): GuardedStatement | undefined {
    const entries = this.byPolicy.get(policy);
    const key = GuardCache.keyOf(sql, policy);
    const found = entries?.get(key);
    if (!entries || !found) return undefined;
    // Re-inserting keeps the Map in least-recently-used order.
    entries.delete(key);
    entries.set(key, found);
    return copyOf(found);
  }

  /** Keeps an accepted statement (refusals are not kept: they are rare and cheap to repeat). */
  set(sql: string, policy: GuardPolicy, guarded: GuardedStatement): void {
    if (this.maxEntries <= 0) return;
    let entries = this.byPolicy.get(policy);
    if (!entries) {
      entries = new Map();
      this.byPolicy.set(policy, entries);
    }
    entries.set(GuardCache.keyOf(sql, policy), copyOf(guarded));
    while (entries.size > this.maxEntries) entries.delete(entries.keys().next().value as string);
  }
}
