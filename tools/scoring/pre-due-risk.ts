/** pre_due_risk: installments due in the next N days ranked by the chance they are missed: whom to remind first. */
import { z } from "zod";
import { addDays, daysBetween, firstDayOf, monthOf, shiftMonth } from "./scoring-calendar.ts";
import { customerIdsField, limitField, prepareRun, valueTierField } from "./scoring-input.ts";
import { clamp, compareIds, mean, round, sigmoid } from "./scoring-math.ts";
import { readAllRecords } from "./paged-read.ts";
import { customerConditions, numberOf } from "./scoring-query.ts";
import type { ScoringSettings } from "./scoring-settings.ts";
import { resultTableShape, toResultTable } from "./result-table.ts";
import type { ColumnSpec } from "./result-table.ts";
import type { ScoringTool } from "./scoring-tool.ts";

const PreDueRiskInput = z
  .object({
    days: z.number().int().min(1).max(60).optional().describe("Look at installments due from the day after the as-of date through this many days ahead (default 7)"),
    value_tier: valueTierField,
    customer_ids: customerIdsField,
    min_probability: z.number().min(0).max(1).default(0).describe("Only installments whose miss probability is at least this (0..1)"),
    limit: limitField(50),
  })
  .strict();

const FACTORS = ["pd", "late_share", "overdue_other_loans", "this_loan_overdue", "inflow_drop"] as const;
type Factor = (typeof FACTORS)[number];

const PreDueItem = z
  .object({
    repayment_id: z.number().int().describe("The scheduled installment"),
    loan_id: z.string().describe("Its loan"),
    customer_id: z.string().describe("The borrower to remind"),
    value_tier: z.string().describe("customers.value_tier"),
    installment_no: z.number().int().describe("Installment number"),
    due_date: z.string().describe("Due date"),
    days_until_due: z.number().int().describe("Days from the as-of date to the due date"),
    due_amount: z.number().describe("Amount due, yuan"),
    miss_probability: z.number().min(0).max(1).describe("Estimated chance the installment is missed (logistic score of the factors)"),
    pd: z.number().describe("Borrower's PD in the as-of month (0 when unscored)"),
    late_share: z.number().describe("Share of the borrower's installments due in the history window paid late, partially or missed"),
    overdue_other_loans: z.boolean().describe("Another active loan of the borrower is past due"),
    this_loan_dpd: z.number().int().describe("current_dpd of this installment's loan"),
    inflow_change: z.number().nullable().describe("Inflow in the as-of month against the mean of the 3 months before, minus 1"),
    reasons: z.array(z.object({ factor: z.enum(FACTORS), contribution: z.number() }).strict()).describe("Factors that raised the score, largest first"),
  })
  .strict();
export type PreDueItem = z.infer<typeof PreDueItem>;

const PreDueRiskOutput = z
  .object({
    ...resultTableShape,
    window: z.object({ from: z.string(), to: z.string() }).strict().describe("Due dates looked at, inclusive"),
    items: z.array(PreDueItem).describe("Installments ranked by miss probability, then due date"),
  })
  .strict();

const COLUMNS: ColumnSpec<PreDueItem>[] = [
  { name: "customer_id", zh: "客户号", en: "Customer", format: "text", value: (item) => item.customer_id },
  { name: "loan_id", zh: "贷款号", en: "Loan", format: "text", value: (item) => item.loan_id },
  { name: "due_date", zh: "应还日期", en: "Due date", format: "date", value: (item) => item.due_date },
  { name: "due_amount", zh: "应还金额", en: "Amount due", format: "money", value: (item) => item.due_amount },
  { name: "miss_probability", zh: "未还概率", en: "Miss probability", format: "probability", value: (item) => item.miss_probability },
  { name: "pd", zh: "违约概率", en: "PD", format: "probability", value: (item) => item.pd },
  { name: "late_share", zh: "历史逾期占比", en: "Past late share", format: "rate", value: (item) => item.late_share },
  { name: "overdue_other_loans", zh: "其他贷款逾期", en: "Other loan overdue", format: "flag", value: (item) => item.overdue_other_loans },
  { name: "reasons", zh: "主要原因", en: "Main reasons", format: "text", value: (item) => item.reasons.map((reason) => reason.factor).join(", ") },
];

/** The factor values of one installment. */
export type PreDueFactors = Record<Factor, number>;

/** The logistic miss probability and each factor's contribution (coefficient x value). */
export function missProbability(factors: PreDueFactors, settings: ScoringSettings["pre_due"]): { probability: number; contributions: Record<Factor, number> } {
  const contributions = Object.fromEntries(FACTORS.map((factor) => [factor, settings[factor] * factors[factor]])) as Record<Factor, number>;
  const z = settings.intercept + FACTORS.reduce((sum, factor) => sum + contributions[factor], 0);
  return { probability: sigmoid(z), contributions };
}

/** Installments due soon, ranked by the chance of being missed. */
export const preDueRiskTool: ScoringTool<typeof PreDueRiskInput, typeof PreDueRiskOutput> = {
  name: "pre_due_risk",
  description: {
    zh: "未来N天(默认7天)到期的还款计划，按未还概率排序(PD、历史逾期、其他贷款逾期、资金流入趋势)：到期前应提醒谁。",
    en: "Installments due in the next N days (default 7) ranked by the chance of being missed (PD, past lateness, overdue on other loans, inflow trend): whom to remind before the due date.",
  },
  input: PreDueRiskInput,
  output: PreDueRiskOutput,
  async run(args, context) {
    const { input, asOfDate, settings, branchId } = prepareRun("pre_due_risk", PreDueRiskInput, args, context);
    const days = input.days ?? settings.due_soon_days;
    const from = addDays(asOfDate, 1);
    const to = addDays(asOfDate, days);
    const month = monthOf(asOfDate);
    const filter = customerConditions({ branchId, valueTier: input.value_tier, customerIds: input.customer_ids });
    const dueJoin = "repayments p JOIN loans l ON l.loan_id = p.loan_id JOIN customers c ON c.customer_id = l.customer_id";
    const dueWhere = ["p.status = 'scheduled'", "p.due_date >= ?", "p.due_date <= ?", "l.status = 'active'", filter.sql];
    const dueParams = [from, to, ...filter.params];
    const dueCustomers = `SELECT l.customer_id FROM ${dueJoin} WHERE ${dueWhere.join(" AND ")}`;
    const engine = context.engine;

    const [installments, pdRows, historyRows, overdueRows, inflowRows] = await Promise.all([
      readAllRecords(engine, {
        key: ["p.repayment_id"],
        columns: ["p.loan_id", "l.customer_id", "c.value_tier", "p.installment_no", "p.due_date", "p.due_amount", "l.current_dpd"],
        from: dueJoin,
        where: dueWhere,
        params: dueParams,
      }),
      readAllRecords(engine, {
        key: ["customer_id"],
        columns: ["pd"],
        from: "risk_scores",
        where: ["month = ?", `customer_id IN (${dueCustomers})`],
        params: [month, ...dueParams],
      }),
      readAllRecords(engine, {
        key: ["h.customer_id"],
        columns: ["COUNT(*) AS due_count", "SUM(CASE WHEN r.status IN ('paid_late', 'partial', 'missed') THEN 1 ELSE 0 END) AS late_count"],
        from: "repayments r JOIN loans h ON h.loan_id = r.loan_id",
        where: ["r.status <> 'scheduled'", "r.due_date >= ?", "r.due_date <= ?", `h.customer_id IN (${dueCustomers})`],
        groupBy: ["h.customer_id"],
        params: [firstDayOf(shiftMonth(month, 1 - settings.pre_due.history_months)), asOfDate, ...dueParams],
      }),
      readAllRecords(engine, {
        key: ["o.loan_id"],
        columns: ["o.customer_id"],
        from: "loans o",
        where: ["o.status = 'active'", "o.current_dpd > 0", `o.customer_id IN (${dueCustomers})`],
        params: dueParams,
      }),
      readAllRecords(engine, {
        key: ["customer_id", "month"],
        columns: ["inflow"],
        from: "customer_monthly",
        where: ["month >= ?", "month <= ?", `customer_id IN (${dueCustomers})`],
        params: [shiftMonth(month, -3), month, ...dueParams],
      }),
    ]);

    const pdByCustomer = new Map(pdRows.map((row) => [String(row.customer_id), numberOf(row.pd)]));
    const lateShare = new Map(historyRows.map((row) => [String(row.customer_id), numberOf(row.late_count) / Math.max(1, numberOf(row.due_count))]));
    const overdueLoans = new Map<string, string[]>();
    for (const row of overdueRows) overdueLoans.set(String(row.customer_id), [...(overdueLoans.get(String(row.customer_id)) ?? []), String(row.loan_id)]);
    const inflows = new Map<string, Map<string, number>>();
    for (const row of inflowRows) {
      const id = String(row.customer_id);
      if (!inflows.has(id)) inflows.set(id, new Map());
      inflows.get(id)?.set(String(row.month), numberOf(row.inflow));
    }

    const items: PreDueItem[] = installments.map((row) => {
      const customerId = String(row.customer_id);
      const loanId = String(row.loan_id);
      const inflowChange = inflowChangeOf(inflows.get(customerId), month);
      const thisLoanDpd = numberOf(row.current_dpd);
      const factors: PreDueFactors = {
        pd: pdByCustomer.get(customerId) ?? 0,
        late_share: lateShare.get(customerId) ?? 0,
        overdue_other_loans: (overdueLoans.get(customerId) ?? []).some((id) => id !== loanId) ? 1 : 0,
        this_loan_overdue: thisLoanDpd > 0 ? 1 : 0,
        inflow_drop: inflowChange === null ? 0 : clamp(-inflowChange, 0, 1),
      };
      const { probability, contributions } = missProbability(factors, settings.pre_due);
      return {
        repayment_id: numberOf(row.repayment_id),
        loan_id: loanId,
        customer_id: customerId,
        value_tier: String(row.value_tier),
        installment_no: numberOf(row.installment_no),
        due_date: String(row.due_date),
        days_until_due: daysBetween(asOfDate, String(row.due_date)),
        due_amount: numberOf(row.due_amount),
        miss_probability: round(probability, 6),
        pd: factors.pd,
        late_share: round(factors.late_share, 6),
        overdue_other_loans: factors.overdue_other_loans === 1,
        this_loan_dpd: thisLoanDpd,
        inflow_change: inflowChange === null ? null : round(inflowChange, 6),
        reasons: FACTORS.filter((factor) => contributions[factor] > 0)
          .map((factor) => ({ factor, contribution: round(contributions[factor], 6) }))
          .sort((left, right) => right.contribution - left.contribution),
      };
    });
    const qualified = items
      .filter((item) => item.miss_probability >= input.min_probability)
      .sort(
        (left, right) =>
          right.miss_probability - left.miss_probability || compareIds(left.due_date, right.due_date) || left.repayment_id - right.repayment_id,
      );
    const limited = qualified.slice(0, input.limit);
    return {
      tool: "pre_due_risk",
      as_of_date: asOfDate,
      ...toResultTable(COLUMNS, limited),
      row_count: qualified.length,
      window: { from, to },
      items: limited,
    };
  },
};

/** inflow(M) / mean(inflow of M-3..M-1) - 1, or null without a positive earlier mean or an M row. */
function inflowChangeOf(byMonth: Map<string, number> | undefined, month: string): number | null {
  const current = byMonth?.get(month);
  if (byMonth === undefined || current === undefined) return null;
  const before = [1, 2, 3].flatMap((offset) => {
    const value = byMonth.get(shiftMonth(month, -offset));
    return value === undefined ? [] : [value];
  });
  const average = mean(before);
  return average === null || average <= 0 ? null : current / average - 1;
}

