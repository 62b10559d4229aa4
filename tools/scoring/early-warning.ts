/** early_warning: a 0-100 early-warning score per borrower, with the signals that fired and their weights. */
import { z } from "zod";
import { borrowerSubquery } from "./borrower-scope.ts";
import { earlyWarningScore, firedSignals, SIGNAL_CODES, SIGNAL_LABELS } from "./early-warning-signals.ts";
import type { BorrowerFacts } from "./early-warning-signals.ts";
import { firstDayOf, monthOf, shiftMonth } from "./scoring-calendar.ts";
import { compareIds } from "./scoring-math.ts";
import { customerIdsField, limitField, prepareRun, valueTierField } from "./scoring-input.ts";
import { readAllRecords } from "./paged-read.ts";
import { nullableNumber, numberOf } from "./scoring-query.ts";
import { resultTableShape, toResultTable } from "./result-table.ts";
import type { ColumnSpec } from "./result-table.ts";
import type { ScoringTool } from "./scoring-tool.ts";

const EarlyWarningInput = z
  .object({
    value_tier: valueTierField,
    min_score: z.number().min(0).max(100).default(0).describe("Only borrowers scoring at least this (0-100, default 0)"),
    customer_ids: customerIdsField,
    limit: limitField(20),
  })
  .strict();

const Signal = z
  .object({
    signal: z.enum(SIGNAL_CODES).describe("Signal code"),
    label: z.object({ zh: z.string(), en: z.string() }).strict().describe("Signal name in both languages"),
    weight: z.number().describe("Points the signal adds to the score"),
    value: z.number().describe("The observed value that fired it (PD change, count, days, yuan, ratio)"),
  })
  .strict();

const EarlyWarningItem = z
  .object({
    customer_id: z.string().describe("The borrower"),
    value_tier: z.string().describe("customers.value_tier"),
    score: z.number().min(0).max(100).describe("Early-warning score, 0-100: the sum of the fired signals' weights"),
    pd: z.number().nullable().describe("PD in the as-of month"),
    max_dpd: z.number().int().describe("Largest current_dpd over the borrower's active loans"),
    signals: z.array(Signal).describe("The signals that fired"),
  })
  .strict();
export type EarlyWarningItem = z.infer<typeof EarlyWarningItem>;

const EarlyWarningOutput = z
  .object({
    ...resultTableShape,
    month: z.string().describe("The as-of month the signals are computed for"),
    weights: z.record(z.string(), z.number()).describe("The weight of every signal (settings)"),
    items: z.array(EarlyWarningItem).describe("Borrowers ranked by score, then PD"),
  })
  .strict();

const COLUMNS: ColumnSpec<EarlyWarningItem>[] = [
  { name: "customer_id", zh: "客户号", en: "Customer", format: "text", value: (item) => item.customer_id },
  { name: "value_tier", zh: "价值等级", en: "Value tier", format: "text", value: (item) => item.value_tier },
  { name: "score", zh: "预警分", en: "Warning score", format: "score", value: (item) => item.score },
  { name: "pd", zh: "违约概率", en: "PD", format: "probability", value: (item) => item.pd },
  { name: "max_dpd", zh: "最大逾期天数", en: "Max DPD", format: "count", value: (item) => item.max_dpd },
  { name: "signals", zh: "触发信号", en: "Signals", format: "text", value: (item) => item.signals.map((signal) => signal.signal).join(", ") },
];

/** The early-warning score of DOMAIN.md's borrowers for the as-of month. */
export const earlyWarningTool: ScoringTool<typeof EarlyWarningInput, typeof EarlyWarningOutput> = {
  name: "early_warning",
  description: {
    zh: "借款客户预警分(0-100)：PD上升、近3个月逾期、当前逾期、征信查询激增、流入下降30%以上、大额净流出、使用率≥90%、未处理预警，按权重加总并列出触发的信号。",
    en: "A 0-100 early-warning score per borrower: PD rise, late or missed payments in 3 months, current DPD, inquiry spike, inflow down 30%+, large net outflow, utilization >= 90%, open alerts, weighted and listed.",
  },
  input: EarlyWarningInput,
  output: EarlyWarningOutput,
  async run(args, context) {
    const { input, asOfDate, settings, branchId } = prepareRun("early_warning", EarlyWarningInput, args, context);
    const month = monthOf(asOfDate);
    const borrowers = borrowerSubquery({ branchId, valueTier: input.value_tier, customerIds: input.customer_ids });
    const engine = context.engine;

    const [loanRows, pdRows, lateRows, monthlyRows, alertRows] = await Promise.all([
      readAllRecords(engine, {
        key: ["c.customer_id"],
        columns: ["c.value_tier", "MAX(l.current_dpd) AS max_dpd"],
        from: "customers c JOIN loans l ON l.customer_id = c.customer_id AND l.status = 'active'",
        where: [`c.customer_id IN (${borrowers.sql})`],
        groupBy: ["c.customer_id", "c.value_tier"],
        params: borrowers.params,
      }),
      readAllRecords(engine, {
        key: ["customer_id", "month"],
        columns: ["pd"],
        from: "risk_scores",
        where: ["month IN (?, ?)", `customer_id IN (${borrowers.sql})`],
        params: [month, shiftMonth(month, -1), ...borrowers.params],
      }),
      readAllRecords(engine, {
        key: ["l.customer_id"],
        columns: ["COUNT(*) AS late"],
        from: "repayments p JOIN loans l ON l.loan_id = p.loan_id",
        where: ["p.due_date >= ?", "p.due_date <= ?", "p.status IN ('paid_late', 'partial', 'missed')", `l.customer_id IN (${borrowers.sql})`],
        groupBy: ["l.customer_id"],
        params: [firstDayOf(shiftMonth(month, -2)), asOfDate, ...borrowers.params],
      }),
      readAllRecords(engine, {
        key: ["customer_id", "month"],
        columns: ["aum", "inflow", "outflow", "credit_utilization", "external_inquiries"],
        from: "customer_monthly",
        where: ["month >= ?", "month <= ?", `customer_id IN (${borrowers.sql})`],
        params: [shiftMonth(month, -6), month, ...borrowers.params],
      }),
      readAllRecords(engine, {
        key: ["customer_id"],
        columns: ["COUNT(*) AS open_alerts"],
        from: "risk_alerts",
        where: ["status IN ('open', 'in_progress')", "created_date <= ?", `customer_id IN (${borrowers.sql})`],
        groupBy: ["customer_id"],
        params: [asOfDate, ...borrowers.params],
      }),
    ]);

    const facts = new Map<string, BorrowerFacts & { valueTier: string }>();
    for (const row of loanRows) {
      facts.set(String(row.customer_id), {
        valueTier: String(row.value_tier),
        pd: null,
        previousPd: null,
        latePayments: 0,
        maxDpd: numberOf(row.max_dpd),
        monthly: new Map(),
        openAlerts: 0,
      });
    }
    for (const row of pdRows) {
      const entry = facts.get(String(row.customer_id));
      if (!entry) continue;
      if (row.month === month) entry.pd = nullableNumber(row.pd);
      else entry.previousPd = nullableNumber(row.pd);
    }
    for (const row of lateRows) {
      const entry = facts.get(String(row.customer_id));
      if (entry) entry.latePayments = numberOf(row.late);
    }
    const monthOffsets = new Map(Array.from({ length: 7 }, (_, index) => [shiftMonth(month, -index), -index]));
    for (const row of monthlyRows) {
      const entry = facts.get(String(row.customer_id));
      const offset = monthOffsets.get(String(row.month));
      if (!entry || offset === undefined) continue;
      entry.monthly.set(offset, {
        aum: numberOf(row.aum),
        inflow: numberOf(row.inflow),
        outflow: numberOf(row.outflow),
        credit_utilization: numberOf(row.credit_utilization),
        external_inquiries: numberOf(row.external_inquiries),
      });
    }
    for (const row of alertRows) {
      const entry = facts.get(String(row.customer_id));
      if (entry) entry.openAlerts = numberOf(row.open_alerts);
    }

    const items: EarlyWarningItem[] = [...facts].map(([customerId, entry]) => {
      const fired = firedSignals(entry, settings);
      return {
        customer_id: customerId,
        value_tier: entry.valueTier,
        score: earlyWarningScore(fired),
        pd: entry.pd,
        max_dpd: entry.maxDpd,
        signals: fired.map((signal) => ({ ...signal, label: SIGNAL_LABELS[signal.signal] })),
      };
    });
    const qualified = items
      .filter((item) => item.score >= input.min_score)
      .sort((left, right) => right.score - left.score || (right.pd ?? 0) - (left.pd ?? 0) || compareIds(left.customer_id, right.customer_id));
    const limited = qualified.slice(0, input.limit);
    return {
      tool: "early_warning",
      as_of_date: asOfDate,
      ...toResultTable(COLUMNS, limited),
      row_count: qualified.length,
      month,
      weights: { ...settings.early_warning.weights },
      items: limited,
    };
  },
};

