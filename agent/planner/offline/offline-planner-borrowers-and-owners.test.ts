// Borrowers and the owners of related rows: a term or value at the head names the rows listed (有贷款的高价值客户 lists
// customers, not loans); loans held now with nothing said of them are the borrower term (DOMAIN.md: a customer with
// an active loan), loans ever had are any loan; a term naming customers (borrowers, 借款人) is the subject of related
// rows, and so are the rows a Chinese question asks "which" of (哪些客户申请过房贷); runs of stop words however the
// segmenter cuts them (一共有), number words compared (more than one), and a schedule date of related rows said with a
// period (下周要还款的客户).
import type { Database } from "sql.js";
import { afterAll, beforeAll, describe, it } from "vitest";
import { openTestDataset } from "../../compiler/__fixtures__/test-dataset.ts";
import { expectPlannedRows } from "./__fixtures__/planned-rows.ts";
import { compare, expectPlan, plan, term, values } from "./__fixtures__/planner-fixture.ts";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";

const related = (entity: string, filters: unknown[]) => ({ kind: "related", entity, exists: true, filters });
const customers = (...filters: unknown[]): ExpectedPlan => ({ kind: "list", entity: "customers", filters, time: null });
const counted = (...filters: unknown[]): ExpectedPlan => ({ kind: "aggregate", metrics: ["customer_count"], filters, time: null });
const NEXT_WEEK = { start: "2026-07-01", end: "2026-07-07", dateAttribute: "next_due_date" };
const overdueAuto = related("loans", [values("product_category", "auto"), term("overdue")]);
const overdueMortgage = related("loans", [values("product_category", "mortgage"), term("overdue")]);

const CASES: [string, ExpectedPlan][] = [
  // A term or value at the head names the owner; the related rows are what it has.
  ["有贷款的高价值客户", customers(term("high_value"), term("borrower"))],
  ["high-value customers with a loan", customers(term("high_value"), term("borrower"))],
  ["young customers who have a loan", customers(term("young"), term("borrower"))],
  ["which students have a loan", customers(values("occupation", "student"), term("borrower"))],
  ["有预警的高价值客户", customers(term("high_value"), related("risk_alerts", []))],
  ["有过贷款的高价值客户", customers(term("high_value"), related("loans", []))],
  ["high-value customers who have had a loan", customers(term("high_value"), related("loans", []))],
  // Loans held now, nothing said of them: borrowers; had once: any loan.
  ["customers who have a loan", customers(term("borrower"))],
  ["customers with a loan", customers(term("borrower"))],
  ["customers who have had a loan", customers(related("loans", []))],
  // Borrowers (a term naming customers) as the subject of related rows.
  ["borrowers with an overdue mortgage", customers(term("borrower"), overdueMortgage)],
  ["借款人里有逾期房贷的有哪些", customers(term("borrower"), overdueMortgage)],
  ["which borrowers have an auto loan", customers(term("borrower"), related("loans", [values("product_category", "auto")]))],
  ["how many borrowers have an overdue auto loan", counted(term("borrower"), overdueAuto)],
  // Holding is having.
  ["customers who hold a mortgage", customers(related("loans", [values("product_category", "mortgage")]))],
  ["哪些客户持有不良贷款", customers(term("npl"))],
  ["which customers hold an NPL", customers(term("npl"))],
  // Stop words however cut; list verbs (拉一份, 给我一份).
  ["客户一共有几个", counted()],
  ["借款客户一共有多少个", counted(term("borrower"))],
  ["逾期客户名单给我拉一份", customers(term("overdue"))],
  ["给我一份高价值客户的名单", customers(term("high_value"))],
  // "哪些客户 …": the rows asked "which" of are the subject; a value only the related rows carry (an application's
  // product) is said of them; 申请过 (the related rows' name said as a verb done) is having them.
  ["哪些客户申请过房贷", customers(related("applications", [values("product_category", "mortgage")]))],
  ["哪些客户有被拒的申请", customers(related("applications", [values("decision", "rejected")]))],
  ["哪些客户有预警", customers(related("risk_alerts", []))],
  ["哪些客户今年申请过车贷但被拒了", customers({ ...related("applications", [values("decision", "rejected"), values("product_category", "auto")]), time: { start: "2026-01-01", end: "2026-06-30" } })],
  ["customers with a rejected mortgage application", customers(related("applications", [values("decision", "rejected"), values("product_category", "mortgage")]))],
  ["有被拒的车贷申请的客户", customers(related("applications", [values("decision", "rejected"), values("product_category", "auto")]))],
  // Alert type names said with 资金 / cash.
  ["上个月有大额资金流出预警的客户有多少", counted({ ...related("risk_alerts", [values("alert_type", "large_outflow")]), time: { start: "2026-05-01", end: "2026-05-31" } })],
  ["customers with a large cash outflow alert this quarter", customers({ ...related("risk_alerts", [values("alert_type", "large_outflow")]), time: { start: "2026-04-01", end: "2026-06-30" } })],
  // "against" right after the related rows' words is what the action was taken on, not a comparison.
  ["customers we took legal action against last month", customers({ ...related("collection_actions", [values("action_type", "legal")]), time: { start: "2026-05-01", end: "2026-05-31" } })],
  ["how many customers did we take legal action against this year", counted({ ...related("collection_actions", [values("action_type", "legal")]), time: { start: "2026-01-01", end: "2026-06-30" } })],
  // A total of related rows that is itself an attribute of the listed rows (a customer's outstanding balance).
  ["top 10 customers by total loan balance", { ...customers(), order: [["customer_outstanding_balance", "desc"]], limit: 10 }],
  ["贷款余额合计最高的5个客户", { ...customers(), order: [["customer_outstanding_balance", "desc"]], limit: 5 }],
  ["the 3 borrowers with the largest total outstanding balance", { ...customers(term("borrower")), order: [["customer_outstanding_balance", "desc"]], limit: 3 }],
  // A schedule date of the related rows with a period dates them by it (a loan's next due date).
  ["下周要还款的客户有多少", counted({ ...related("loans", []), time: NEXT_WEEK })],
  ["未来3天要还款的高价值客户", customers(term("high_value"), { ...related("loans", []), time: { ...NEXT_WEEK, end: "2026-07-03" } })],
  ["customers with a payment due in the next 7 days", customers({ ...related("loans", []), time: NEXT_WEEK })],
  // A number compared with an attribute only the related rows have filters them.
  ["NPS评分低于7分的客户有多少", counted(related("satisfaction_surveys", [compare("nps_score", "lt", 7)]))],
  ["customers who gave an NPS score of 6 or below last quarter", customers({ ...related("satisfaction_surveys", [compare("nps_score", "lte", 6)]), time: { start: "2026-01-01", end: "2026-03-31" } })],
  // Number words compared.
  ["customers with more than two active loans", customers(compare("customer_active_loan_count", "gt", 2))],
  ["which borrowers have more than one active loan", customers(term("borrower"), compare("customer_active_loan_count", "gt", 1))],
  ["customers with exactly one active loan", customers(compare("customer_active_loan_count", "eq", 1))],
  ["how many customers have at least one alert", counted(related("risk_alerts", []))],
];

/** Readings run on the generated dataset against hand-written SQL: question, plan, key column, reference. */
const EXECUTED: [string, ExpectedPlan, string, string][] = [
  [
    "下周要还款的客户名单",
    customers({ ...related("loans", []), time: NEXT_WEEK }),
    "customer_id",
    "SELECT DISTINCT l.customer_id FROM repayments r JOIN loans l ON l.loan_id = r.loan_id WHERE r.status = 'scheduled' AND r.due_date BETWEEN '2026-07-01' AND '2026-07-07'",
  ],
  [
    "哪些客户申请过消费贷但被拒了",
    customers(related("applications", [values("decision", "rejected"), values("product_category", "consumer")])),
    "customer_id",
    "SELECT DISTINCT a.customer_id FROM applications a JOIN products p ON p.product_id = a.product_id WHERE p.category = 'consumer' AND a.decision = 'rejected'",
  ],
  [
    "上个季度NPS评分低于7分的客户",
    customers({ ...related("satisfaction_surveys", [compare("nps_score", "lt", 7)]), time: { start: "2026-01-01", end: "2026-03-31" } }),
    "customer_id",
    "SELECT DISTINCT customer_id FROM satisfaction_surveys WHERE nps_score < 7 AND survey_date BETWEEN '2026-01-01' AND '2026-03-31'",
  ],
  [
    "high-value customers who have a loan",
    customers(term("high_value"), term("borrower")),
    "customer_id",
    "SELECT customer_id FROM customers WHERE value_tier = 'high' AND customer_id IN (SELECT customer_id FROM loans WHERE status = 'active')",
  ],
];

let database: Database;
beforeAll(async () => {
  database = (await openTestDataset()).database;
});
afterAll(() => database?.close());

describe("borrowers and the owners of related rows", () => {
  it.each(EXECUTED)("runs %s", (question, expected, key, reference) => {
    expectPlannedRows(database, question, expected, key, reference);
  });

  it.each(CASES)("%s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });

  // A complement is content however the segmenter cuts the run it is in.
  // (A number said of the related rows themselves: which column, or how many?)
  it.each(["其他客户一共有几个", "其他借款人一共有多少", "上个月要还款的客户", "customers with an application of more than 500k", "customers with a loan over 1m"])("declines %s", (question) => {
    const outcome = plan(question);
    if (outcome.status === "plan") throw new Error(`${question}: ${JSON.stringify(outcome.plan.query)}`);
  });
});
