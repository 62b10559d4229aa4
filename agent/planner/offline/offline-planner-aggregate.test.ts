// Metric questions (counts, sums, averages, rates, shares), groupings, values, terms, numbers and rankings, zh and en.
import { describe, it } from "vitest";
import { compare, expectPlan, plan, term, values } from "./__fixtures__/planner-fixture.ts";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";

const JUNE = ["2026-06-01", "2026-06-30"] as [string, string];
const MAY = ["2026-05-01", "2026-05-31"] as [string, string];

const CASES: [string, ExpectedPlan][] = [
  // Plain metrics; state metrics with 本月/this month are the current state (no time filter).
  ["本月放款金额是多少?", { kind: "aggregate", metrics: ["disbursement_amount"], dimensions: [], filters: [], time: JUNE }],
  ["What was the disbursement amount this month?", { metrics: ["disbursement_amount"], time: JUNE }],
  ["这个月放了多少款", { metrics: ["disbursement_amount"], time: JUNE }],
  ["当前贷款余额", { metrics: ["outstanding_balance"], time: null }],
  ["本月的贷款余额", { metrics: ["outstanding_balance"], time: null }],
  ["What is the outstanding balance this month?", { metrics: ["outstanding_balance"], time: null }],
  ["Total outstanding loan balance", { metrics: ["outstanding_balance"], time: null }],
  ["逾期率是多少", { metrics: ["overdue_rate"], dimensions: [], filters: [], time: null }],
  ["what's our delinquency rate", { metrics: ["overdue_rate"], time: null }],
  ["本月不良率", { metrics: ["npl_ratio"], time: null }],
  ["NPL ratio this month", { metrics: ["npl_ratio"], time: null }],
  ["不良贷款率", { metrics: ["npl_ratio"] }],
  ["M1+逾期率", { metrics: ["overdue_30_rate"] }],
  ["90+ delinquency rate", { metrics: ["overdue_90_rate"] }],
  ["上月审批通过率", { metrics: ["approval_rate"], time: MAY }],
  ["approval rate last month", { metrics: ["approval_rate"], time: MAY }],
  ["平均审批时长", { metrics: ["average_approval_hours"] }],
  ["How long does approval take on average?", { metrics: ["average_approval_hours"] }],
  ["营销转化率", { metrics: ["conversion_rate"] }],
  ["campaign conversion rate this year", { metrics: ["conversion_rate"], time: ["2026-01-01", "2026-06-30"] }],
  ["短信的打开率", { metrics: ["open_rate"], filters: [values("channel", "sms")] }],
  ["click-through rate by channel", { metrics: ["click_rate"], dimensions: ["channel"] }],
  ["各活动的获客成本", { metrics: ["cost_per_application"], dimensions: ["campaign"] }],
  ["cost per application by campaign", { metrics: ["cost_per_application"], dimensions: ["campaign"] }],
  ["本月流失率", { metrics: ["churn_rate"], time: JUNE }],
  ["churn rate last quarter", { metrics: ["churn_rate"], time: ["2026-01-01", "2026-03-31"] }],
  ["净推荐值", { metrics: ["nps"] }],
  ["NPS by channel", { metrics: ["nps"], dimensions: ["channel"] }],
  ["平均违约概率", { metrics: ["average_pd"], time: null }],
  ["average PD last month", { metrics: ["average_pd"], time: MAY }],
  ["按时还款率", { metrics: ["on_time_repayment_rate"] }],
  ["on-time repayment rate in May 2026", { metrics: ["on_time_repayment_rate"], time: MAY }],
  ["预警数量", { metrics: ["alert_count"] }],
  ["number of alerts this month", { metrics: ["alert_count"], time: JUNE }],
  ["客户AUM总额", { metrics: ["total_aum"] }],
  ["平均贷款金额", { metrics: ["average_loan_amount"] }],
  ["average loan size by product category", { metrics: ["average_loan_amount"], dimensions: ["product_category"] }],

  // Counts of an entity, with terms.
  ["有多少客户?", { metrics: ["customer_count"], filters: [] }],
  ["How many customers do we have?", { metrics: ["customer_count"], filters: [] }],
  ["有多少逾期贷款", { metrics: ["loan_count"], filters: [term("overdue")] }],
  ["How many overdue loans are there?", { metrics: ["loan_count"], filters: [term("overdue")] }],
  ["How many NPLs are there?", { metrics: ["loan_count"], filters: [term("npl")] }],
  ["不良贷款有多少笔", { metrics: ["loan_count"], filters: [term("npl")] }],
  ["高价值客户有多少", { metrics: ["customer_count"], filters: [term("high_value")] }],
  ["number of high-value customers", { metrics: ["customer_count"], filters: [term("high_value")] }],
  ["本月新增客户有多少", { metrics: ["customer_count"], filters: [term("new_customer")], time: JUNE }],
  ["how many new customers last month", { metrics: ["customer_count"], filters: [term("new_customer")], time: MAY }],
  ["本月流失客户数", { metrics: ["customer_count"], filters: [term("churned")], time: JUNE, dateAttribute: "churn_date" }],
  ["借款客户有多少", { metrics: ["customer_count"], filters: [term("borrower")] }],
  ["年轻客户的数量", { metrics: ["customer_count"], filters: [term("young")] }],
  ["how many young customers in Shanghai", { metrics: ["customer_count"], filters: [term("young"), values("city", "Shanghai")] }],
  ["未解决预警有多少", { metrics: ["alert_count"], filters: [term("unresolved_alert")] }],
  ["高价值客户的贷款余额", { metrics: ["outstanding_balance"], filters: [term("high_value")] }],
  ["loan balance of high-value customers", { metrics: ["outstanding_balance"], filters: [term("high_value")] }],
  ["逾期贷款的余额", { metrics: ["outstanding_balance"], filters: [term("overdue")] }],

  // Values: cities, channels, categories, branches, products, campaigns.
  ["上海的逾期率", { metrics: ["overdue_rate"], filters: [values("city", "Shanghai")], dimensions: [] }],
  ["沪上客户数", { metrics: ["customer_count"], filters: [values("city", "Shanghai")] }],
  ["overdue rate in Shanghai", { metrics: ["overdue_rate"], filters: [values("city", "Shanghai")] }],
  ["微信渠道的申请量", { metrics: ["application_count"], filters: [values("channel", "wechat")], dimensions: [] }],
  ["How many WeChat applications this month?", { metrics: ["application_count"], filters: [values("channel", "wechat")], time: JUNE }],
  ["手机银行渠道的审批通过率", { metrics: ["approval_rate"], filters: [values("channel", "mobile_app")] }],
  ["房贷的不良率", { metrics: ["npl_ratio"], filters: [values("product_category", "mortgage")] }],
  ["车贷放款金额", { metrics: ["disbursement_amount"], filters: [values("product_category", "auto")] }],
  ["mortgage NPL ratio", { metrics: ["npl_ratio"], filters: [values("product_category", "mortgage")] }],
  ["消费贷和经营贷的逾期率", { metrics: ["overdue_rate"], filters: [values("product_category", "consumer", "micro_business")], dimensions: ["product_category"] }],
  ["car loan disbursement last month", { metrics: ["disbursement_amount"], filters: [values("product_category", "auto")], time: MAY }],
  ["浦东支行的不良率", { metrics: ["npl_ratio"], filters: [values("branch", "BR01")] }],
  ["上海浦东支行本月放款金额", { metrics: ["disbursement_amount"], filters: [values("branch", "BR01")], time: JUNE }],
  ["Shanghai Pudong NPL ratio", { metrics: ["npl_ratio"], filters: [values("branch", "BR01")] }],
  ["disbursement at the Pudong branch", { metrics: ["disbursement_amount"], filters: [values("branch", "BR01")] }],
  ["安居房贷的贷款余额", { metrics: ["outstanding_balance"], filters: [values("product", "P01")] }],
  ["Home Mortgage outstanding balance", { metrics: ["outstanding_balance"], filters: [values("product", "P01")] }],
  ["夏季消费季的转化率", { metrics: ["conversion_rate"], filters: [values("campaign", "CP001")] }],
  ["上海和北京的不良率", { metrics: ["npl_ratio"], filters: [values("city", "Shanghai", "Beijing")], dimensions: ["city"] }],
  ["Shanghai vs Beijing NPL ratio", { metrics: ["npl_ratio"], filters: [values("city", "Shanghai", "Beijing")], dimensions: ["city"] }],
  ["女性客户有多少", { metrics: ["customer_count"], filters: [values("gender", "F")] }],
  ["高级别预警有多少", { metrics: ["alert_count"], filters: [values("severity", "high")] }],
  ["被拒绝的申请有多少", { metrics: ["application_count"], filters: [values("decision", "rejected")] }],

  // Group by.
  ["各分行本月逾期率", { metrics: ["overdue_rate"], dimensions: ["branch"], time: null }],
  ["按城市统计贷款余额", { metrics: ["outstanding_balance"], dimensions: ["city"] }],
  ["每个渠道的申请量", { metrics: ["application_count"], dimensions: ["channel"] }],
  ["分产品看放款金额", { metrics: ["disbursement_amount"], dimensions: ["product"] }],
  ["各产品类别的贷款余额占比", { metrics: ["outstanding_balance"], dimensions: ["product_category"] }],
  ["overdue rate by branch for the last 6 months", { metrics: ["overdue_rate"], dimensions: ["branch"], time: ["2026-01-01", "2026-06-30"] }],
  ["disbursement per product", { metrics: ["disbursement_amount"], dimensions: ["product"] }],
  ["approval rate for each channel", { metrics: ["approval_rate"], dimensions: ["channel"] }],
  ["customers by city", { metrics: ["customer_count"], dimensions: ["city"] }],
  ["NPL ratio across regions", { metrics: ["npl_ratio"], dimensions: ["region"] }],
  ["按五级分类统计贷款余额", { metrics: ["outstanding_balance"], dimensions: ["risk_class"] }],
  ["客户年龄分布", { metrics: ["customer_count"], dimensions: ["age_band"] }],
  ["alerts by severity", { metrics: ["alert_count"], dimensions: ["severity"] }],
  ["open alerts by type", { metrics: ["alert_count"], dimensions: ["alert_type"], filters: [term("unresolved_alert")] }],
  ["各拒绝原因的申请数", { metrics: ["application_count"], dimensions: ["reject_reason"] }],
  ["按性别和城市统计客户数", { metrics: ["customer_count"], dimensions: ["gender", "city"] }],

  // Top and bottom N.
  ["逾期率最高的5个分行", { metrics: ["overdue_rate"], dimensions: ["branch"], order: [["overdue_rate", "desc"]], limit: 5 }],
  ["逾期率最高的分行", { dimensions: ["branch"], order: [["overdue_rate", "desc"]], limit: 1 }],
  ["哪个分行的不良率最低", { metrics: ["npl_ratio"], dimensions: ["branch"], order: [["npl_ratio", "asc"]], limit: 1 }],
  ["放款金额前三的产品", { metrics: ["disbursement_amount"], dimensions: ["product"], order: [["disbursement_amount", "desc"]], limit: 3 }],
  ["各分行贷款余额排名", { metrics: ["outstanding_balance"], dimensions: ["branch"], order: [["outstanding_balance", "desc"]] }],
  ["客户数最多的城市", { metrics: ["customer_count"], dimensions: ["city"], order: [["customer_count", "desc"]], limit: 1 }],
  ["Which branch has the highest overdue rate?", { metrics: ["overdue_rate"], dimensions: ["branch"], order: [["overdue_rate", "desc"]], limit: 1 }],
  ["top 5 branches by disbursement", { metrics: ["disbursement_amount"], dimensions: ["branch"], order: [["disbursement_amount", "desc"]], limit: 5 }],
  ["bottom 3 channels by conversion rate", { metrics: ["conversion_rate"], dimensions: ["channel"], order: [["conversion_rate", "asc"]], limit: 3 }],
  ["Which city has the most customers?", { metrics: ["customer_count"], dimensions: ["city"], order: [["customer_count", "desc"]], limit: 1 }],
  ["the 3 products with the lowest approval rate", { metrics: ["approval_rate"], dimensions: ["product"], order: [["approval_rate", "asc"]], limit: 3 }],
  ["best channel by approval rate", { metrics: ["approval_rate"], dimensions: ["channel"], order: [["approval_rate", "desc"]], limit: 1 }],
  ["worst branch by NPL ratio", { metrics: ["npl_ratio"], dimensions: ["branch"], order: [["npl_ratio", "desc"]], limit: 1 }],

  // Numbers on metrics (HAVING) and attributes.
  ["逾期率超过3%的分行", { metrics: ["overdue_rate"], dimensions: ["branch"], having: [{ metric: "overdue_rate", op: "gt", value: 0.03 }] }],
  ["branches with overdue rate above 3%", { dimensions: ["branch"], having: [{ metric: "overdue_rate", op: "gt", value: 0.03 }] }],
  ["不良率在2%以上的城市", { dimensions: ["city"], having: [{ metric: "npl_ratio", op: "gte", value: 0.02 }] }],
  ["年收入超过50万的客户有多少", { metrics: ["customer_count"], filters: [compare("annual_income", "gt", 500000)] }],
  ["how many customers earn at least 1.2m a year", { metrics: ["customer_count"], filters: [compare("annual_income", "gte", 1200000)] }],
];

describe("offline planner: metric questions", () => {
  it.each(CASES)("%s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });
});
