/**
 * The playbook (处置手册): what to do about what an answer shows. Data, validated by zod when loaded — a new
 * action is a new entry, not code.
 */
import { Playbook } from "./playbook-schema.ts";
import type { PlaybookRule } from "./playbook-schema.ts";

type RuleInput = Omit<PlaybookRule, "rows" | "marketing" | "when"> & {
  rows?: PlaybookRule["rows"];
  marketing?: boolean;
  when: Omit<PlaybookRule["when"], "minRows"> & { minRows?: number };
};

const RULES: RuleInput[] = [
  {
    id: "rm_outreach",
    title: { zh: "客户经理主动联系高价值风险上升客户", en: "Relationship-manager outreach to high-value customers with rising risk" },
    reason: {
      zh: "{count} 位高价值客户本月违约概率明显上升({names}),建议客户经理一周内电话回访,了解资金状况",
      en: "{count} high-value customers show a clear PD rise this month ({names}); call them within a week to understand their finances",
    },
    priority: "high",
    owner: "relationship_manager",
    when: { termsAll: ["high_value", "rising_repayment_risk"] },
    target: "customers",
  },
  {
    id: "risk_watchlist",
    title: { zh: "将风险上升客户纳入观察名单", en: "Put customers with rising risk on the watch list" },
    reason: {
      zh: "{count} 位客户 PD 环比上升 ≥ 0.02,建议纳入贷后观察名单并复核额度",
      en: "{count} customers' PD rose by 0.02 or more; add them to the post-loan watch list and review their limits",
    },
    priority: "medium",
    owner: "risk",
    when: { termsAny: ["rising_repayment_risk"] },
    target: "customers",
  },
  {
    id: "pre_due_reminder",
    title: { zh: "还款日前短信/APP 推送提醒", en: "Pre-due reminders by SMS or app push" },
    reason: {
      zh: "{count} 笔分期将在 7 天内到期,按未还风险从高到低发送短信或 APP 推送提醒",
      en: "{count} installments fall due within 7 days; send SMS or app-push reminders, riskiest first",
    },
    priority: "high",
    owner: "collections",
    when: { termsAny: ["due_soon"] },
    target: "customers",
  },
  {
    id: "pre_due_reminder_ranked",
    title: { zh: "高风险到期客户优先电话提醒", en: "Call the riskiest customers before their due date" },
    reason: {
      zh: "{count} 位客户即将到期且未还概率较高({names}),建议还款日前电话提醒",
      en: "{count} customers are due soon with a high chance of missing ({names}); call them before the due date",
    },
    priority: "high",
    owner: "collections",
    when: { tool: "pre_due_risk" },
    rows: [{ column: "miss_probability", op: "gte", value: 0.3 }],
    target: "customers",
  },
  {
    id: "restructure_offer",
    title: { zh: "为压力客户提供展期/重组方案", en: "Offer restructuring to stressed customers with a good history" },
    reason: {
      zh: "{count} 位客户预警分较高但目前没有逾期,可主动提供展期或重组方案,避免转为不良",
      en: "{count} customers score high on early warning but are not overdue yet; offer restructuring before they default",
    },
    priority: "medium",
    owner: "risk",
    when: { tool: "early_warning" },
    rows: [
      { column: "score", op: "gte", value: 40 },
      { column: "max_dpd", op: "eq", value: 0 },
    ],
    target: "customers",
  },
  {
    id: "freeze_limits",
    title: { zh: "冻结提额与交叉销售", en: "Freeze limit increases and cross-sell" },
    reason: {
      zh: "{count} 位客户预警分 ≥ 70,建议暂停提额与营销,进入贷后重点监控",
      en: "{count} customers have an early-warning score of 70 or more; stop limit increases and marketing, and monitor closely",
    },
    priority: "high",
    owner: "risk",
    when: { tool: "early_warning" },
    rows: [{ column: "score", op: "gte", value: 70 }],
    target: "customers",
  },
  {
    id: "collections_early",
    title: { zh: "M1 逾期:短信+电话催收", en: "Early delinquency (1-30 DPD): SMS and phone reminders" },
    reason: { zh: "{count} 笔贷款逾期 1-30 天,安排短信和电话提醒", en: "{count} loans are 1-30 days past due; send SMS and call" },
    priority: "medium",
    owner: "collections",
    when: { columnsAll: ["current_dpd"] },
    rows: [
      { column: "current_dpd", op: "gt", value: 0 },
      { column: "current_dpd", op: "lte", value: 30 },
    ],
    target: "customers",
  },
  {
    id: "collections_field",
    title: { zh: "M2-M3 逾期:上门/外访催收", en: "31-90 DPD: field visits" },
    reason: { zh: "{count} 笔贷款逾期 31-90 天,升级为外访催收", en: "{count} loans are 31-90 days past due; escalate to field visits" },
    priority: "high",
    owner: "collections",
    when: { columnsAll: ["current_dpd"] },
    rows: [
      { column: "current_dpd", op: "gt", value: 30 },
      { column: "current_dpd", op: "lte", value: 90 },
    ],
    target: "customers",
  },
  {
    id: "collections_legal",
    title: { zh: "90 天以上逾期:法律催收评估", en: "90+ DPD: legal review" },
    reason: { zh: "{count} 笔贷款逾期超过 90 天,进入法律催收评估", en: "{count} loans are over 90 days past due; start a legal review" },
    priority: "high",
    owner: "collections",
    when: { columnsAll: ["current_dpd"] },
    rows: [{ column: "current_dpd", op: "gt", value: 90 }],
    target: "customers",
  },
  {
    id: "cross_sell",
    title: { zh: "向低风险活跃客户交叉销售", en: "Cross-sell eligible products to low-risk engaged customers" },
    reason: {
      zh: "{count} 位客户风险等级 A-C、无逾期且符合负债收入比要求,可推荐匹配产品",
      en: "{count} customers are grade A-C, not overdue and within the debt-to-income limit; offer them the matching product",
    },
    priority: "medium",
    owner: "marketing",
    when: { tool: "next_best_product" },
    target: "customers",
    marketing: true,
  },
  {
    id: "retention_offer",
    title: { zh: "高价值高流失风险客户挽留", en: "Retention offers for high-value customers at risk of churning" },
    reason: {
      zh: "{count} 位客户流失概率较高({names}),建议客户经理提供利率优惠或权益挽留",
      en: "{count} customers are likely to churn ({names}); have their relationship manager offer a rate discount or benefits",
    },
    priority: "high",
    owner: "relationship_manager",
    when: { tool: "churn_risk" },
    rows: [{ column: "churn_probability", op: "gte", value: 0.3 }],
    target: "customers",
    marketing: true,
  },
  {
    id: "shift_campaign_budget",
    title: { zh: "营销预算向高转化渠道倾斜", en: "Move campaign budget toward the best-converting channel" },
    reason: {
      zh: "{names} 渠道转化率最高,建议下一期活动预算向该渠道倾斜并压降低效渠道",
      en: "{names} converts best; shift the next campaigns' budget toward it and away from weaker channels",
    },
    priority: "medium",
    owner: "marketing",
    when: { metric: "conversion_rate", dimension: "channel", minRows: 2 },
    pick: { by: "conversion_rate", direction: "max" },
    target: "channels",
  },
  {
    id: "branch_review",
    title: { zh: "逾期率偏高/恶化分行专项检查", en: "Review branches whose overdue rate is high or worsening" },
    reason: {
      zh: "{names} 逾期率超过 3%,建议风险部门开展专项检查,复盘近期放款质量",
      en: "{names}: overdue rate above 3%; have risk review recent lending there",
    },
    priority: "high",
    owner: "risk",
    when: { metric: "overdue_rate", dimension: "branch" },
    rows: [{ column: "overdue_rate", op: "gt", value: 0.03 }],
    target: "branches",
  },
  {
    id: "branch_review_trend",
    title: { zh: "逾期率上升分行复盘", en: "Review branches whose overdue rate is rising" },
    reason: {
      zh: "{names} 逾期率较上期上升,建议复盘新增放款的准入与贷后管理",
      en: "{names}: overdue rate up against the previous period; review new lending and post-loan work there",
    },
    priority: "medium",
    owner: "branch_manager",
    when: { metric: "overdue_rate", dimension: "branch", columnsAll: ["overdue_rate_change"] },
    rows: [{ column: "overdue_rate_change", op: "gt", value: 0 }],
    target: "branches",
  },
  {
    id: "alert_triage",
    title: { zh: "高等级未处理预警分派处理", en: "Triage open high-severity alerts" },
    reason: {
      zh: "{count} 条高等级预警尚未处理,建议 24 小时内分派给风险经理",
      en: "{count} high-severity alerts are still open; assign them to risk officers within 24 hours",
    },
    priority: "high",
    owner: "risk",
    when: { columnsAll: ["severity", "alert_status"] },
    rows: [
      { column: "severity", op: "eq", value: "high" },
      { column: "alert_status", op: "in", value: ["open", "in_progress"] },
    ],
    target: "customers",
  },
];

/** The validated playbook. */
export const PLAYBOOK: PlaybookRule[] = Playbook.parse(RULES);
