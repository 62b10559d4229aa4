/** Which customers marketing must never reach: a current overdue loan, or risk grade E in the as-of month. */
import type { Engine } from "../engines/engine.ts";
import type { IneligibleForMarketing } from "./action-recommender.ts";

/** Builds the eligibility check over an engine, for the as-of month 'YYYY-MM'. */
export function ineligibleForMarketing(engine: Engine, asOfMonth: string): IneligibleForMarketing {
  return async (customerIds) => {
    const excluded = new Set<string>();
    const placeholder = (index: number) => (engine.dialect === "postgres" ? `$${index}` : "?");
    // In chunks, so that a long list never exceeds the engines' parameter limits.
    for (let start = 0; start < customerIds.length; start += 500) {
      const chunk = customerIds.slice(start, start + 500);
      const list = chunk.map((_, index) => placeholder(index + 2)).join(", ");
      const sql =
        `SELECT customer_id FROM loans WHERE status = 'active' AND current_dpd > 0 AND customer_id IN (${list}) ` +
        `UNION SELECT customer_id FROM risk_scores WHERE month = ${placeholder(1)} AND risk_grade = 'E' AND customer_id IN (${list})`;
      const params = engine.dialect === "postgres" ? [asOfMonth, ...chunk] : [...chunk, asOfMonth, ...chunk];
      const result = await engine.query(sql, params);
      for (const row of result.rows) excluded.add(String(row[0]));
    }
    return excluded;
  };
}
