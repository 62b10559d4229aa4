/**
 * A small seeded dataset for compiler tests (a few hundred customers, every enumeration value present), used
 * when the project's generator is not available. Money has two decimals, like NUMERIC(14,2) on PostgreSQL.
 */
import initSqlJs from "sql.js";
import type { Database, SqlValue } from "sql.js";
import { schemaSql } from "../../../schema/ddl.ts";
import { ENUMS, TABLES } from "../../../schema/tables.ts";

export const FIXTURE_AS_OF_DATE = "2026-06-30";

/** Mulberry32: a tiny deterministic random source. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    integer: (low: number, high: number) => low + Math.floor(next() * (high - low + 1)),
    pick: <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)],
    chance: (probability: number) => next() < probability,
    money: (low: number, high: number) => Math.round((low + next() * (high - low)) * 100) / 100,
  };
}

const pad = (value: number, width: number) => String(value).padStart(width, "0");
const dayNumber = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
const dateOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const MONTHS = Array.from({ length: 24 }, (_, index) => {
  const total = 2026 * 12 + 5 - 23 + index;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1, 2)}`;
});

/** Rows per table in the column order of schema/tables.ts. */
export function compilerFixtureRows(seed = 11, customerCount = 400): Record<string, SqlValue[][]> {
  const random = randomSource(seed);
  const asOf = dayNumber(FIXTURE_AS_OF_DATE);
  const dateBetween = (from: string, to: string) => dateOf(random.integer(dayNumber(from), dayNumber(to)));
  const rows: Record<string, SqlValue[][]> = Object.fromEntries(TABLES.map((table) => [table.name, []]));
  rows.meta.push(["as_of_date", FIXTURE_AS_OF_DATE], ["seed", String(seed)], ["scale", "0"], ["schema_version", "1"]);

  const branches = ENUMS.city.flatMap((city, cityIndex) =>
    [1, 2].map((number) => ({ id: `BR${pad(cityIndex * 2 + number, 2)}`, city, region: ENUMS.region[cityIndex % ENUMS.region.length] })),
  );
  for (const branch of branches) rows.branches.push([branch.id, `${branch.city}第${branch.id}支行`, `${branch.city} ${branch.id}`, branch.city, branch.region]);

  const products = ENUMS.productCategory.map((category, index) => ({ id: `P${pad(index + 1, 2)}`, category, secured: category === "mortgage" || category === "auto" ? 1 : 0 }));
  for (const product of products) rows.products.push([product.id, `产品${product.id}`, `Product ${product.id}`, product.category, product.secured, 0.03 + random.next() / 20, 1000, 5_000_000, 360]);

  const campaigns = Array.from({ length: 8 }, (_, index) => ({ id: `CP${pad(index + 1, 3)}`, channel: ENUMS.campaignChannel[index % ENUMS.campaignChannel.length] }));
  for (const campaign of campaigns) {
    const start = dateBetween("2025-01-01", "2026-06-20");
    rows.campaigns.push([campaign.id, `活动${campaign.id}`, campaign.channel, random.pick(products).id, start, dateOf(dayNumber(start) + random.integer(10, 120)), random.money(10_000, 200_000), random.pick(ENUMS.targetTier)]);
  }

  const customers: { id: string; onboard: string }[] = [];
  for (let index = 1; index <= customerCount; index++) {
    const id = `C${pad(index, 6)}`;
    const branch = random.pick(branches);
    const onboard = dateBetween("2019-01-01", "2026-06-30");
    const churned = random.chance(0.12);
    const churnDate = churned ? dateOf(Math.min(asOf, dayNumber(onboard) + random.integer(20, 900))) : null;
    const birth = dateBetween("1950-01-01", "2005-12-31");
    rows.customers.push([
      id, `客户${index}`, `31010119900101${pad(index, 4)}`, `138${pad(index, 8)}`, random.pick(ENUMS.gender), birth, branch.city, branch.id,
      random.pick(ENUMS.occupation), random.money(20_000, 900_000), random.pick(ENUMS.acquisitionChannel), onboard,
      churned ? "churned" : "active", churnDate, random.pick(ENUMS.valueTier),
    ]);
    customers.push({ id, onboard });
    for (const month of MONTHS.slice(-6))
      rows.customer_monthly.push([id, month, random.money(0, 800_000), random.money(0, 50_000), random.money(0, 50_000), random.integer(0, 80), random.integer(0, 40), random.next(), random.integer(0, 5)]);
  }

  let touchId = 0;
  let repaymentId = 0;
  let applicationNumber = 0;
  for (const customer of customers) {
    for (let count = random.integer(0, 3); count > 0; count--) {
      applicationNumber += 1;
      const applicationId = `A${pad(applicationNumber, 7)}`;
      const product = random.pick(products);
      const appliedDay = dateBetween("2024-07-01", "2026-06-30");
      const appliedAt = `${appliedDay} ${pad(random.integer(0, 23), 2)}:${pad(random.integer(0, 59), 2)}:${pad(random.integer(0, 59), 2)}`;
      const decision = random.pick(ENUMS.decision);
      const decided = decision === "pending" ? null : `${dateOf(dayNumber(appliedDay) + random.integer(0, 3))} ${pad(random.integer(0, 23), 2)}:${pad(random.integer(0, 59), 2)}:00`;
      const campaign = random.chance(0.3) ? random.pick(campaigns).id : null;
      const amount = random.money(5_000, 2_000_000);
      rows.applications.push([
        applicationId, customer.id, product.id, random.pick(ENUMS.acquisitionChannel), campaign, appliedAt, amount, random.pick([12, 24, 36, 360]),
        random.integer(300, 900), decision, decided, decision === "approved" ? amount : null, decision === "rejected" ? random.pick(ENUMS.rejectReason) : null,
      ]);
      if (campaign) {
        touchId += 1;
        rows.campaign_touches.push([touchId, campaign, customer.id, random.pick(ENUMS.campaignChannel), appliedDay, 1, 1, 1, applicationId]);
      }
      if (decision !== "approved") continue;
      const loanId = `L${applicationId.slice(1)}`;
      const status = random.pick(["active", "active", "active", "closed", "charged_off"] as const);
      const dpd = status === "active" && random.chance(0.3) ? random.pick([5, 25, 45, 75, 120, 300, 400]) : 0;
      const riskClass = dpd === 0 ? (random.chance(0.1) ? "special_mention" : "normal") : dpd <= 90 ? "special_mention" : dpd <= 270 ? "substandard" : dpd <= 360 ? "doubtful" : "loss";
      const disbursed = dateOf(Math.min(asOf, dayNumber(appliedDay) + random.integer(1, 10)));
      rows.loans.push([
        loanId, applicationId, customer.id, product.id, random.pick(branches).id, random.pick(ENUMS.acquisitionChannel), amount, 0.04, 24, disbursed,
        dateOf(dayNumber(disbursed) + 730), status, status === "closed" ? dateBetween(disbursed, FIXTURE_AS_OF_DATE) : null,
        status === "active" ? random.money(1_000, amount) : 0, dpd, riskClass,
      ]);
      for (let installment = 1; installment <= 6; installment++) {
        repaymentId += 1;
        const due = dateOf(dayNumber(disbursed) + installment * 30);
        const scheduled = due > FIXTURE_AS_OF_DATE;
        const repaymentStatus = scheduled ? "scheduled" : random.pick(["paid_on_time", "paid_on_time", "paid_late", "partial", "missed"] as const);
        const dueAmount = random.money(500, 20_000);
        const paid = repaymentStatus === "scheduled" || repaymentStatus === "missed" ? null : dateOf(dayNumber(due) + (repaymentStatus === "paid_on_time" ? 0 : random.integer(1, 40)));
        rows.repayments.push([
          repaymentId, loanId, installment, due, dueAmount, paid, repaymentStatus === "scheduled" || repaymentStatus === "missed" ? 0 : repaymentStatus === "partial" ? Math.round(dueAmount * 50) / 100 : dueAmount,
          repaymentStatus, repaymentStatus === "missed" ? asOf - dayNumber(due) : paid ? dayNumber(paid) - dayNumber(due) : 0,
        ]);
      }
      for (const month of MONTHS.slice(-6)) {
        if (rows.risk_scores.some((row) => row[0] === customer.id && row[1] === month)) continue;
        const pd = Math.round(random.next() * random.next() * 0.4 * 10_000) / 10_000;
        rows.risk_scores.push([customer.id, month, pd, random.integer(300, 900), pd < 0.01 ? "A" : pd < 0.03 ? "B" : pd < 0.08 ? "C" : pd < 0.2 ? "D" : "E"]);
      }
      if (dpd > 0) rows.collection_actions.push([rows.collection_actions.length + 1, loanId, customer.id, random.pick(ENUMS.actionType), dateBetween(disbursed, FIXTURE_AS_OF_DATE), random.pick(ENUMS.outcome)]);
    }
    for (let count = random.integer(0, 4); count > 0; count--) {
      touchId += 1;
      const opened = random.chance(0.4) ? 1 : 0;
      const clicked = opened && random.chance(0.5) ? 1 : 0;
      rows.campaign_touches.push([touchId, random.pick(campaigns).id, customer.id, random.pick(ENUMS.campaignChannel), dateBetween("2025-01-01", "2026-06-30"), opened, clicked, 0, null]);
    }
    if (random.chance(0.3)) {
      const created = dateBetween("2025-06-01", "2026-06-30");
      const status = random.pick(ENUMS.alertStatus);
      rows.risk_alerts.push([rows.risk_alerts.length + 1, customer.id, null, random.pick(ENUMS.alertType), random.pick(ENUMS.severity), created, status, status === "resolved" ? created : null]);
    }
    if (random.chance(0.4))
      rows.satisfaction_surveys.push([rows.satisfaction_surveys.length + 1, customer.id, dateBetween("2025-01-01", "2026-06-30"), random.pick(ENUMS.acquisitionChannel), random.integer(0, 10)]);
  }
  return rows;
}

/** The fixture as an in-memory sql.js database with the contract schema. */
export async function compilerFixtureDatabase(seed = 11, customerCount = 400): Promise<Database> {
  const SQL = await initSqlJs();
  const database = new SQL.Database();
  for (const statement of schemaSql("sqlite")) database.run(statement);
  const rows = compilerFixtureRows(seed, customerCount);
  for (const table of TABLES) {
    const statement = database.prepare(`INSERT INTO ${table.name} VALUES (${table.columns.map(() => "?").join(", ")})`);
    for (const row of rows[table.name]) statement.run(row);
    statement.free();
  }
  return database;
}
