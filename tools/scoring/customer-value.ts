/** customer_value: each customer's 12-month expected value from lending margin, expected loss and AUM fees. */
import { z } from "zod";
import { customerValue } from "./customer-value-formula.ts";
import type { ValuedLoan } from "./customer-value-formula.ts";
import { monthOf } from "./scoring-calendar.ts";
import { customerIdsField, limitField, prepareRun, valueTierField } from "./scoring-input.ts";
import { compareIds, round } from "./scoring-math.ts";
import { readAllRecords } from "./paged-read.ts";
import { customerConditions, numberOf } from "./scoring-query.ts";
import { resultTableShape, toResultTable } from "./result-table.ts";
import type { ColumnSpec } from "./result-table.ts";
import type { ScoringTool } from "./scoring-tool.ts";

const CustomerValueInput = z
  .object({
    customer_ids: customerIdsField,
    value_tier: valueTierField,
    order: z.enum(["highest", "lowest"]).default("highest").describe("Rank by expected value, highest (default) or lowest first"),
    include_churned: z.boolean().default(false).describe("Also value churned customers (default: active customers only)"),
    limit: limitField(20),
  })
  .strict();

const CustomerValueItem = z
  .object({
    customer_id: z.string().describe("The customer"),
    value_tier: z.string().describe("customers.value_tier"),
    outstanding: z.number().describe("Outstanding balance of active loans, yuan"),
    aum: z.number().describe("AUM in the as-of month, yuan"),
    pd: z.number().describe("PD used: the latest risk score up to the as-of month (0 without loans or scores)"),
    interest_margin: z.number().describe("Σ (annual_rate - funding cost) x balance x (1 - PD), yuan"),
    expected_loss: z.number().describe("PD x Σ LGD x balance, yuan"),
    fee_income: z.number().describe("AUM x fee rate, yuan"),
    expected_value: z.number().describe("12-month expected value: interest_margin - expected_loss + fee_income, yuan"),
  })
  .strict();
export type CustomerValueItem = z.infer<typeof CustomerValueItem>;

const CustomerValueOutput = z
  .object({
    ...resultTableShape,
    settings: z
      .object({ funding_cost: z.number(), lgd_secured: z.number(), lgd_unsecured: z.number(), aum_fee_rate: z.number() })
      .strict()
      .describe("The settings the formula used"),
    total_expected_value: z.number().describe("Sum of expected_value over every qualifying customer (before the limit)"),
    items: z.array(CustomerValueItem).describe("Customers ranked by expected value"),
  })
  .strict();

const COLUMNS: ColumnSpec<CustomerValueItem>[] = [
  { name: "customer_id", zh: "客户号", en: "Customer", format: "text", value: (item) => item.customer_id },
  { name: "value_tier", zh: "价值等级", en: "Value tier", format: "text", value: (item) => item.value_tier },
  { name: "expected_value", zh: "12个月预期价值", en: "12-month expected value", format: "money", value: (item) => item.expected_value },
  { name: "interest_margin", zh: "利差收益", en: "Interest margin", format: "money", value: (item) => item.interest_margin },
  { name: "expected_loss", zh: "预期损失", en: "Expected loss", format: "money", value: (item) => item.expected_loss },
  { name: "fee_income", zh: "资产管理费收入", en: "AUM fee income", format: "money", value: (item) => item.fee_income },
  { name: "outstanding", zh: "贷款余额", en: "Outstanding", format: "money", value: (item) => item.outstanding },
  { name: "aum", zh: "资产规模(AUM)", en: "AUM", format: "money", value: (item) => item.aum },
  { name: "pd", zh: "违约概率", en: "PD", format: "probability", value: (item) => item.pd },
];

/** 12-month expected value per customer. */
export const customerValueTool: ScoringTool<typeof CustomerValueInput, typeof CustomerValueOutput> = {
  name: "customer_value",
  description: {
    zh: "客户12个月预期价值 = 贷款余额×净息差×(1-PD) - PD×LGD×贷款余额 + AUM×费率；资金成本、LGD、费率为可配置参数。",
    en: "12-month expected value = net interest margin on outstanding x (1 - PD) - PD x LGD x outstanding + AUM x fee rate; funding cost, LGD and fee rate are settings.",
  },
  input: CustomerValueInput,
  output: CustomerValueOutput,
  async run(args, context) {
    const { input, asOfDate, settings, branchId } = prepareRun("customer_value", CustomerValueInput, args, context);
    const month = monthOf(asOfDate);
    const filter = customerConditions({ branchId, valueTier: input.value_tier, customerIds: input.customer_ids, activeOnly: !input.include_churned });
    const customers = `SELECT c.customer_id FROM customers c WHERE ${filter.sql}`;
    const engine = context.engine;
    const [customerRows, loanRows, aumRows, pdRows] = await Promise.all([
      readAllRecords(engine, { key: ["c.customer_id"], columns: ["c.value_tier"], from: "customers c", where: [filter.sql], params: filter.params }),
      readAllRecords(engine, {
        key: ["l.loan_id"],
        columns: ["l.customer_id", "l.annual_rate", "l.outstanding_balance", "pr.secured"],
        from: "loans l JOIN products pr ON pr.product_id = l.product_id",
        where: ["l.status = 'active'", `l.customer_id IN (${customers})`],
        params: filter.params,
      }),
      readAllRecords(engine, {
        key: ["customer_id"],
        columns: ["aum"],
        from: "customer_monthly",
        where: ["month = ?", `customer_id IN (${customers})`],
        params: [month, ...filter.params],
      }),
      // The derived table's placeholders come first: they are bound before those of the conditions (none here).
      readAllRecords(engine, {
        key: ["r.customer_id"],
        columns: ["r.pd"],
        from: `risk_scores r
         JOIN (SELECT customer_id, MAX(month) AS month FROM risk_scores WHERE month <= ? AND customer_id IN (${customers}) GROUP BY customer_id) latest
           ON latest.customer_id = r.customer_id AND latest.month = r.month`,
        params: [month, ...filter.params],
      }),
    ]);
    const loans = new Map<string, ValuedLoan[]>();
    for (const row of loanRows) {
      const id = String(row.customer_id);
      if (!loans.has(id)) loans.set(id, []);
      loans.get(id)?.push({ annualRate: numberOf(row.annual_rate), outstanding: numberOf(row.outstanding_balance), secured: numberOf(row.secured) === 1 });
    }
    const aum = new Map(aumRows.map((row) => [String(row.customer_id), numberOf(row.aum)]));
    const pd = new Map(pdRows.map((row) => [String(row.customer_id), numberOf(row.pd)]));

    const items: CustomerValueItem[] = customerRows.map((row) => {
      const id = String(row.customer_id);
      const customerLoans = loans.get(id) ?? [];
      const customerPd = customerLoans.length === 0 ? 0 : (pd.get(id) ?? 0);
      const parts = customerValue(customerLoans, customerPd, aum.get(id) ?? 0, settings.value);
      return {
        customer_id: id,
        value_tier: String(row.value_tier),
        outstanding: round(parts.outstanding, 2),
        aum: round(aum.get(id) ?? 0, 2),
        pd: customerPd,
        interest_margin: round(parts.interestMargin, 2),
        expected_loss: round(parts.expectedLoss, 2),
        fee_income: round(parts.feeIncome, 2),
        expected_value: round(parts.expectedValue, 2),
      };
    });
    const direction = input.order === "highest" ? 1 : -1;
    items.sort((left, right) => direction * (right.expected_value - left.expected_value) || compareIds(left.customer_id, right.customer_id));
    const limited = items.slice(0, input.limit);
    return {
      tool: "customer_value",
      as_of_date: asOfDate,
      ...toResultTable(COLUMNS, limited),
      row_count: items.length,
      settings: { ...settings.value },
      total_expected_value: round(items.reduce((sum, item) => sum + item.expected_value, 0), 2),
      items: limited,
    };
  },
};
