/** next_best_product: the loan products each eligible customer should be offered, by propensity and expected value. */
import { z } from "zod";
import { ENUMS } from "../../schema/tables.ts";
import { debtToIncome, heldCategories, ineligibilityReason } from "./product-eligibility.ts";
import type { HeldLoan, IneligibilityReason } from "./product-eligibility.ts";
import { propensityOf } from "./product-propensity.ts";
import type { TouchCounts } from "./product-propensity.ts";
import { firstDayOf, monthOf, shiftMonth } from "./scoring-calendar.ts";
import { customerIdsField, limitField, prepareRun, valueTierField } from "./scoring-input.ts";
import { clamp, compareIds, round } from "./scoring-math.ts";
import { readAllRecords } from "./paged-read.ts";
import { customerConditions, numberOf } from "./scoring-query.ts";
import type { ScoringSettings } from "./scoring-settings.ts";
import { resultTableShape, toResultTable } from "./result-table.ts";
import type { ColumnSpec } from "./result-table.ts";
import type { ScoringTool } from "./scoring-tool.ts";

const NextBestProductInput = z
  .object({
    customer_ids: customerIdsField,
    value_tier: valueTierField,
    category: z.enum(ENUMS.productCategory).optional().describe("Only offers of this product category (e.g. auto for 'who should we cross-sell auto loans to')"),
    product_id: z.string().optional().describe("Only offers of this product (products.product_id, e.g. P03)"),
    per_customer: z.number().int().min(1).max(7).default(1).describe("Offers listed per customer, best first (default 1)"),
    limit: limitField(20),
  })
  .strict();

const NextBestProductItem = z
  .object({
    customer_id: z.string().describe("An eligible customer"),
    value_tier: z.string().describe("customers.value_tier"),
    risk_grade: z.string().describe("Risk grade in the as-of month (always an eligible grade)"),
    pd: z.number().describe("PD in the as-of month"),
    debt_to_income: z.number().describe("Annual installment burden of active loans / annual_income"),
    product_id: z.string().describe("The product offered"),
    product_name: z.object({ zh: z.string(), en: z.string() }).strict().describe("Product name in both languages"),
    category: z.string().describe("Product category (not one the customer already holds)"),
    offer_rank: z.number().int().describe("1 = this customer's best offer"),
    propensity: z.number().min(0).max(1).describe("Weighted engagement, value tier and channel response, 0..1"),
    engagement: z.number().describe("Engagement part, 0..1"),
    channel_response: z.number().describe("Channel-response part, 0..1"),
    recommended_channel: z.string().nullable().describe("Campaign channel to make the offer through"),
    offer_amount: z.number().describe("Amount assumed: annual_income x multiple, clamped to the product's limits"),
    expected_value: z.number().describe("12-month expected value of the loan if taken: amount x ((rate - funding cost)(1 - PD) - PD x LGD)"),
    score: z.number().describe("Ranking score: propensity x expected_value"),
  })
  .strict();
export type NextBestProductItem = z.infer<typeof NextBestProductItem>;

const NextBestProductOutput = z
  .object({
    ...resultTableShape,
    eligible_customers: z.number().int().describe("Customers that passed the risk rules"),
    excluded: z
      .object({ overdue: z.number().int(), no_risk_grade: z.number().int(), risk_grade: z.number().int(), debt_to_income: z.number().int() })
      .strict()
      .describe("Customers given no offer, by the first rule they failed"),
    items: z.array(NextBestProductItem).describe("Offers ranked by score"),
  })
  .strict();

const COLUMNS: ColumnSpec<NextBestProductItem>[] = [
  { name: "customer_id", zh: "客户号", en: "Customer", format: "text", value: (item) => item.customer_id },
  { name: "value_tier", zh: "价值等级", en: "Value tier", format: "text", value: (item) => item.value_tier },
  { name: "risk_grade", zh: "风险等级", en: "Risk grade", format: "text", value: (item) => item.risk_grade },
  { name: "product_id", zh: "产品号", en: "Product", format: "text", value: (item) => item.product_id },
  { name: "product_name", zh: "产品名称", en: "Product name", format: "text", value: (item) => item.product_name.zh },
  { name: "category", zh: "产品类别", en: "Category", format: "text", value: (item) => item.category },
  { name: "propensity", zh: "响应倾向", en: "Propensity", format: "probability", value: (item) => item.propensity },
  { name: "expected_value", zh: "预期价值", en: "Expected value", format: "money", value: (item) => item.expected_value },
  { name: "recommended_channel", zh: "推荐渠道", en: "Channel", format: "text", value: (item) => item.recommended_channel },
  { name: "debt_to_income", zh: "负债收入比", en: "Debt to income", format: "rate", value: (item) => item.debt_to_income },
];

/** A product as offered. */
interface OfferableProduct {
  productId: string;
  name: { zh: string; en: string };
  category: string;
  secured: boolean;
  baseRate: number;
  minAmount: number;
  maxAmount: number;
}

/** Expected 12-month value of lending `amount` of a product to a customer with this PD. */
export function offerExpectedValue(product: Pick<OfferableProduct, "secured" | "baseRate">, amount: number, pd: number, settings: ScoringSettings["value"]): number {
  const lgd = product.secured ? settings.lgd_secured : settings.lgd_unsecured;
  return amount * ((product.baseRate - settings.funding_cost) * (1 - pd) - pd * lgd);
}

/** Eligible offers per customer: risk rules first, then products not held, ranked by propensity x expected value. */
export const nextBestProductTool: ScoringTool<typeof NextBestProductInput, typeof NextBestProductOutput> = {
  name: "next_best_product",
  description: {
    zh: "下一个最佳产品：仅对风险等级A-C、无当前逾期、负债收入比低于上限的客户，推荐其尚未持有类别的贷款产品，按响应倾向与预期价值排序(尊重风险的营销)。",
    en: "Next best product: for customers with risk grade A-C, no current overdue and debt-to-income under the cap, loan products of categories they do not hold, ranked by propensity and expected value (marketing that respects risk).",
  },
  input: NextBestProductInput,
  output: NextBestProductOutput,
  async run(args, context) {
    const { input, asOfDate, settings, branchId } = prepareRun("next_best_product", NextBestProductInput, args, context);
    const rules = settings.next_best_product;
    const month = monthOf(asOfDate);
    const filter = customerConditions({ branchId, valueTier: input.value_tier, customerIds: input.customer_ids, activeOnly: true });
    const customers = `SELECT c.customer_id FROM customers c WHERE ${filter.sql}`;
    const touchFrom = firstDayOf(shiftMonth(month, 1 - rules.touch_months));
    const engine = context.engine;
    const [customerRows, loanRows, productRows, loginRows, touchRows, bankTouchRows] = await Promise.all([
      readAllRecords(engine, {
        key: ["c.customer_id"],
        columns: ["c.value_tier", "c.annual_income", "r.risk_grade", "r.pd"],
        from: "customers c LEFT JOIN risk_scores r ON r.customer_id = c.customer_id AND r.month = ?",
        where: [filter.sql],
        params: [month, ...filter.params],
      }),
      readAllRecords(engine, {
        key: ["l.loan_id"],
        columns: ["l.customer_id", "l.principal", "l.annual_rate", "l.term_months", "l.current_dpd", "pr.category"],
        from: "loans l JOIN products pr ON pr.product_id = l.product_id",
        where: ["l.status = 'active'", `l.customer_id IN (${customers})`],
        params: filter.params,
      }),
      readAllRecords(engine, {
        key: ["product_id"],
        columns: ["product_name", "product_name_en", "category", "secured", "base_rate", "min_amount", "max_amount"],
        from: "products",
      }),
      readAllRecords(engine, {
        key: ["customer_id"],
        columns: ["AVG(app_logins) AS logins"],
        from: "customer_monthly",
        where: ["month >= ?", "month <= ?", `customer_id IN (${customers})`],
        groupBy: ["customer_id"],
        params: [shiftMonth(month, -2), month, ...filter.params],
      }),
      readAllRecords(engine, {
        key: ["customer_id", "channel"],
        columns: ["COUNT(*) AS touches", "SUM(clicked) AS clicked", "SUM(applied) AS applied"],
        from: "campaign_touches",
        where: ["touched_date >= ?", "touched_date <= ?", `customer_id IN (${customers})`],
        groupBy: ["customer_id", "channel"],
        params: [touchFrom, asOfDate, ...filter.params],
      }),
      readAllRecords(engine, {
        key: ["channel"],
        columns: ["COUNT(*) AS touches", "SUM(clicked) AS clicked", "SUM(applied) AS applied"],
        from: "campaign_touches",
        where: ["touched_date >= ?", "touched_date <= ?"],
        groupBy: ["channel"],
        params: [touchFrom, asOfDate],
      }),
    ]);

    const loans = new Map<string, HeldLoan[]>();
    for (const row of loanRows) {
      const id = String(row.customer_id);
      if (!loans.has(id)) loans.set(id, []);
      loans.get(id)?.push({
        principal: numberOf(row.principal),
        annualRate: numberOf(row.annual_rate),
        termMonths: numberOf(row.term_months),
        currentDpd: numberOf(row.current_dpd),
        category: String(row.category),
      });
    }
    const products: OfferableProduct[] = productRows
      .map((row) => ({
        productId: String(row.product_id),
        name: { zh: String(row.product_name), en: String(row.product_name_en) },
        category: String(row.category),
        secured: numberOf(row.secured) === 1,
        baseRate: numberOf(row.base_rate),
        minAmount: numberOf(row.min_amount),
        maxAmount: numberOf(row.max_amount),
      }))
      .filter((product) => (input.category === undefined || product.category === input.category) && (input.product_id === undefined || product.productId === input.product_id));
    const logins = new Map(loginRows.map((row) => [String(row.customer_id), numberOf(row.logins)]));
    const touches = new Map<string, Map<string, TouchCounts>>();
    for (const row of touchRows) {
      const id = String(row.customer_id);
      if (!touches.has(id)) touches.set(id, new Map());
      touches.get(id)?.set(String(row.channel), touchCountsOf(row));
    }
    const bankWide = new Map(bankTouchRows.map((row) => [String(row.channel), touchCountsOf(row)]));

    const excluded: Record<IneligibilityReason, number> = { overdue: 0, no_risk_grade: 0, risk_grade: 0, debt_to_income: 0 };
    let eligibleCustomers = 0;
    const offers: NextBestProductItem[] = [];
    for (const row of customerRows) {
      const id = String(row.customer_id);
      const customerLoans = loans.get(id) ?? [];
      const riskGrade = row.risk_grade === null || row.risk_grade === undefined ? null : String(row.risk_grade);
      const annualIncome = numberOf(row.annual_income);
      const reason = ineligibilityReason({ riskGrade, annualIncome, loans: customerLoans }, rules);
      if (reason !== null) {
        excluded[reason]++;
        continue;
      }
      eligibleCustomers++;
      const pd = numberOf(row.pd);
      const held = heldCategories(customerLoans);
      const valueTier = String(row.value_tier);
      const propensity = propensityOf({ averageLogins: logins.get(id) ?? 0, valueTier, touchesByChannel: touches.get(id) ?? new Map() }, bankWide, rules);
      const customerOffers = products
        .filter((product) => !held.has(product.category))
        .map((product) => {
          const amount = clamp(annualIncome * rules.offer_income_multiple, product.minAmount, product.maxAmount);
          const expectedValue = offerExpectedValue(product, amount, pd, settings.value);
          return {
            customer_id: id,
            value_tier: valueTier,
            risk_grade: riskGrade as string,
            pd,
            debt_to_income: round(debtToIncome(customerLoans, annualIncome), 6),
            product_id: product.productId,
            product_name: product.name,
            category: product.category,
            offer_rank: 0,
            propensity: round(propensity.propensity, 6),
            engagement: round(propensity.engagement, 6),
            channel_response: round(propensity.channelResponse, 6),
            recommended_channel: propensity.recommendedChannel,
            offer_amount: round(amount, 2),
            expected_value: round(expectedValue, 2),
            score: round(propensity.propensity * expectedValue, 2),
          };
        })
        .sort((left, right) => right.score - left.score || compareIds(left.product_id, right.product_id))
        .slice(0, input.per_customer);
      customerOffers.forEach((offer, index) => offers.push({ ...offer, offer_rank: index + 1 }));
    }
    offers.sort((left, right) => right.score - left.score || compareIds(left.customer_id, right.customer_id) || compareIds(left.product_id, right.product_id));
    const limited = offers.slice(0, input.limit);
    return {
      tool: "next_best_product",
      as_of_date: asOfDate,
      ...toResultTable(COLUMNS, limited),
      row_count: offers.length,
      eligible_customers: eligibleCustomers,
      excluded,
      items: limited,
    };
  },
};

/** Touch counts from an aggregated row. */
function touchCountsOf(row: Record<string, unknown>): TouchCounts {
  return { touches: numberOf(row.touches), clicked: numberOf(row.clicked), applied: numberOf(row.applied) };
}
