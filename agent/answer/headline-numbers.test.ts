/**
 * The headline never presents a wrong number: for one plan of each form, compiled and run on the generated dataset,
 * every number in the answer text is a cell of the result (or plainly derived from cells: a change between two of
 * them, a segment's part = share × whole, a count of rows), and the figures the form must state sit beside the right
 * labels (the segment's value after the segment's name, the current period's value as the current one).
 */
import type { Database } from "sql.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compilePlan } from "../compiler/compile-plan.ts";
import type { CompiledColumn } from "../compiler/compiled-query.ts";
import { comparisonLabels } from "../compiler/period-labels.ts";
import { runSqlite } from "../compiler/__fixtures__/result-comparison.ts";
import { openTestDataset } from "../compiler/__fixtures__/test-dataset.ts";
import { QueryPlan } from "../plan/query-plan.ts";
import type { AggregateQuery, QueryPlanInput } from "../plan/query-plan.ts";
import type { Language } from "../planner/planner.ts";
import { semanticLayer } from "../../schema/semantic-layer/semantic-layer.ts";
import { composeAnswer } from "./compose-answer.ts";
import { describeFilters, describeMetricCondition } from "./filter-words.ts";
import { formatPercent, formatPercentagePoints, formatValue } from "./format-number.ts";
import { describeMonth, describePeriod } from "./period-words.ts";

let database: Database;
let asOfDate: string;
beforeAll(async () => {
  const dataset = await openTestDataset();
  database = dataset.database;
  asOfDate = dataset.asOfDate;
});
afterAll(() => database?.close());

/** A result as the test reads it. */
interface Result {
  plan: QueryPlan;
  columns: CompiledColumn[];
  rows: unknown[][];
  text: string;
  language: Language;
}

/** Compiles, runs and composes one plan. */
function answer(query: QueryPlanInput["query"], language: Language): Result {
  const plan = QueryPlan.parse({ query });
  const compiled = compilePlan(plan, { dialect: "sqlite", asOfDate, language });
  const rows = runSqlite(database, compiled.sql, compiled.params);
  const composed = composeAnswer({
    frame: { question: "q", language, conversationId: "c_test", asOfDate, planner: "test", confidence: 1 },
    naming: { semanticLayer: semanticLayer(), datasetValues: {}, language },
    asOfDate,
    plan,
    compiled,
    sql: [compiled.sql],
    rows,
    rowCount: rows.length,
    truncated: false,
    timings: { sql_ms: 0 },
  });
  return { plan, columns: compiled.columns, rows, text: composed.text, language };
}

/** Numbers as the text writes them: counts, 万/亿, K/M/B, ¥, %, percentage points, hours, 元. */
const NUMBER = /-?¥?\d+(?:,\d{3})*(?:\.\d+)?(?: ?[万亿])?[KMB]?(?:%| 个百分点| pp| 小时| hours| ?元)?/g;

/** Words of the plan that hold digits but are no figure of the result: periods, months, conditions, date keys. */
function planWords(result: Result): string[] {
  const { language } = result;
  const naming = { semanticLayer: semanticLayer(), datasetValues: {}, language };
  const query = result.plan.query;
  const words: string[] = [];
  if (query.kind === "aggregate" || query.kind === "list") {
    if (query.time) words.push(describePeriod(query.time, language));
    words.push(describeFilters(naming, query.filters));
  }
  if (query.kind === "aggregate") {
    if (query.compareTo) words.push(describePeriod(query.compareTo, language));
    words.push(...query.having.map((condition) => describeMetricCondition(naming, condition)));
  }
  words.push(describePeriod({ start: `${asOfDate.slice(0, 7)}-01`, end: asOfDate }, language), describeMonth(asOfDate.slice(0, 7), language));
  // Keys and names (dimension values, a listed row's id) are text, whatever digits they hold.
  result.columns.forEach((column, index) => {
    for (const row of result.rows) {
      if (typeof row[index] !== "string") continue;
      const value = row[index];
      words.push(value);
      if (/^\d{4}-\d{2}$/.test(value)) words.push(describeMonth(value, language));
      const quarter = /^(\d{4})-Q([1-4])$/.exec(value);
      if (quarter) {
        const first = (Number(quarter[2]) - 1) * 3 + 1;
        const last = new Date(Date.UTC(Number(quarter[1]), first + 2, 0)).toISOString().slice(0, 10);
        words.push(describePeriod({ start: `${quarter[1]}-${String(first).padStart(2, "0")}-01`, end: last }, language));
      }
    }
  });
  return words.filter(Boolean).sort((left, right) => right.length - left.length);
}

/** Every way a figure derived from the result may be written: cells, changes between cells, parts of wholes, counts. */
function allowedNumbers(result: Result): Set<string> {
  const { language, columns, rows } = result;
  const allowed = new Set<string>();
  const add = (value: number, format: CompiledColumn["format"]) => {
    allowed.add(formatValue(value, format, language));
    allowed.add(formatValue(Math.abs(value), format, language));
  };
  const changes = (values: number[], format: CompiledColumn["format"]) => {
    for (const current of values)
      for (const previous of values) {
        if (format === "rate" || format === "probability") allowed.add(formatPercentagePoints(current - previous, language));
        else if (previous !== 0) allowed.add(formatPercent(Math.abs((current - previous) / previous)));
        add(current - previous, format);
      }
  };
  const numbers = (index: number) => rows.map((row) => row[index]).filter((value): value is number => typeof value === "number");
  columns.forEach((column, index) => {
    if (column.role === "dimension") return;
    const values = numbers(index);
    values.forEach((value) => add(value, column.format));
    if (column.role === "change" && column.transform !== "change_ratio" && (column.format === "rate" || column.format === "probability"))
      values.forEach((value) => allowed.add(formatPercentagePoints(value, language)));
    if (column.transform === "change_ratio") values.forEach((value) => allowed.add(formatPercent(Math.abs(value))));
    // Changes between any two cells of a metric (a trend's first and last, two periods laid out in rows).
    if (column.role === "metric" || column.role === "previous") {
      const same = columns.flatMap((other, otherIndex) => (other.memberId === column.memberId && other.transform === column.transform && other.role !== "change" && other.role !== "dimension" ? numbers(otherIndex) : []));
      changes(same, column.format);
    }
    // A segment's part of a whole: share × the metric's value on the same row.
    if (column.transform === "share") {
      const whole = columns.findIndex((other) => other.memberId === column.memberId && other.role === "metric" && other.transform === undefined);
      for (const row of rows) if (typeof row[index] === "number" && typeof row[whole] === "number") add((row[index] as number) * (row[whole] as number), columns[whole].format);
    }
  });
  for (const count of [rows.length, Math.max(0, rows.length - 3)]) allowed.add(count.toLocaleString("en-US"));
  const query = result.plan.query;
  if (query.kind !== "sql" && query.limit !== undefined) allowed.add(String(query.limit));
  return allowed;
}

/** The numbers of the text that no cell of the result explains. */
function unexplainedNumbers(result: Result): string[] {
  let text = result.text;
  for (const words of planWords(result)) text = text.split(words).join(" ");
  const allowed = allowedNumbers(result);
  return [...text.matchAll(NUMBER)].map((match) => match[0].trim()).filter((token) => !allowed.has(token));
}

/** Cell helpers for the expected phrases. */
const index = (result: Result, name: string) => {
  const found = result.columns.findIndex((column) => column.name === name);
  if (found < 0) throw new Error(`no column ${name} in ${result.columns.map((column) => column.name).join(", ")}`);
  return found;
};
const show = (result: Result, value: unknown, name: string) => formatValue(value, result.columns[index(result, name)].format, result.language);
const rowWhere = (result: Result, name: string, value: unknown) => {
  const row = result.rows.find((candidate) => candidate[index(result, name)] === value);
  if (!row) throw new Error(`no row with ${name} = ${String(value)}`);
  return row;
};
const extreme = (result: Result, name: string, direction: 1 | -1) =>
  result.rows.filter((row) => typeof row[index(result, name)] === "number").reduce((best, row) => ((row[index(result, name)] as number) * direction > (best[index(result, name)] as number) * direction ? row : best));

const JUNE = { start: "2026-06-01", end: "2026-06-30" };
const MAY = { start: "2026-05-01", end: "2026-05-31" };
const THIS_YEAR = { start: "2026-01-01", end: "2026-06-30" };
const LAST_YEAR = { start: "2025-01-01", end: "2025-06-30" };

/** [form, query, language, the phrases the text must contain, computed from the result]. */
const CASES: [string, QueryPlanInput["query"], Language, (result: Result) => string[]][] = [
  ["a single value", { kind: "aggregate", metrics: ["overdue_rate"] }, "zh", (r) => [`逾期率为 ${show(r, r.rows[0][0], "overdue_rate")}`]],
  ["two single values", { kind: "aggregate", metrics: ["loan_count", "outstanding_balance"], filters: [{ kind: "term", term: "high_value" }] }, "en", (r) => [
    `was ${show(r, r.rows[0][index(r, "loan_count")], "loan_count")}`,
    `outstanding balance was ${show(r, r.rows[0][index(r, "outstanding_balance")], "outstanding_balance")}`,
  ]],
  ["grouped: highest and lowest", { kind: "aggregate", metrics: ["overdue_rate"], dimensions: [{ id: "branch" }] }, "zh", (r) => [
    `${extreme(r, "overdue_rate", 1)[index(r, "branch_name")]}逾期率最高，为 ${show(r, extreme(r, "overdue_rate", 1)[index(r, "overdue_rate")], "overdue_rate")}`,
    `${extreme(r, "overdue_rate", -1)[index(r, "branch_name")]}最低，为 ${show(r, extreme(r, "overdue_rate", -1)[index(r, "overdue_rate")], "overdue_rate")}`,
  ]],
  ["grouped: a ranking", { kind: "aggregate", metrics: ["disbursement_amount"], dimensions: [{ id: "branch" }], order: [{ by: "disbursement_amount", direction: "desc" }], limit: 3 }, "en", (r) => [
    `: ${r.rows[0][index(r, "branch_name")]} (${show(r, r.rows[0][index(r, "disbursement_amount")], "disbursement_amount")})`,
  ]],
  ["grouped with having", { kind: "aggregate", metrics: ["overdue_rate"], dimensions: [{ id: "branch" }], having: [{ metric: "overdue_rate", op: "gt", value: 0.01 }] }, "zh", (r) => [
    `最高，为 ${show(r, extreme(r, "overdue_rate", 1)[index(r, "overdue_rate")], "overdue_rate")}`,
  ]],
  ["a trend", { kind: "aggregate", metrics: ["loan_count"], dimensions: [{ id: "time", grain: "month" }], time: THIS_YEAR }, "zh", (r) => [
    `从2026年1月的 ${show(r, rowWhere(r, "time_month", "2026-01")[index(r, "loan_count")], "loan_count")}`,
    `变为2026年6月的 ${show(r, rowWhere(r, "time_month", "2026-06")[index(r, "loan_count")], "loan_count")}`,
  ]],
  ["compareTo, wide, single", { kind: "aggregate", metrics: ["loan_count"], time: JUNE, compareTo: MAY }, "zh", (r) => [
    `笔数为 ${show(r, r.rows[0][index(r, "loan_count")], "loan_count")}，较2026年5月的 ${show(r, r.rows[0][index(r, "loan_count_previous")], "loan_count")}`,
  ]],
  ["compareTo, wide, grouped", { kind: "aggregate", metrics: ["approval_rate"], dimensions: [{ id: "channel" }], time: JUNE, compareTo: MAY }, "en", () => []],
  ["compareTo in rows, single", { kind: "aggregate", metrics: ["disbursement_amount"], time: THIS_YEAR, compareTo: LAST_YEAR, compareLayout: "rows" }, "zh", (r) => {
    const labels = comparisonLabels(THIS_YEAR, LAST_YEAR);
    const current = rowWhere(r, "period_label", labels.current)[index(r, "disbursement_amount")];
    const previous = rowWhere(r, "period_label", labels.previous)[index(r, "disbursement_amount")];
    return [`放款金额为 ${show(r, current, "disbursement_amount")}，较`, `的 ${show(r, previous, "disbursement_amount")}`];
  }],
  ["compareTo in rows, grouped", { kind: "aggregate", metrics: ["loan_count"], dimensions: [{ id: "product_category" }], time: THIS_YEAR, compareTo: LAST_YEAR, compareLayout: "rows" }, "en", (r) => {
    const labels = comparisonLabels(THIS_YEAR, LAST_YEAR);
    const current = r.rows.filter((row) => row[index(r, "period_label")] === labels.current);
    expect(current.length).toBeGreaterThan(1);
    return [];
  }],
  ["bucketChange", { kind: "aggregate", metrics: ["disbursement_amount"], dimensions: [{ id: "time", grain: "month" }], time: THIS_YEAR, bucketChange: true }, "en", (r) => [
    `to ${show(r, rowWhere(r, "time_month", "2026-06")[index(r, "disbursement_amount")], "disbursement_amount")} in June 2026`,
    `from ${show(r, rowWhere(r, "time_month", "2026-06")[index(r, "disbursement_amount_previous")], "disbursement_amount")} the month before`,
  ]],
  ["share of the total", { kind: "aggregate", metrics: ["loan_count"], dimensions: [{ id: "product_category" }], share: true }, "zh", (r) => {
    const top = extreme(r, "loan_count", 1);
    return [`最高，为 ${show(r, top[index(r, "loan_count")], "loan_count")}（占 ${show(r, top[index(r, "loan_count_share")], "loan_count_share")}）`];
  }],
  ["shareOf, a term, single", { kind: "aggregate", metrics: ["customer_count"], shareOf: { kind: "term", term: "low_value" } }, "zh", (r) => {
    const [whole, share] = [r.rows[0][index(r, "customer_count")] as number, r.rows[0][index(r, "customer_count_share")] as number];
    return [`低价值客户占客户数的 ${formatPercent(share)}（${formatValue(share * whole, "count", "zh")} / ${formatValue(whole, "count", "zh")}）`];
  }],
  ["shareOf, a value, money", { kind: "aggregate", metrics: ["outstanding_balance"], shareOf: { kind: "in", dimension: "product_category", values: ["mortgage"] } }, "en", (r) => {
    const [whole, share] = [r.rows[0][index(r, "outstanding_balance")] as number, r.rows[0][index(r, "outstanding_balance_share")] as number];
    return [`Mortgage made up ${formatPercent(share)} of outstanding balance (${formatValue(share * whole, "money", "en")} of ${formatValue(whole, "money", "en")})`];
  }],
  ["shareOf, grouped", { kind: "aggregate", metrics: ["customer_count"], dimensions: [{ id: "city" }], shareOf: { kind: "term", term: "young" } }, "zh", (r) => {
    const top = extreme(r, "customer_count_share", 1);
    return [`年轻客户占比最高，为 ${formatPercent(top[index(r, "customer_count_share")] as number)}（`];
  }],
  ["shareOf, a ranking by the whole", { kind: "aggregate", metrics: ["customer_count"], dimensions: [{ id: "city" }], shareOf: { kind: "term", term: "low_value" }, order: [{ by: "customer_count", direction: "desc" }], limit: 3 }, "en", (r) => [
    `(${show(r, r.rows[0][index(r, "customer_count")], "customer_count")}; low-value customers ${formatPercent(r.rows[0][index(r, "customer_count_share")] as number)})`,
  ]],
  ["versusRest, a trend per side", { kind: "aggregate", metrics: ["loan_count"], dimensions: [{ id: "time", grain: "month" }], time: THIS_YEAR, versusRest: { kind: "term", term: "young" } }, "en", (r) => {
    const june = r.rows.filter((row) => row[index(r, "time_month")] === "2026-06");
    const side = (name: string) => show(r, (june.find((row) => row[index(r, "segment")] === name) as unknown[])[index(r, "loan_count")], "loan_count");
    return [`in June 2026, the latest of Jan–Jun 2026: young customers ${side("young customers")} vs other customers ${side("others")}`];
  }],
  ["versusRest, single (zh)", { kind: "aggregate", metrics: ["overdue_rate"], versusRest: { kind: "term", term: "young" } }, "zh", (r) => [
    `逾期率：年轻客户 ${show(r, rowWhere(r, "segment", "年轻客户")[index(r, "overdue_rate")], "overdue_rate")}，其他客户 ${show(r, rowWhere(r, "segment", "其他")[index(r, "overdue_rate")], "overdue_rate")}`,
  ]],
  ["versusRest, single (en)", { kind: "aggregate", metrics: ["approval_rate"], versusRest: { kind: "in", dimension: "channel", values: ["wechat"] } }, "en", (r) => {
    const segment = r.rows.find((row) => row[index(r, "segment")] !== "others") as unknown[];
    return [`${segment[index(r, "segment")]} ${show(r, segment[index(r, "approval_rate")], "approval_rate")} vs others ${show(r, rowWhere(r, "segment", "others")[index(r, "approval_rate")], "approval_rate")}`];
  }],
  ["versusRest, grouped", { kind: "aggregate", metrics: ["outstanding_balance"], dimensions: [{ id: "city" }], versusRest: { kind: "term", term: "high_value" } }, "zh", () => ["高价值客户与其他客户的贷款余额差距最大的是"]],
  ["two categories", { kind: "aggregate", metrics: ["loan_count"], dimensions: [{ id: "city" }, { id: "product_category" }] }, "zh", (r) => [
    `最高，为 ${show(r, extreme(r, "loan_count", 1)[index(r, "loan_count")], "loan_count")}`,
  ]],
  ["a trend per category", { kind: "aggregate", metrics: ["overdue_rate"], dimensions: [{ id: "time", grain: "quarter" }, { id: "value_tier" }], time: THIS_YEAR }, "en", () => []],
  ["a ranking from the bottom by the second metric", { kind: "aggregate", metrics: ["loan_count", "average_loan_amount"], dimensions: [{ id: "product_category" }], order: [{ by: "average_loan_amount", direction: "asc" }], limit: 2 }, "zh", (r) => [
    `平均贷款金额最低的 2 个产品类别`,
    `（${show(r, r.rows[0][index(r, "average_loan_amount")], "average_loan_amount")}）`,
  ]],
  ["a period metric by quarter", { kind: "aggregate", metrics: ["churn_rate"], dimensions: [{ id: "time", grain: "quarter" }], time: THIS_YEAR }, "zh", (r) => [
    `变为2026年第二季度的 ${show(r, rowWhere(r, "time_quarter", "2026-Q2")[index(r, "churn_rate")], "churn_rate")}`,
  ]],
  ["compareTo, wide, a score", { kind: "aggregate", metrics: ["nps"], time: JUNE, compareTo: MAY }, "en", (r) => [`for June 2026 was ${show(r, r.rows[0][index(r, "nps")], "nps")}, up ${show(r, r.rows[0][index(r, "nps_change")], "nps")} (better) from ${show(r, r.rows[0][index(r, "nps_previous")], "nps")}`]],
  ["a list", { kind: "list", entity: "customers", filters: [{ kind: "term", term: "high_value" }], order: [{ by: "annual_income", direction: "desc" }], limit: 20 }, "zh", (r) => [`共有 ${r.rows.length} 位客户`]],
];

describe("every number in the headline is the result's", () => {
  it.each(CASES)("%s", (_, query, language, expected) => {
    const result = answer(query, language);
    if (process.env.SHOW_TEXT) console.log(result.text);
    expect(result.rows.length).toBeGreaterThan(0);
    expect(unexplainedNumbers(result), result.text).toEqual([]);
    for (const phrase of expected(result)) expect(result.text).toContain(phrase);
  });

  it("states the current period of a comparison in rows, never the earlier one as current", () => {
    const result = answer({ kind: "aggregate", metrics: ["loan_count"], time: THIS_YEAR, compareTo: LAST_YEAR, compareLayout: "rows" }, "en");
    const labels = comparisonLabels(THIS_YEAR, LAST_YEAR);
    const current = rowWhere(result, "period_label", labels.current)[index(result, "loan_count")];
    expect(result.text).toMatch(new RegExp(`^Loan count for .* was ${formatValue(current, "count", "en").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")},`));
  });

  it("states both values but no change for a count over periods of different length (year to date against a whole year)", () => {
    const result = answer({ kind: "aggregate", metrics: ["loan_count"], time: THIS_YEAR, compareTo: { start: "2025-01-01", end: "2025-12-31" }, compareLayout: "rows" }, "zh");
    const labels = comparisonLabels(THIS_YEAR, { start: "2025-01-01", end: "2025-12-31" });
    const current = rowWhere(result, "period_label", labels.current)[index(result, "loan_count")];
    const previous = rowWhere(result, "period_label", labels.previous)[index(result, "loan_count")];
    expect(result.text).toBe(`2026年1月至6月，贷款笔数为 ${formatValue(current, "count", "zh")}，2025年为 ${formatValue(previous, "count", "zh")}（两段时间长短不同，不计算变化）。`);
  });

  it("a tool's single figure and a tool's table (the composer, when the tool wrote no text)", () => {
    const toolPlan = (limit?: number) => QueryPlan.parse({ query: { kind: "tool", tool: "risk_trend", ...(limit ? { limit } : {}) } });
    const compose = (columns: CompiledColumn[], rows: unknown[][]) =>
      composeAnswer({
        frame: { question: "q", language: "zh", conversationId: "c_test", asOfDate, planner: "test", confidence: 1 },
        naming: { semanticLayer: semanticLayer(), datasetValues: {}, language: "zh" },
        asOfDate,
        plan: toolPlan(),
        compiled: { columns, definitions: [] },
        sql: [],
        rows,
        rowCount: rows.length,
        truncated: false,
        timings: { sql_ms: 0 },
      }).text;
    const probability: CompiledColumn = { name: "pd", label: { zh: "违约概率", en: "PD" }, role: "metric", memberId: "pd", format: "probability" };
    expect(compose([probability], [[0.0423]])).toBe("违约概率为 4.23%。");
    const customer: CompiledColumn = { name: "customer_id", label: { zh: "客户号", en: "customer" }, role: "attribute", memberId: "customer_id" };
    expect(compose([customer, probability], [["C1", 0.1], ["C2", 0.2]])).toBe("共 2 行结果。");
  });
});

/** The checker itself catches a wrong number (the earlier text for versusRest stated the first row, the others'). */
describe("the checker", () => {
  it("flags a number that is no cell and passes one that is", () => {
    const plan = QueryPlan.parse({ query: { kind: "aggregate", metrics: ["overdue_rate"] } });
    const columns: CompiledColumn[] = [{ name: "overdue_rate", label: { zh: "逾期率", en: "overdue rate" }, role: "metric", memberId: "overdue_rate", format: "rate" }];
    const base = { plan, columns, rows: [[0.0336]], language: "zh" as const };
    expect(unexplainedNumbers({ ...base, text: "逾期率为 3.36%。" })).toEqual([]);
    expect(unexplainedNumbers({ ...base, text: "逾期率为 3.1%。" })).toEqual(["3.1%"]);
    expect(unexplainedNumbers({ ...base, text: "客户数为 4,000。" })).toEqual(["4,000"]);
    expect((plan.query as AggregateQuery).metrics).toEqual(["overdue_rate"]);
  });
});
