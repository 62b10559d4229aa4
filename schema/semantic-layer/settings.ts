/** Tunable thresholds of the semantic layer, referenced from SQL as {{setting.NAME}}. */
import type { Settings } from "./types.ts";

export const SETTINGS: Settings = {
  /** Rising repayment risk: pd(M) - pd(M-1) at least this much (DOMAIN.md). */
  rising_risk_threshold: 0.02,
  /** Young customers are younger than this many whole years. */
  young_age: 30,
  /** "Due soon" looks this many days ahead of the as-of date. */
  due_soon_days: 7,
};
