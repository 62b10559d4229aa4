// Tests of the whole generator: determinism, dates that move with the as-of date, and cross-table consistency.
import { createHash } from "node:crypto";
import type { Database } from "sql.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TABLES } from "../tables.ts";
import { DatasetOptionsError } from "./dataset-options.ts";
import { generateDataset } from "./generate-dataset.ts";

/** A digest of a table's whole contents in primary-key order. */
function tableDigest(database: Database, table: string): string {
  const definition = TABLES.find((entry) => entry.name === table);
  const result = database.exec(`SELECT * FROM ${table} ORDER BY ${definition?.primaryKey.join(", ")}`)[0];
  return createHash("sha256").update(JSON.stringify(result?.values ?? [])).digest("hex");
}

function digests(database: Database): Record<string, string> {
  return Object.fromEntries(TABLES.map((table) => [table.name, tableDigest(database, table.name)]));
}

function keyed(database: Database, sql: string): Map<string, unknown[]> {
  const rows = database.exec(sql)[0]?.values ?? [];
  return new Map(rows.map((row) => [String(row[0]), row.slice(1)]));
}

const dayNumber = (text: unknown): number => Date.parse(`${String(text).slice(0, 10)}T00:00:00Z`) / 86_400_000;

describe("generateDataset", () => {
  const databases: Database[] = [];
  let base: Database;
  let again: Database;
  let otherSeed: Database;
  let otherAsOf: Database;

  beforeAll(async () => {
    base = await generateDataset({ seed: 7, scale: 0.05 });
    again = await generateDataset({ seed: 7, scale: 0.05, asOf: "2026-06-30" });
    otherSeed = await generateDataset({ seed: 8, scale: 0.05 });
    otherAsOf = await generateDataset({ seed: 7, scale: 0.05, asOf: "2025-12-31" });
    databases.push(base, again, otherSeed, otherAsOf);
  });
  afterAll(() => databases.forEach((database) => database.close()));

  it("gives identical table contents for the same seed, scale and as-of date", () => {
    expect(digests(again)).toEqual(digests(base));
  });

  it("gives other contents for another seed, in every table that depends on it", () => {
    const left = digests(base);
    const right = digests(otherSeed);
    const same = TABLES.map((table) => table.name).filter((name) => left[name] === right[name]);
    // Branches and products are fixed lists; everything else varies with the seed.
    expect(same.sort()).toEqual(["branches", "products"]);
  });

  it("moves every date with the as-of date", () => {
    const shift = dayNumber("2025-12-31") - dayNumber("2026-06-30");
    const meta = Object.fromEntries(otherAsOf.exec("SELECT key, value FROM meta")[0].values);
    expect(meta).toMatchObject({ as_of_date: "2025-12-31", seed: "7", scale: "0.05", schema_version: "1" });

    const customersBefore = keyed(base, "SELECT customer_id, birth_date, onboard_date FROM customers");
    const customersAfter = keyed(otherAsOf, "SELECT customer_id, birth_date, onboard_date FROM customers");
    expect(customersAfter.size).toBe(customersBefore.size);
    for (const [id, [birth, onboard]] of customersBefore) {
      const [birthAfter, onboardAfter] = customersAfter.get(id) as unknown[];
      expect(dayNumber(birthAfter) - dayNumber(birth)).toBe(shift);
      expect(dayNumber(onboardAfter) - dayNumber(onboard)).toBe(shift);
    }
    const campaignsBefore = keyed(base, "SELECT campaign_id, start_date, end_date FROM campaigns");
    for (const [id, [start, end]] of keyed(otherAsOf, "SELECT campaign_id, start_date, end_date FROM campaigns")) {
      const [startBefore, endBefore] = campaignsBefore.get(id) as unknown[];
      expect([dayNumber(start) - dayNumber(startBefore), dayNumber(end) - dayNumber(endBefore)]).toEqual([shift, shift]);
    }
    // Applications and loans shift too; a few near the as-of month differ because the calendar does.
    const shiftedShare = (sql: string): number => {
      const before = keyed(base, sql);
      const after = keyed(otherAsOf, sql);
      const shifted = [...before].filter(([id, [value]]) => after.has(id) && dayNumber((after.get(id) as unknown[])[0]) - dayNumber(value) === shift);
      return shifted.length / before.size;
    };
    expect(shiftedShare("SELECT application_id, applied_at FROM applications")).toBeGreaterThan(0.97);
    expect(shiftedShare("SELECT application_id, disbursed_date FROM loans")).toBeGreaterThan(0.95);
    const months = otherAsOf.exec("SELECT MIN(month), MAX(month), COUNT(DISTINCT month) FROM customer_monthly")[0].values[0];
    expect(months).toEqual(["2024-01", "2025-12", 24]);
    expect(otherAsOf.exec("SELECT MAX(month) FROM risk_scores")[0].values[0][0]).toBe("2025-12");
  });

  // Each query counts rows that break a rule; every count must be 0.
  const AS_OF = "(SELECT value FROM meta WHERE key = 'as_of_date')";
  it.each([
    ["no dated fact lies after the as-of date", `SELECT (SELECT COUNT(*) FROM applications WHERE applied_at > ${AS_OF} || ' 23:59:59' OR decided_at > ${AS_OF} || ' 23:59:59')
      + (SELECT COUNT(*) FROM loans WHERE disbursed_date > ${AS_OF} OR closed_date > ${AS_OF}) + (SELECT COUNT(*) FROM repayments WHERE paid_date > ${AS_OF})
      + (SELECT COUNT(*) FROM campaign_touches WHERE touched_date > ${AS_OF}) + (SELECT COUNT(*) FROM risk_alerts WHERE created_date > ${AS_OF} OR resolved_date > ${AS_OF})
      + (SELECT COUNT(*) FROM collection_actions WHERE action_date > ${AS_OF}) + (SELECT COUNT(*) FROM satisfaction_surveys WHERE survey_date > ${AS_OF})
      + (SELECT COUNT(*) FROM customers WHERE onboard_date > ${AS_OF} OR churn_date > ${AS_OF} OR churn_date < onboard_date)`],
    ["current_dpd is the lateness of the oldest missed installment", `SELECT COUNT(*) FROM loans l
      WHERE current_dpd <> COALESCE((SELECT MAX(days_late) FROM repayments r WHERE r.loan_id = l.loan_id AND r.status = 'missed'), 0)`],
    ["days_late follows the status", `SELECT COUNT(*) FROM repayments WHERE
      (status = 'missed' AND (days_late <> julianday(${AS_OF}) - julianday(due_date) OR paid_date IS NOT NULL OR paid_amount <> 0))
      OR (status = 'paid_late' AND (days_late <> julianday(paid_date) - julianday(due_date) OR days_late <= 0 OR paid_amount <> due_amount))
      OR (status IN ('paid_on_time', 'scheduled') AND days_late <> 0) OR (status = 'partial' AND NOT (paid_amount > 0 AND paid_amount < due_amount))
      OR (status = 'scheduled' AND (paid_date IS NOT NULL OR paid_amount <> 0))`],
    ["installments are numbered from 1 without gaps", `SELECT COUNT(*) FROM (SELECT loan_id, MIN(installment_no) AS first, MAX(installment_no) AS last, COUNT(*) AS n FROM repayments GROUP BY loan_id)
      WHERE first <> 1 OR last <> n`],
    ["active loans with installments left have scheduled ones for the next 60 days", `SELECT COUNT(*) FROM loans l WHERE status = 'active' AND maturity_date > ${AS_OF}
      AND COALESCE((SELECT MAX(due_date) FROM repayments r WHERE r.loan_id = l.loan_id AND r.status = 'scheduled'), '') < MIN(maturity_date, date(${AS_OF}, '+60 day'))`],
    ["closed loans have no missed installment and no balance", `SELECT COUNT(*) FROM loans l WHERE status = 'closed'
      AND (outstanding_balance <> 0 OR current_dpd <> 0 OR EXISTS (SELECT 1 FROM repayments r WHERE r.loan_id = l.loan_id AND r.status IN ('missed', 'scheduled')))`],
    ["decisions carry exactly their fields", `SELECT COUNT(*) FROM applications WHERE
      (decision = 'approved') <> (approved_amount IS NOT NULL) OR (decision = 'rejected') <> (reject_reason IS NOT NULL)
      OR (decision IN ('approved', 'rejected')) <> (decided_at IS NOT NULL) OR decided_at < applied_at
      OR application_score NOT BETWEEN 300 AND 900`],
    ["loans follow their approved application", `SELECT COUNT(*) FROM loans l JOIN applications a USING (application_id)
      WHERE a.decision <> 'approved' OR l.principal <> a.approved_amount OR l.customer_id <> a.customer_id OR l.product_id <> a.product_id
      OR l.channel <> a.channel OR l.disbursed_date < substr(a.decided_at, 1, 10)`],
    ["touches convert only through clicks, into the campaign's application", `SELECT COUNT(*) FROM campaign_touches t LEFT JOIN applications a USING (application_id)
      WHERE clicked > opened OR applied > clicked OR (applied = 1) <> (t.application_id IS NOT NULL)
      OR (t.application_id IS NOT NULL AND (a.campaign_id <> t.campaign_id OR a.customer_id <> t.customer_id OR a.applied_at < t.touched_date))`],
    ["churned customers have a churn date and no active loan", `SELECT COUNT(*) FROM customers c WHERE (status = 'churned') <> (churn_date IS NOT NULL)
      OR (status = 'churned' AND EXISTS (SELECT 1 FROM loans l WHERE l.customer_id = c.customer_id AND l.status = 'active'))`],
    ["risk scores exist exactly for the months with an active loan", `WITH months AS (SELECT DISTINCT month FROM customer_monthly),
      expected AS (SELECT DISTINCT l.customer_id, m.month FROM loans l JOIN months m
        ON l.disbursed_date <= MIN(date(m.month || '-01', '+1 month', '-1 day'), ${AS_OF}) AND (l.closed_date IS NULL OR l.closed_date >= m.month || '-01'))
      SELECT (SELECT COUNT(*) FROM (SELECT * FROM expected EXCEPT SELECT customer_id, month FROM risk_scores))
           + (SELECT COUNT(*) FROM (SELECT customer_id, month FROM risk_scores EXCEPT SELECT * FROM expected))`],
    ["alerts are resolved after they are raised, and only resolved ones have a date", `SELECT COUNT(*) FROM risk_alerts
      WHERE (status = 'resolved') <> (resolved_date IS NOT NULL) OR resolved_date < created_date`],
    ["collection follows lateness of the same loan", `SELECT COUNT(*) FROM collection_actions a JOIN loans l USING (loan_id)
      WHERE l.customer_id <> a.customer_id OR NOT EXISTS (SELECT 1 FROM repayments r WHERE r.loan_id = a.loan_id AND r.status IN ('missed', 'paid_late') AND r.due_date < a.action_date)`],
    ["surveys score 0 to 10", "SELECT COUNT(*) FROM satisfaction_surveys WHERE nps_score NOT BETWEEN 0 AND 10"],
  ])("%s", (_rule, sql) => {
    for (const database of [base, otherAsOf]) expect(database.exec(sql)[0].values[0][0]).toBe(0);
  });

  it.each([
    [{ scale: 0 }, /scale/],
    [{ scale: 6 }, /scale/],
    [{ seed: -1 }, /seed/],
    [{ seed: 1.5 }, /seed/],
    [{ asOf: "2026-02-30" }, /as-of date/],
    [{ asOf: "30/06/2026" }, /as-of date/],
  ])("rejects bad options %j", async (options, message) => {
    const failure = generateDataset(options);
    await expect(failure).rejects.toBeInstanceOf(DatasetOptionsError);
    await expect(failure).rejects.toThrow(message);
  });
});
