/** The goals of issue 10 on this 2-core machine, and how a figure is checked against its goal. */

/** Generator at scale 1: at most this many seconds and this much peak memory (MiB). */
export const GENERATOR_SECONDS_GOAL = 20;
export const GENERATOR_MEMORY_GOAL_MB = 1536;
/** p95 per question, milliseconds: scale 1 (and smaller) and scale 5 (and larger, up to 5). */
export const P95_GOAL_SCALE_1_MS = 100;
export const P95_GOAL_SCALE_5_MS = 500;
/** Median of (our end-to-end time / native SQLite time of the same statements). */
export const NATIVE_RATIO_GOAL = 2;
/** Server at scale 1 with 32 clients: answers per second, and resident memory (MiB) at every level. */
export const LOAD_CLIENTS_FOR_GOAL = 32;
export const ANSWERS_PER_SECOND_GOAL = 100;
export const SERVER_MEMORY_GOAL_MB = 1024;
/** Start-up to the first answer with an existing dataset, seconds. */
export const STARTUP_SECONDS_GOAL = 5;

/** Whether a figure met its goal; "none" when no goal applies (e.g. the generator at scale 5). */
export type Verdict = "met" | "missed" | "none";

/** One line of the summary: a figure next to its goal. */
export interface GoalLine {
  section: string;
  figure: string;
  value: string;
  goal: string;
  verdict: Verdict;
}

/** The p95 goal of a dataset scale: the scale-1 goal up to scale 1, the scale-5 goal above it. */
export function p95GoalMs(scale: number): number {
  return scale <= 1 ? P95_GOAL_SCALE_1_MS : P95_GOAL_SCALE_5_MS;
}

/** "met" when value ≤ limit (or ≥ for `atLeast`), "missed" otherwise, also for NaN. */
export function check(value: number, limit: number, direction: "atMost" | "below" | "atLeast" = "atMost"): Verdict {
  if (Number.isNaN(value)) return "missed";
  if (direction === "atLeast") return value >= limit ? "met" : "missed";
  if (direction === "below") return value < limit ? "met" : "missed";
  return value <= limit ? "met" : "missed";
}
