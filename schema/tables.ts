/**
 * The contract tables of ../shared/DOMAIN.md, defined once. SQLite and PostgreSQL DDL, the zod row
 * schemas, the SQL guard's allowlist and the generator all derive from this single definition.
 */

/** Logical column types; each dialect maps them to its own SQL type. */
export type ColumnType = "text" | "integer" | "real" | "money" | "rate" | "date" | "timestamp" | "month";

/** One column of a contract table. */
export interface ColumnDefinition {
  name: string;
  type: ColumnType;
  nullable?: boolean;
  /** Personally identifying: masked in every result (see tools/masking). */
  pii?: "name" | "id_number" | "phone";
  /** The allowed values of an enumeration column. */
  values?: readonly string[];
}

/** One contract table. */
export interface TableDefinition {
  name: string;
  columns: readonly ColumnDefinition[];
  primaryKey: readonly string[];
  unique?: readonly string[];
}

const text = (name: string, extra: Partial<ColumnDefinition> = {}): ColumnDefinition => ({ name, type: "text", ...extra });
const integer = (name: string, extra: Partial<ColumnDefinition> = {}): ColumnDefinition => ({ name, type: "integer", ...extra });
const real = (name: string, extra: Partial<ColumnDefinition> = {}): ColumnDefinition => ({ name, type: "real", ...extra });
const money = (name: string, extra: Partial<ColumnDefinition> = {}): ColumnDefinition => ({ name, type: "money", ...extra });
const rate = (name: string, extra: Partial<ColumnDefinition> = {}): ColumnDefinition => ({ name, type: "rate", ...extra });
const date = (name: string, extra: Partial<ColumnDefinition> = {}): ColumnDefinition => ({ name, type: "date", ...extra });
const timestamp = (name: string, extra: Partial<ColumnDefinition> = {}): ColumnDefinition => ({ name, type: "timestamp", ...extra });
const month = (name: string): ColumnDefinition => ({ name, type: "month" });
const oneOf = (name: string, values: readonly string[], nullable = false): ColumnDefinition => ({ name, type: "text", values, nullable });

/** Enumerations of DOMAIN.md, by name, so that generator, semantic layer and tests share them. */
export const ENUMS = {
  city: ["Shanghai", "Beijing", "Shenzhen", "Guangzhou", "Hangzhou", "Chengdu", "Wuhan", "Nanjing"],
  region: ["East", "North", "South", "Southwest", "Central"],
  gender: ["M", "F"],
  occupation: ["salaried", "self_employed", "civil_servant", "business_owner", "freelancer", "retired", "student"],
  acquisitionChannel: ["branch", "mobile_app", "wechat", "partner", "telemarketing"],
  customerStatus: ["active", "churned"],
  valueTier: ["high", "medium", "low"],
  productCategory: ["mortgage", "auto", "consumer", "education", "travel", "renovation", "micro_business"],
  campaignChannel: ["sms", "app_push", "wechat", "call", "branch_event", "email"],
  targetTier: ["high", "medium", "low", "all"],
  decision: ["approved", "rejected", "pending", "withdrawn"],
  rejectReason: ["low_score", "high_dti", "fraud_suspect", "insufficient_income", "policy"],
  loanStatus: ["active", "closed", "charged_off"],
  riskClass: ["normal", "special_mention", "substandard", "doubtful", "loss"],
  repaymentStatus: ["paid_on_time", "paid_late", "partial", "missed", "scheduled"],
  riskGrade: ["A", "B", "C", "D", "E"],
  alertType: ["missed_payment", "dpd_escalation", "income_drop", "large_outflow", "multi_lending", "score_drop"],
  severity: ["low", "medium", "high"],
  alertStatus: ["open", "in_progress", "resolved"],
  actionType: ["sms_reminder", "phone_call", "field_visit", "restructure", "legal"],
  outcome: ["promise_to_pay", "paid", "no_contact", "refused", "restructured"],
} as const;

/** Every contract table, in dependency order (referenced tables first). */
export const TABLES: readonly TableDefinition[] = [
  { name: "meta", primaryKey: ["key"], columns: [text("key"), text("value")] },
  {
    name: "branches",
    primaryKey: ["branch_id"],
    columns: [text("branch_id"), text("branch_name"), text("branch_name_en"), oneOf("city", ENUMS.city), oneOf("region", ENUMS.region)],
  },
  {
    name: "customers",
    primaryKey: ["customer_id"],
    columns: [
      text("customer_id"),
      text("full_name", { pii: "name" }),
      text("id_number", { pii: "id_number" }),
      text("phone", { pii: "phone" }),
      oneOf("gender", ENUMS.gender),
      date("birth_date"),
      oneOf("city", ENUMS.city),
      text("home_branch_id"),
      oneOf("occupation", ENUMS.occupation),
      money("annual_income"),
      oneOf("acquisition_channel", ENUMS.acquisitionChannel),
      date("onboard_date"),
      oneOf("status", ENUMS.customerStatus),
      date("churn_date", { nullable: true }),
      oneOf("value_tier", ENUMS.valueTier),
    ],
  },
  {
    name: "products",
    primaryKey: ["product_id"],
    columns: [
      text("product_id"),
      text("product_name"),
      text("product_name_en"),
      oneOf("category", ENUMS.productCategory),
      integer("secured"),
      rate("base_rate"),
      money("min_amount"),
      money("max_amount"),
      integer("max_term_months"),
    ],
  },
  {
    name: "campaigns",
    primaryKey: ["campaign_id"],
    columns: [
      text("campaign_id"),
      text("campaign_name"),
      oneOf("channel", ENUMS.campaignChannel),
      text("product_id"),
      date("start_date"),
      date("end_date"),
      money("budget"),
      oneOf("target_tier", ENUMS.targetTier),
    ],
  },
  {
    name: "applications",
    primaryKey: ["application_id"],
    columns: [
      text("application_id"),
      text("customer_id"),
      text("product_id"),
      oneOf("channel", ENUMS.acquisitionChannel),
      text("campaign_id", { nullable: true }),
      timestamp("applied_at"),
      money("requested_amount"),
      integer("requested_term_months"),
      integer("application_score"),
      oneOf("decision", ENUMS.decision),
      timestamp("decided_at", { nullable: true }),
      money("approved_amount", { nullable: true }),
      oneOf("reject_reason", ENUMS.rejectReason, true),
    ],
  },
  {
    name: "campaign_touches",
    primaryKey: ["touch_id"],
    columns: [
      integer("touch_id"),
      text("campaign_id"),
      text("customer_id"),
      oneOf("channel", ENUMS.campaignChannel),
      date("touched_date"),
      integer("opened"),
      integer("clicked"),
      integer("applied"),
      text("application_id", { nullable: true }),
    ],
  },
  {
    name: "loans",
    primaryKey: ["loan_id"],
    unique: ["application_id"],
    columns: [
      text("loan_id"),
      text("application_id"),
      text("customer_id"),
      text("product_id"),
      text("branch_id"),
      oneOf("channel", ENUMS.acquisitionChannel),
      money("principal"),
      rate("annual_rate"),
      integer("term_months"),
      date("disbursed_date"),
      date("maturity_date"),
      oneOf("status", ENUMS.loanStatus),
      date("closed_date", { nullable: true }),
      money("outstanding_balance"),
      integer("current_dpd"),
      oneOf("risk_class", ENUMS.riskClass),
    ],
  },
  {
    name: "repayments",
    primaryKey: ["repayment_id"],
    columns: [
      integer("repayment_id"),
      text("loan_id"),
      integer("installment_no"),
      date("due_date"),
      money("due_amount"),
      date("paid_date", { nullable: true }),
      money("paid_amount"),
      oneOf("status", ENUMS.repaymentStatus),
      integer("days_late"),
    ],
  },
  {
    name: "customer_monthly",
    primaryKey: ["customer_id", "month"],
    columns: [
      text("customer_id"),
      month("month"),
      money("aum"),
      money("inflow"),
      money("outflow"),
      integer("txn_count"),
      integer("app_logins"),
      real("credit_utilization"),
      integer("external_inquiries"),
    ],
  },
  {
    name: "risk_scores",
    primaryKey: ["customer_id", "month"],
    columns: [text("customer_id"), month("month"), real("pd"), integer("score"), oneOf("risk_grade", ENUMS.riskGrade)],
  },
  {
    name: "risk_alerts",
    primaryKey: ["alert_id"],
    columns: [
      integer("alert_id"),
      text("customer_id"),
      text("loan_id", { nullable: true }),
      oneOf("alert_type", ENUMS.alertType),
      oneOf("severity", ENUMS.severity),
      date("created_date"),
      oneOf("status", ENUMS.alertStatus),
      date("resolved_date", { nullable: true }),
    ],
  },
  {
    name: "collection_actions",
    primaryKey: ["action_id"],
    columns: [
      integer("action_id"),
      text("loan_id"),
      text("customer_id"),
      oneOf("action_type", ENUMS.actionType),
      date("action_date"),
      oneOf("outcome", ENUMS.outcome),
    ],
  },
  {
    name: "satisfaction_surveys",
    primaryKey: ["survey_id"],
    columns: [integer("survey_id"), text("customer_id"), date("survey_date"), oneOf("channel", ENUMS.acquisitionChannel), integer("nps_score")],
  },
];

/** Indexes for the questions DOMAIN.md asks: by month, customer, status, dpd, due date and the dating columns. */
export const INDEXES: readonly { table: string; columns: readonly string[] }[] = [
  // Joins from the large tables (repayments, touches, monthly rows) reach customers and loans through these covering
  // indexes in one lookup instead of key index plus table row: about twice as fast on 670,000 repayments per scale unit.
  { table: "customers", columns: ["customer_id", "acquisition_channel", "value_tier", "city", "home_branch_id"] },
  { table: "loans", columns: ["loan_id", "customer_id", "branch_id", "product_id", "channel"] },
  { table: "customers", columns: ["home_branch_id"] },
  { table: "customers", columns: ["value_tier"] },
  { table: "customers", columns: ["onboard_date"] },
  { table: "customers", columns: ["churn_date"] },
  { table: "customers", columns: ["city"] },
  { table: "applications", columns: ["customer_id"] },
  { table: "applications", columns: ["applied_at"] },
  { table: "applications", columns: ["campaign_id"] },
  // Touch rates (open, click, conversion) by campaign, channel or date read these covering indexes only, never the
  // table: several times faster on 200,000+ touches per scale unit (bench/report.md).
  { table: "campaign_touches", columns: ["campaign_id", "applied", "opened", "clicked"] },
  { table: "campaign_touches", columns: ["customer_id"] },
  { table: "campaign_touches", columns: ["touched_date", "channel", "opened", "clicked", "applied"] },
  { table: "campaign_touches", columns: ["channel", "touched_date", "opened", "clicked", "applied"] },
  { table: "loans", columns: ["customer_id"] },
  { table: "loans", columns: ["branch_id"] },
  { table: "loans", columns: ["product_id"] },
  { table: "loans", columns: ["status", "current_dpd"] },
  { table: "loans", columns: ["disbursed_date"] },
  { table: "repayments", columns: ["loan_id", "installment_no"] },
  // Covering for repayment rates over a due-date range (status counted, loan joined).
  { table: "repayments", columns: ["due_date", "status", "loan_id"] },
  { table: "repayments", columns: ["status", "due_date"] },
  { table: "customer_monthly", columns: ["month"] },
  { table: "risk_scores", columns: ["month"] },
  { table: "risk_alerts", columns: ["customer_id"] },
  { table: "risk_alerts", columns: ["created_date"] },
  { table: "risk_alerts", columns: ["status", "severity"] },
  { table: "collection_actions", columns: ["loan_id"] },
  { table: "collection_actions", columns: ["action_date"] },
  { table: "satisfaction_surveys", columns: ["customer_id"] },
  { table: "satisfaction_surveys", columns: ["survey_date"] },
];

/** Finds a table definition by name. */
export function tableByName(name: string): TableDefinition | undefined {
  return TABLES.find((table) => table.name === name);
}
