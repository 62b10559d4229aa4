/** risk_trend: each borrower's PD over the last N months, its month-over-month change, slope and rising-risk flag. */
import { z } from "zod";
import type { Engine } from "../engines/engine.ts";
import { monthOf, monthsEndingWith, shiftMonth } from "./scoring-calendar.ts";
import { ScoringDataError } from "./scoring-errors.ts";
import { customerIdsField, limitField, monthField, prepareRun, valueTierField } from "./scoring-input.ts";
import { compareIds, leastSquaresSlope, round } from "./scoring-math.ts";
import { readAllRecords } from "./paged-read.ts";
import { customerConditions, numberOf, queryRows } from "./scoring-query.ts";
import { resultTableShape, toResultTable } from "./result-table.ts";
import type { ColumnSpec } from "./result-table.ts";
import type { ScoringTool } from "./scoring-tool.ts";

const RiskTrendInput = z
  .object({
    customer_ids: customerIdsField,
    value_tier: valueTierField,
    only_rising: z.boolean().default(false).describe("Only customers whose PD rose by at least the rising-risk threshold in the last month"),
    months: z.number().int().min(2).max(24).default(6).describe("Length of the PD series in months, ending with the month (default 6)"),
    month: monthField.optional().describe("Last month of the series, YYYY-MM (default: the as-of month)"),
    limit: limitField(50),
  })
  .strict();

const RiskTrendItem = z
  .object({
    customer_id: z.string().describe("The customer"),
    value_tier: z.string().describe("customers.value_tier"),
    month: z.string().describe("The last month of the series"),
    pd: z.number().describe("PD in the last month"),
    risk_grade: z.string().describe("Risk grade in the last month"),
    previous_pd: z.number().nullable().describe("PD in the month before, null when the customer had no score then"),
    pd_change: z.number().nullable().describe("pd(month) - pd(month - 1)"),
    slope_per_month: z.number().nullable().describe("Least-squares slope of PD per month over the months with a score"),
    rising: z.boolean().describe("Rising repayment risk: pd_change >= the rising-risk threshold"),
    series: z.array(z.object({ month: z.string(), pd: z.number().nullable() }).strict()).describe("PD by month, oldest first; null where no score"),
  })
  .strict();
export type RiskTrendItem = z.infer<typeof RiskTrendItem>;

const RiskTrendOutput = z
  .object({
    ...resultTableShape,
    months: z.array(z.string()).describe("The months of the series, oldest first"),
    rising_risk_threshold: z.number().describe("The threshold used for the rising flag"),
    rising_count: z.number().int().describe("Customers with rising risk among all that qualified (before the limit)"),
    items: z.array(RiskTrendItem).describe("One record per customer, ranked: rising first, then by PD change and slope"),
  })
  .strict();

const percent = (value: number | null) => (value === null ? "—" : `${round(value * 100, 2)}%`);

const COLUMNS: ColumnSpec<RiskTrendItem>[] = [
  { name: "customer_id", zh: "客户号", en: "Customer", format: "text", value: (item) => item.customer_id },
  { name: "value_tier", zh: "价值等级", en: "Value tier", format: "text", value: (item) => item.value_tier },
  { name: "pd", zh: "违约概率", en: "PD", format: "probability", value: (item) => item.pd },
  { name: "previous_pd", zh: "上月违约概率", en: "Previous PD", format: "probability", value: (item) => item.previous_pd },
  { name: "pd_change", zh: "环比变化", en: "PD change", format: "rate", value: (item) => item.pd_change },
  { name: "slope_per_month", zh: "月均斜率", en: "Slope per month", format: "rate", value: (item) => item.slope_per_month },
  { name: "risk_grade", zh: "风险等级", en: "Risk grade", format: "text", value: (item) => item.risk_grade },
  { name: "rising", zh: "风险上升", en: "Rising risk", format: "flag", value: (item) => item.rising },
  { name: "pd_series", zh: "违约概率走势", en: "PD series", format: "text", value: (item) => item.series.map((point) => percent(point.pd)).join(" → ") },
];

/** PD series, month-over-month change, slope and the rising-risk flag of DOMAIN.md per borrower. */
export const riskTrendTool: ScoringTool<typeof RiskTrendInput, typeof RiskTrendOutput> = {
  name: "risk_trend",
  description: {
    zh: "客户违约概率(PD)近N个月走势：环比变化、最小二乘斜率，以及“还款风险上升”标记(PD 环比上升 ≥ 阈值)。",
    en: "Each borrower's PD over the last N months: month-over-month change, least-squares slope and the rising-repayment-risk flag (PD up by at least the threshold).",
  },
  input: RiskTrendInput,
  output: RiskTrendOutput,
  async run(args, context) {
    const { input, asOfDate, settings, branchId } = prepareRun("risk_trend", RiskTrendInput, args, context);
    const lastMonth = input.month ?? monthOf(asOfDate);
    const months = monthsEndingWith(lastMonth, input.months);
    const filter = customerConditions({ branchId, valueTier: input.value_tier, customerIds: input.customer_ids });
    const rows = await readAllRecords(context.engine, {
      key: ["r.customer_id", "r.month"],
      columns: ["c.value_tier", "r.pd", "r.risk_grade"],
      from: "risk_scores r JOIN customers c ON c.customer_id = r.customer_id",
      where: ["r.month >= ?", "r.month <= ?", filter.sql, "r.customer_id IN (SELECT s.customer_id FROM risk_scores s WHERE s.month = ?)"],
      params: [months[0], lastMonth, ...filter.params, lastMonth],
    });
    if (rows.length === 0) await assertMonthScored(context.engine, lastMonth);

    const byCustomer = new Map<string, { valueTier: string; grade: string; pdByMonth: Map<string, number> }>();
    for (const row of rows) {
      const id = String(row.customer_id);
      let entry = byCustomer.get(id);
      if (!entry) byCustomer.set(id, (entry = { valueTier: String(row.value_tier), grade: "", pdByMonth: new Map() }));
      entry.pdByMonth.set(String(row.month), numberOf(row.pd));
      if (row.month === lastMonth) entry.grade = String(row.risk_grade);
    }

    const threshold = settings.rising_risk_threshold;
    const items: RiskTrendItem[] = [...byCustomer].map(([customerId, entry]) => {
      const pd = entry.pdByMonth.get(lastMonth) ?? 0;
      const previous = entry.pdByMonth.get(shiftMonth(lastMonth, -1)) ?? null;
      // Rounded so that binary noise (0.06 - 0.04 = 0.01999...) never decides the flag.
      const change = previous === null ? null : round(pd - previous, 10);
      const points = months.flatMap((month, index) => (entry.pdByMonth.has(month) ? [{ x: index, y: entry.pdByMonth.get(month) ?? 0 }] : []));
      const slope = leastSquaresSlope(points);
      return {
        customer_id: customerId,
        value_tier: entry.valueTier,
        month: lastMonth,
        pd,
        risk_grade: entry.grade,
        previous_pd: previous,
        pd_change: change,
        slope_per_month: slope === null ? null : round(slope, 10),
        rising: change !== null && change >= threshold,
        series: months.map((month) => ({ month, pd: entry.pdByMonth.get(month) ?? null })),
      };
    });

    const qualified = items.filter((item) => !input.only_rising || item.rising).sort(compareTrend);
    const limited = qualified.slice(0, input.limit);
    return {
      tool: "risk_trend",
      as_of_date: asOfDate,
      ...toResultTable(COLUMNS, limited),
      row_count: qualified.length,
      months,
      rising_risk_threshold: threshold,
      rising_count: qualified.filter((item) => item.rising).length,
      items: limited,
    };
  },
};

/** Rising first, then the larger PD change, the steeper slope, the customer id. */
function compareTrend(left: RiskTrendItem, right: RiskTrendItem): number {
  if (left.rising !== right.rising) return left.rising ? -1 : 1;
  const change = (right.pd_change ?? -Infinity) - (left.pd_change ?? -Infinity);
  if (change !== 0 && !Number.isNaN(change)) return change;
  const slope = (right.slope_per_month ?? -Infinity) - (left.slope_per_month ?? -Infinity);
  if (slope !== 0 && !Number.isNaN(slope)) return slope;
  return compareIds(left.customer_id, right.customer_id);
}

/** A month with no risk scores at all is outside the data: say so rather than answer "nobody". */
async function assertMonthScored(engine: Engine, month: string): Promise<void> {
  const [row] = await queryRows(engine, "SELECT COUNT(*) AS n FROM risk_scores WHERE month = ?", [month]);
  if (numberOf(row?.n) === 0) {
    throw new ScoringDataError(
      "risk_trend",
      { zh: `数据集中没有 ${month} 的风险评分。`, en: `The dataset has no risk scores for ${month}.` },
      { month },
    );
  }
}
