// Rows filtered by related rows: "本月有未还款的客户", "loans with a field visit this month", "customers without
// alerts" — planned as a "related" filter (EXISTS / NOT EXISTS), compiled and run against hand-written SQL on the
// generated dataset (as of 2026-06-30); the question's period dates the related rows, never the subject's own date;
// words that do not decide one related entity decline.
import type { Database } from "sql.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { semanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import { describeFilter } from "../../answer/filter-words.ts";
import { compilePlan } from "../../compiler/compile-plan.ts";
import { openTestDataset } from "../../compiler/__fixtures__/test-dataset.ts";
import type { Filter, ListQuery, QueryPlan } from "../../plan/query-plan.ts";
import type { ConversationTurn } from "../planner.ts";
import { DATASET_VALUES, expectPlan, plan, term, values } from "./__fixtures__/planner-fixture.ts";
import { expectPlannedRows } from "./__fixtures__/planned-rows.ts";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";

const JUNE = { start: "2026-06-01", end: "2026-06-30" };
const MAY = { start: "2026-05-01", end: "2026-05-31" };
const YEAR = { start: "2026-01-01", end: "2026-06-30" };

const related = (entity: string, filters: unknown[], time?: { start: string; end: string }, exists = true) => ({ kind: "related", entity, exists, filters, ...(time ? { time } : {}) });
const list = (entity: string, filter: unknown, ...more: unknown[]): ExpectedPlan => ({ kind: "list", entity, filters: [...more, filter], time: null });
const count = (metric: string, filter: unknown): ExpectedPlan => ({ kind: "aggregate", metrics: [metric], filters: [filter], time: null });

const missedInJune = related("repayments", [values("repayment_status", "missed")], JUNE);
const fieldVisitInJune = related("collection_actions", [values("action_type", "field_visit")], JUNE);
const fieldVisitInMay = related("collection_actions", [values("action_type", "field_visit")], MAY);
const restructureThisYear = related("collection_actions", [values("action_type", "restructure")], YEAR);
const openHighAlert = related("risk_alerts", [values("alert_status", "open"), values("severity", "high")]);

const customersWith = (from: string) => `SELECT DISTINCT l.customer_id FROM ${from}`;
const SQL = {
  missedInJune: customersWith("repayments r JOIN loans l ON l.loan_id = r.loan_id WHERE r.status = 'missed' AND r.due_date BETWEEN '2026-06-01' AND '2026-06-30'"),
  loansFieldVisitJune: "SELECT DISTINCT loan_id FROM collection_actions WHERE action_type = 'field_visit' AND action_date BETWEEN '2026-06-01' AND '2026-06-30'",
  customersFieldVisitMay: customersWith("collection_actions a JOIN loans l ON l.loan_id = a.loan_id WHERE a.action_type = 'field_visit' AND a.action_date BETWEEN '2026-05-01' AND '2026-05-31'"),
  restructureThisYear: customersWith("collection_actions a JOIN loans l ON l.loan_id = a.loan_id WHERE a.action_type = 'restructure' AND a.action_date BETWEEN '2026-01-01' AND '2026-06-30'"),
  openHighAlert: "SELECT DISTINCT customer_id FROM risk_alerts WHERE status = 'open' AND severity = 'high'",
  alertsInJune: "SELECT DISTINCT customer_id FROM risk_alerts WHERE created_date BETWEEN '2026-06-01' AND '2026-06-30'",
  touchedInMay: "SELECT DISTINCT customer_id FROM campaign_touches WHERE touched_date BETWEEN '2026-05-01' AND '2026-05-31'",
  noAlerts: "SELECT customer_id FROM customers WHERE customer_id NOT IN (SELECT customer_id FROM risk_alerts)",
  loansWithoutActions: "SELECT loan_id FROM loans WHERE loan_id NOT IN (SELECT loan_id FROM collection_actions)",
  partialInMay: "SELECT DISTINCT loan_id FROM repayments WHERE status = 'partial' AND due_date BETWEEN '2026-05-01' AND '2026-05-31'",
  legalThisYear: "SELECT DISTINCT loan_id FROM collection_actions WHERE action_type = 'legal' AND action_date BETWEEN '2026-01-01' AND '2026-06-30'",
  multiLending: "SELECT DISTINCT customer_id FROM risk_alerts WHERE alert_type = 'multi_lending'",
  touchedNotConverted: (start: string, end: string) =>
    `SELECT DISTINCT customer_id FROM campaign_touches WHERE touched_date BETWEEN '${start}' AND '${end}' ` +
    `EXCEPT SELECT customer_id FROM campaign_touches WHERE applied = 1 AND touched_date BETWEEN '${start}' AND '${end}'`,
};
const touchedNotConverted = (time: { start: string; end: string }): ExpectedPlan => ({
  kind: "list",
  entity: "customers",
  filters: [related("campaign_touches", [], time), related("campaign_touches", [term("converted_touch")], time, false)],
  time: null,
});
const countOf = (sql: string) => `SELECT COUNT(*) FROM (${sql})`;

/** Question, plan parts, the key column to compare (lists) or null (one number), hand-written SQL. */
const CASES: [string, ExpectedPlan, string | null, string][] = [
  // A repayment status: customers (through their loans) and loans, listed and counted.
  ["本月有还款违约(missed)的客户", list("customers", missedInJune), "customer_id", SQL.missedInJune],
  ["列出本月漏还的客户", list("customers", missedInJune), "customer_id", SQL.missedInJune],
  ["哪些客户本月有漏还", list("customers", missedInJune), "customer_id", SQL.missedInJune],
  ["本月有未还款的客户有多少", count("customer_count", missedInJune), null, countOf(SQL.missedInJune)],
  ["customers with a missed installment this month", list("customers", missedInJune), "customer_id", SQL.missedInJune],
  ["list customers with unpaid repayments this month", list("customers", missedInJune), "customer_id", SQL.missedInJune],
  ["how many customers had a missed repayment this month", count("customer_count", missedInJune), null, countOf(SQL.missedInJune)],
  ["上个月有部分还款的贷款", list("loans", related("repayments", [values("repayment_status", "partial")], MAY)), "loan_id", SQL.partialInMay],
  ["loans with a partial payment last month", list("loans", related("repayments", [values("repayment_status", "partial")], MAY)), "loan_id", SQL.partialInMay],

  // A collection action type.
  ["本月做过上门催收的贷款", list("loans", fieldVisitInJune), "loan_id", SQL.loansFieldVisitJune],
  ["哪些贷款本月被上门催收过", list("loans", fieldVisitInJune), "loan_id", SQL.loansFieldVisitJune],
  ["本月外访过的贷款有哪些", list("loans", fieldVisitInJune), "loan_id", SQL.loansFieldVisitJune],
  ["loans that had a field visit this month", list("loans", fieldVisitInJune), "loan_id", SQL.loansFieldVisitJune],
  ["which loans got a home visit this month", list("loans", fieldVisitInJune), "loan_id", SQL.loansFieldVisitJune],
  ["list loans with a field visit this month", list("loans", fieldVisitInJune), "loan_id", SQL.loansFieldVisitJune],
  ["上个月被上门催收过的客户有多少", count("customer_count", fieldVisitInMay), null, countOf(SQL.customersFieldVisitMay)],
  ["how many customers had a field visit last month", count("customer_count", fieldVisitInMay), null, countOf(SQL.customersFieldVisitMay)],
  ["customers that got a restructure action this year", list("customers", restructureThisYear), "customer_id", SQL.restructureThisYear],
  ["今年做过重组的客户", list("customers", restructureThisYear), "customer_id", SQL.restructureThisYear],
  ["今年有贷款重组的客户", list("customers", restructureThisYear), "customer_id", SQL.restructureThisYear],
  ["今年有贷款重组的客户数量", count("customer_count", restructureThisYear), null, countOf(SQL.restructureThisYear)],
  ["customers with a restructuring this year", list("customers", restructureThisYear), "customer_id", SQL.restructureThisYear],
  ["which customers had a restructure this year", list("customers", restructureThisYear), "customer_id", SQL.restructureThisYear],
  ["今年被法律诉讼的贷款有几笔", count("loan_count", related("collection_actions", [values("action_type", "legal")], YEAR)), null, countOf(SQL.legalThisYear)],
  ["how many loans had legal action this year", count("loan_count", related("collection_actions", [values("action_type", "legal")], YEAR)), null, countOf(SQL.legalThisYear)],

  // Alerts: values and terms of the alert together describe one alert; no period, no date filter.
  ["有未处理高风险预警的客户", list("customers", openHighAlert), "customer_id", SQL.openHighAlert],
  ["customers with open high severity alerts", list("customers", openHighAlert), "customer_id", SQL.openHighAlert],
  [
    "哪些客户有高级别的未处理预警",
    list("customers", related("risk_alerts", [values("severity", "high"), term("unresolved_alert")])),
    "customer_id",
    "SELECT DISTINCT customer_id FROM risk_alerts WHERE severity = 'high' AND status IN ('open', 'in_progress')",
  ],
  ["有多头借贷预警的客户", list("customers", related("risk_alerts", [values("alert_type", "multi_lending")])), "customer_id", SQL.multiLending],
  ["customers with a multi lending alert", list("customers", related("risk_alerts", [values("alert_type", "multi_lending")])), "customer_id", SQL.multiLending],
  ["customers with a multi-lending alert", list("customers", related("risk_alerts", [values("alert_type", "multi_lending")])), "customer_id", SQL.multiLending],

  // Only the related entity's name, after a having word.
  ["本月有预警的客户有哪些", list("customers", related("risk_alerts", [], JUNE)), "customer_id", SQL.alertsInJune],
  ["customers with alerts this month", list("customers", related("risk_alerts", [], JUNE)), "customer_id", SQL.alertsInJune],
  ["本月有预警的客户数", count("customer_count", related("risk_alerts", [], JUNE)), null, countOf(SQL.alertsInJune)],
  ["上个月有营销触达的客户", list("customers", related("campaign_touches", [], MAY)), "customer_id", SQL.touchedInMay],
  ["customers who received a campaign touch last month", list("customers", related("campaign_touches", [], MAY)), "customer_id", SQL.touchedInMay],
  ["customers with a campaign touch last month", list("customers", related("campaign_touches", [], MAY)), "customer_id", SQL.touchedInMay],

  // Had one, but none that matched: "received a touch but didn't convert".
  ["customers who received a campaign touch last month but didn't convert", touchedNotConverted(MAY), "customer_id", SQL.touchedNotConverted("2026-05-01", "2026-05-31")],
  ["customers with a campaign touch last month that did not convert", touchedNotConverted(MAY), "customer_id", SQL.touchedNotConverted("2026-05-01", "2026-05-31")],
  ["customers who had campaign touches but never converted this year", touchedNotConverted(YEAR), "customer_id", SQL.touchedNotConverted("2026-01-01", "2026-06-30")],
  ["how many customers converted last month", count("customer_count", related("campaign_touches", [term("converted_touch")], MAY)), null, countOf("SELECT DISTINCT customer_id FROM campaign_touches WHERE applied = 1 AND touched_date BETWEEN '2026-05-01' AND '2026-05-31'")],

  // Without: NOT EXISTS.
  ["没有预警的客户", list("customers", related("risk_alerts", [], undefined, false)), "customer_id", SQL.noAlerts],
  ["customers without any alerts", list("customers", related("risk_alerts", [], undefined, false)), "customer_id", SQL.noAlerts],
  ["customers with no alerts", list("customers", related("risk_alerts", [], undefined, false)), "customer_id", SQL.noAlerts],
  ["没有催收记录的贷款", list("loans", related("collection_actions", [], undefined, false)), "loan_id", SQL.loansWithoutActions],
  ["loans with no collection actions", list("loans", related("collection_actions", [], undefined, false)), "loan_id", SQL.loansWithoutActions],
  ["how many loans have no collection actions", count("loan_count", related("collection_actions", [], undefined, false)), null, countOf(SQL.loansWithoutActions)],
  [
    "本月没有未还款的客户",
    list("customers", related("repayments", [values("repayment_status", "missed")], JUNE, false)),
    "customer_id",
    `SELECT customer_id FROM customers EXCEPT ${SQL.missedInJune}`,
  ],
];

let database: Database;
beforeAll(async () => {
  database = (await openTestDataset()).database;
});
afterAll(() => database?.close());

describe("rows filtered by related rows", () => {
  it.each(CASES)("%s", (question, expected, key, reference) => {
    expectPlannedRows(database, question, expected, key, reference);
  });

  it.each([
    // Two related entities could be meant: a repayment status or an alert type; high of customers or of alerts.
    "还款违约的客户",
    "which customers have an unhandled high alert",
    // Rows that do not belong to the subject, an unrelated word, a period term of the subject with a period.
    "有预警的贷款",
    "本月有未还款的客户的学历",
    "customers with a missed repayment and a field visit this month",
    "本月新客户中有未还款的",
    "本月和上月有未还款的客户",
    // A possessive names the related rows themselves, not a condition on the subject.
    "customers' converted touches",
  ])("declines what it cannot read as one set of related rows: %s", (question) => {
    expect(plan(question).status).not.toBe("plan");
  });

  it("never dates the subject's rows with the related rows' period", () => {
    for (const question of ["本月有未还款的客户", "customers that got a restructure action this year", "customers with alerts this month"]) {
      const outcome = plan(question);
      if (outcome.status !== "plan") throw new Error(`${question}: ${outcome.status}`);
      const query = outcome.plan.query as ListQuery;
      expect(query.time, question).toBeUndefined();
      const sql = compilePlan(outcome.plan, { dialect: "sqlite", asOfDate: "2026-06-30" }).sql;
      expect(sql, question).not.toContain("onboard_date");
    }
  });

  it.each([
    ["本月有未还款的客户", "上个月呢", related("repayments", [values("repayment_status", "missed")], MAY)],
    ["customers with a field visit this month", "what about last month?", fieldVisitInMay],
    ["本月有未还款的客户有多少", "按城市呢", missedInJune],
  ])("a follow-up of %s (%s) keeps the period on the related rows", (first, second, filter) => {
    const outcome = plan(first);
    const history: ConversationTurn[] = [{ question: first, language: outcome.language, plan: (outcome as { plan: QueryPlan }).plan, status: "answered" }];
    expectPlan(plan(second, "2026-06-30", history), { filters: [filter], time: null }, second);
  });

  it.each([
    ["没有预警的客户", "上个月呢"],
    ["本月有未还款的客户有多少", "按月看呢"],
    ["本月有未还款的客户有多少", "和上月比呢"],
  ])("declines a follow-up that would date the subject's rows: %s → %s", (first, second) => {
    const outcome = plan(first);
    const history: ConversationTurn[] = [{ question: first, language: outcome.language, plan: (outcome as { plan: QueryPlan }).plan, status: "answered" }];
    expect(plan(second, "2026-06-30", history).status).not.toBe("plan");
  });

  it.each([
    ["zh", "本月有未还款的客户", ["有还款", "还款状态为未还款", "2026-06-01 至 2026-06-30"]],
    ["en", "loans with a field visit this month", ["with a collection action", "field visit", "2026-06-01 to 2026-06-30"]],
    ["en", "customers with no alerts", ["with no alert"]],
  ] as const)("states the condition and its period in words (%s): %s", (language, question, phrases) => {
    const outcome = plan(question);
    if (outcome.status !== "plan") throw new Error(`${question}: ${outcome.status}`);
    const filter = (outcome.plan.query as ListQuery).filters.find((entry) => entry.kind === "related") as Filter;
    const words = describeFilter({ semanticLayer: semanticLayer(), datasetValues: DATASET_VALUES, language }, filter);
    for (const phrase of phrases) expect(words).toContain(phrase);
  });
});
