/** Questions the scoring tools answer (issue 6), as bank staff ask them; the gold is the tool call's rows. */
import { toolAnswer } from "./authored-case.ts";
import type { AuthoredCase } from "./authored-case.ts";

// Gold keeps key and value columns only (the README's convention): the ids and the score each tool ranks by.
const REMIND = ["customer_id", "loan_id", "due_date", "miss_probability"];
const WARNING = ["customer_id", "score"];
const CHURN = ["customer_id", "churn_probability"];
const VALUE = ["customer_id", "expected_value"];
const OFFER = ["customer_id", "product_id", "expected_value"];
const TREND = ["customer_id", "pd", "pd_change"];

/**
 * Each tool's cases stand next to each other so that the alternating split (even positions dev, odd test within a
 * language) gives every tool cases in both splits.
 */
export const TOOL_CASES: AuthoredCase[] = [
  toolAnswer("zh", "下周需要提醒还款的客户", { name: "pre_due_risk", args: { days: 7 }, columns: REMIND }),
  toolAnswer("zh", "未来14天内最可能逾期的还款,列前10笔", { name: "pre_due_risk", args: { days: 14, limit: 10 }, columns: REMIND }),
  toolAnswer("zh", "高价值客户里下周到期前需要提醒的有哪些", { name: "pre_due_risk", args: { value_tier: "high", days: 7 }, columns: REMIND }, false),
  // A threshold, not a top 20: the high-value ranking ties at every cutoff on the eval datasets (scores are multiples of 5).
  toolAnswer("zh", "高价值客户中预警分40分及以上的,按预警分从高到低排", { name: "early_warning", args: { value_tier: "high", min_score: 40 }, columns: WARNING }),
  toolAnswer("zh", "预警分最高的客户有哪些", { name: "early_warning", args: {}, columns: WARNING }),
  toolAnswer("zh", "流失风险最高的客户", { name: "churn_risk", args: {}, columns: CHURN }),
  toolAnswer("zh", "高价值客户里流失风险最高的10位", { name: "churn_risk", args: { value_tier: "high", limit: 10 }, columns: CHURN }),
  toolAnswer("zh", "哪些中等价值客户可能流失", { name: "churn_risk", args: { value_tier: "medium" }, columns: CHURN }, false),
  toolAnswer("zh", "客户价值最高的前10位客户", { name: "customer_value", args: { limit: 10 }, columns: VALUE }),
  toolAnswer("zh", "预期价值最低的客户", { name: "customer_value", args: { order: "lowest" }, columns: VALUE }),
  toolAnswer("zh", "高价值客户按预期价值排名", { name: "customer_value", args: { value_tier: "high" }, columns: VALUE }),
  toolAnswer("zh", "应该向哪些客户推荐消费贷", { name: "next_best_product", args: { category: "consumer" }, columns: OFFER }),
  toolAnswer("zh", "哪些客户适合交叉销售装修贷", { name: "next_best_product", args: { category: "renovation" }, columns: OFFER }),
  toolAnswer("zh", "给高价值客户推荐什么产品", { name: "next_best_product", args: { value_tier: "high" }, columns: OFFER }),
  toolAnswer("zh", "哪些客户的PD趋势在上升", { name: "risk_trend", args: { only_rising: true }, columns: TREND }, false),
  toolAnswer("zh", "高价值客户的风险趋势", { name: "risk_trend", args: { value_tier: "high" }, columns: TREND }),

  toolAnswer("en", "Which customers should we remind to pay in the next 7 days?", { name: "pre_due_risk", args: { days: 7 }, columns: REMIND }),
  toolAnswer("en", "top 10 installments due in the next two weeks most likely to be missed", { name: "pre_due_risk", args: { days: 14, limit: 10 }, columns: REMIND }),
  toolAnswer("en", "Who is likely to miss a payment due in the next 30 days?", { name: "pre_due_risk", args: { days: 30 }, columns: REMIND }, false),
  // Top 25, not 10: the 10th and 11th borrowers tie on score on every eval dataset; the 25th and 26th tie on none.
  toolAnswer("en", "Show the 25 borrowers with the highest early warning scores", { name: "early_warning", args: { limit: 25 }, columns: WARNING }),
  toolAnswer("en", "early warning scores of medium value customers", { name: "early_warning", args: { value_tier: "medium" }, columns: WARNING }),
  toolAnswer("en", "Which customers are most likely to churn?", { name: "churn_risk", args: {}, columns: CHURN }),
  toolAnswer("en", "top 5 high-value customers at risk of leaving", { name: "churn_risk", args: { value_tier: "high", limit: 5 }, columns: CHURN }),
  toolAnswer("en", "low value customers with the highest churn risk", { name: "churn_risk", args: { value_tier: "low" }, columns: CHURN }),
  toolAnswer("en", "Who are our 10 most valuable customers by expected value?", { name: "customer_value", args: { limit: 10 }, columns: VALUE }),
  toolAnswer("en", "rank high-value customers by 12-month expected value", { name: "customer_value", args: { value_tier: "high" }, columns: VALUE }),
  toolAnswer("en", "customers with the lowest expected value", { name: "customer_value", args: { order: "lowest" }, columns: VALUE }),
  toolAnswer("en", "who should we cross-sell auto loans to", { name: "next_best_product", args: { category: "auto" }, columns: OFFER }),
  toolAnswer("en", "What products should we offer our high value customers?", { name: "next_best_product", args: { value_tier: "high" }, columns: OFFER }),
  toolAnswer("en", "top 5 customers to offer a mortgage", { name: "next_best_product", args: { category: "mortgage", limit: 5 }, columns: OFFER }),
  toolAnswer("en", "customers whose PD is trending up", { name: "risk_trend", args: { only_rising: true }, columns: TREND }, false),
  toolAnswer("en", "PD trend of high value customers with rising risk", { name: "risk_trend", args: { value_tier: "high", only_rising: true }, columns: TREND }),
];
