/** Routing vocabulary of the scoring tools (data, zod-validated): the trigger phrases that name each tool and the words that fill its arguments. */
import { z } from "zod";

/** Phrases in both languages. "a...b" means a, then b within a few words (English "remind ... before ... due"). */
const Phrases = z
  .object({
    zh: z.array(z.string().min(1)).describe("Chinese phrases, matched as substrings"),
    en: z.array(z.string().min(1)).describe("English phrases, matched on word boundaries, case-insensitive"),
  })
  .strict();
export type Phrases = z.infer<typeof Phrases>;

/** The arguments question words can fill; each is the tool input field of the same name. */
export const ToolRouteSlot = z.enum(["value_tier", "category", "days", "only_rising", "order", "limit"]);
export type ToolRouteSlot = z.infer<typeof ToolRouteSlot>;

/** One scoring tool's route: what names it, and which of its arguments question words may fill. */
export const ToolRoute = z
  .object({
    tool: z.string().regex(/^[a-z][a-z0-9_]*$/).describe("The scoring tool id, as in tools/scoring/registry.ts"),
    triggers: Phrases.describe("Names and synonyms of the tool; a question must contain one to route here"),
    requiresCustomerSubject: z.boolean().default(false).describe("Also needs a customer word (客户/customers/who): a bare 'PD trend' is a metric trend"),
    slots: z.array(ToolRouteSlot).describe("Arguments of the tool that question words fill; each must be a field of the tool's input"),
  })
  .strict();
export type ToolRoute = z.infer<typeof ToolRoute>;

/** A word meaning one value of an argument. */
const ValueWords = z.object({ value: z.string().min(1), words: Phrases }).strict();

/** The words that fill the arguments. Numbers (top 20, 未来14天) are read by the router's patterns. */
export const ToolArgumentWords = z
  .object({
    valueTier: z.array(ValueWords).describe("customers.value_tier values"),
    category: z.array(ValueWords).describe("products.category values"),
    rising: Phrases.describe("Words that ask for rising risk only (only_rising)"),
    lowest: Phrases.describe("Words that ask for the lowest first (order: lowest)"),
    customerSubject: Phrases.describe("Words that make customers the subject of the question"),
    aggregate: Phrases.describe("Words asking for a count, total, average or share: a metric question, never routed to a tool (tools rank customers)"),
    nextWeek: Phrases.describe("Words meaning the next 7 days"),
    nextMonth: Phrases.describe("Words meaning the next 30 days"),
    tomorrow: Phrases.describe("Words meaning the next day"),
  })
  .strict();
export type ToolArgumentWords = z.infer<typeof ToolArgumentWords>;

/** The routes and argument words together. */
export const ToolRouting = z.object({ routes: z.array(ToolRoute).min(1), words: ToolArgumentWords }).strict();
export type ToolRouting = z.infer<typeof ToolRouting>;

const ROUTES: z.input<typeof ToolRoute>[] = [
  {
    tool: "pre_due_risk",
    triggers: {
      zh: ["需要提醒还款", "提醒还款", "还款提醒", "到期提醒", "催收提醒", "提前提醒", "到期前提醒", "提醒哪些客户还款", "应该提醒谁", "可能逾期", "可能会逾期", "最可能逾期", "容易逾期", "最容易逾期", "最有可能逾期", "大概率逾期", "还款...需要提醒", "到期...需要提醒", "还款...提醒谁", "还款...可能违约", "还款...会违约", "还款...可能还不上", "到期...可能违约", "到期...会违约", "到期...可能还不上", "还款...可能拖欠", "到期...可能拖欠"],
      en: ["remind...before...due", "remind...to pay", "remind...to repay", "who to remind", "who should we remind", "payment reminder", "repayment reminder", "due date reminder", "pre due", "before their due date", "reminder...before...due", "reminder...due date", "likely to miss", "likely to be missed", "might miss", "likely to go overdue", "likely to become overdue", "most likely to be late", "miss...next payment", "miss...upcoming payment", "likely to default on...payment", "might default on...payment", "may default on...payment", "default on...upcoming payment", "default on...next payment", "payments due...likely to default", "installments due...likely to default"],
    },
    slots: ["value_tier", "days", "limit"],
  },
  {
    tool: "early_warning",
    triggers: {
      zh: ["预警分", "预警评分", "预警得分", "早期预警", "预警分数"],
      en: ["warning score", "early warning", "ew score"],
    },
    slots: ["value_tier", "limit"],
  },
  {
    tool: "churn_risk",
    triggers: {
      zh: ["流失风险", "可能流失", "要流失", "会流失", "流失概率", "流失可能性", "容易流失", "即将流失"],
      en: ["churn risk", "risk of churn", "risk of churning", "at risk of churning", "likely to churn", "likely to leave", "at risk of leaving", "churn probability", "probability of churning", "about to churn", "might churn", "may churn"],
    },
    slots: ["value_tier", "limit"],
  },
  {
    tool: "next_best_product",
    triggers: {
      zh: ["交叉销售", "推荐什么产品", "营销推荐", "适合推荐", "推荐哪些产品", "推荐什么贷款", "该推荐", "应该推荐", "可以推荐", "产品推荐", "向谁推荐", "推荐给谁", "给哪些客户推荐", "向哪些客户推荐", "推荐给哪些客户", "向哪些客户推销", "推销给哪些客户", "适合推销"],
      en: ["cross sell", "upsell", "up sell", "next best product", "who should we offer", "what should we offer", "what product to offer", "which products to offer", "product recommendation", "recommend...product", "offer...to whom", "products should we offer", "product should we offer", "products to offer", "should we pitch", "pitch...to", "who to pitch", "should we market...to", "should we target with"],
    },
    slots: ["value_tier", "category", "limit"],
  },
  {
    tool: "customer_value",
    triggers: {
      zh: ["客户价值最高", "客户价值最低", "客户价值排名", "客户价值评估", "预期价值", "最有价值", "最没有价值", "最不值钱", "期望价值", "价值最高的客户", "价值最低的客户", "客户价值垫底", "客户价值倒数", "价值垫底的客户", "价值倒数的客户"],
      en: ["highest customer value", "lowest customer value", "customer value ranking", "customer value score", "expected value", "most valuable", "least valuable", "lifetime value", "rank customers by value"],
    },
    slots: ["value_tier", "order", "limit"],
  },
  {
    tool: "risk_trend",
    triggers: {
      zh: ["pd趋势", "风险趋势", "pd走势", "pd变化趋势", "违约概率趋势", "违约概率走势", "风险走势", "pd序列", "违约概率...往上走", "pd...往上走", "违约概率...一路走高", "pd...一路走高", "pd...上升趋势", "pd...上涨趋势", "违约概率...上升趋势", "违约概率...上涨趋势", "违约概率在走高", "pd在走高", "违约概率持续走高", "pd持续走高", "违约概率在上行", "pd在上行", "违约概率持续上行", "pd持续上行"],
      en: ["risk trend", "risk trends", "pd trend", "pd trends", "trend of pd", "trend in pd", "pd trajectory", "pd series", "pd history", "pd is trending", "pd trending", "risk is trending", "risk trending", "pd is heading up", "pd heading up", "pd keeps going up", "pd keeps rising", "pd...upward trend", "pd...trending up", "upward trend in pd", "upward pd trend"],
    },
    requiresCustomerSubject: true,
    slots: ["value_tier", "only_rising", "limit"],
  },
];

const WORDS: z.input<typeof ToolArgumentWords> = {
  valueTier: [
    { value: "high", words: { zh: ["高价值", "高端客户", "优质客户"], en: ["high value", "high tier", "premium"] } },
    { value: "medium", words: { zh: ["中价值", "中等价值", "中端客户"], en: ["medium value", "mid value", "middle value", "medium tier"] } },
    { value: "low", words: { zh: ["低价值"], en: ["low value", "low tier"] } },
  ],
  category: [
    { value: "mortgage", words: { zh: ["房贷", "住房贷款", "按揭"], en: ["mortgage", "mortgages", "home loan", "home loans", "housing loan", "housing loans"] } },
    { value: "auto", words: { zh: ["车贷", "汽车贷款", "汽车贷"], en: ["auto loan", "auto loans", "car loan", "car loans", "auto"] } },
    { value: "consumer", words: { zh: ["消费贷", "消费贷款"], en: ["consumer loan", "consumer loans", "consumer credit"] } },
    { value: "education", words: { zh: ["教育贷", "助学贷", "教育贷款", "助学贷款"], en: ["education loan", "education loans", "student loan", "student loans"] } },
    { value: "travel", words: { zh: ["旅游贷", "旅游贷款"], en: ["travel loan", "travel loans"] } },
    { value: "renovation", words: { zh: ["装修贷", "装修贷款"], en: ["renovation loan", "renovation loans", "home improvement"] } },
    { value: "micro_business", words: { zh: ["经营贷", "小微贷", "小微企业贷", "经营性贷款"], en: ["business loan", "business loans", "micro business", "small business loan", "small business loans"] } },
  ],
  rising: { zh: ["上升", "上涨", "升高", "走高", "变高", "增加", "往上走", "上行", "涨"], en: ["rising", "rise", "rose", "increasing", "increased", "went up", "going up", "heading up", "up", "upward"] },
  lowest: { zh: ["最低", "最没有价值", "最不值钱", "价值最低", "倒数", "垫底", "最小"], en: ["lowest", "least valuable", "least", "bottom", "smallest"] },
  customerSubject: { zh: ["客户", "借款人", "哪些人", "谁"], en: ["customer", "customers", "borrower", "borrowers", "who", "whom", "clients", "client"] },
  aggregate: {
    zh: ["多少", "几个", "几笔", "几户", "总数", "总额", "合计", "平均", "占比", "比例", "比率", "率是"],
    en: ["how many", "how much", "number of", "count of", "total", "average", "percentage", "share of", "proportion", "rate"],
  },
  nextWeek: { zh: ["本周", "这周", "下周", "下星期", "下个星期", "下礼拜", "未来一周", "未来1周", "一周内", "7天内"], en: ["next week", "coming week", "this week", "next 7 days", "within a week"] },
  nextMonth: { zh: ["下个月", "下月", "未来一个月", "未来1个月", "一个月内"], en: ["next month", "coming month", "within a month"] },
  tomorrow: { zh: ["明天", "明日"], en: ["tomorrow"] },
};

/** The validated routing vocabulary (throws at import when an entry is malformed). */
export const TOOL_ROUTING: ToolRouting = ToolRouting.parse({ routes: ROUTES, words: WORDS });
