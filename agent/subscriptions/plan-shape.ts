/** The shape of a plan: everything but its dates, so a re-planned question can be checked against the saved plan. */
import type { QueryPlan } from "../plan/query-plan.ts";

const DATE_OR_MONTH = /^\d{4}-\d{2}(-\d{2})?$/;

/** Dates and months replaced by a placeholder, keys sorted: two plans of the same shape give the same text. */
export function planShape(plan: QueryPlan): string {
  return JSON.stringify(withoutDates(plan));
}

function withoutDates(value: unknown): unknown {
  if (typeof value === "string") return DATE_OR_MONTH.test(value) ? "<date>" : value;
  if (Array.isArray(value)) return value.map(withoutDates);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, entry]) => entry !== undefined)
        .sort(([left], [right]) => left.localeCompare(right))
        .map(([key, entry]) => [key, withoutDates(entry)]),
    );
  }
  return value;
}

/** True when the plans differ at most in their dates (time range, comparison period, reference month). */
export function sameShape(saved: QueryPlan, replanned: QueryPlan): boolean {
  return planShape(saved) === planShape(replanned);
}
