/** The SQL subquery of the customers a borrower-level tool looks at: filtered customers with an active loan. */
import { customerConditions } from "./scoring-query.ts";
import type { CustomerFilter } from "./scoring-query.ts";

/** `SELECT c.customer_id ...` of borrowers (DOMAIN.md: at least one loan with status 'active') matching the filter. */
export function borrowerSubquery(filter: CustomerFilter): { sql: string; params: unknown[] } {
  const conditions = customerConditions(filter);
  return {
    sql: `SELECT c.customer_id FROM customers c WHERE ${conditions.sql}
      AND EXISTS (SELECT 1 FROM loans b WHERE b.customer_id = c.customer_id AND b.status = 'active')`,
    params: conditions.params,
  };
}
