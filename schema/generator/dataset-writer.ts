/** Turns the simulated records into contract rows (ids, dates, derived columns) and inserts them. */
import type { Database, SqlValue } from "sql.js";
import { TABLES } from "../tables.ts";
import type { ApplicationRequest } from "./application-requests.ts";
import { BRANCHES } from "./branch-catalogue.ts";
import { formatDay, formatMonth, formatTimestamp } from "./calendar.ts";
import type { LoanRecord } from "./credit-decisions.ts";
import type { CustomerBundle } from "./customer-simulation.ts";
import type { DatasetPlan } from "./dataset-plan.ts";
import { PRODUCTS } from "./product-catalogue.ts";
import { riskClassForDpd } from "./risk-classification.ts";
import { TableInserter } from "./table-inserter.ts";

/** The dataset's schema version, written to meta. */
export const DATASET_SCHEMA_VERSION = "1";

const SECONDS_PER_DAY = 86_400;
const day = (value: number | null): string | null => (value === null ? null : formatDay(value));
const pad = (value: number, width: number): string => String(value).padStart(width, "0");

/** Writes one dataset, customer after customer, into an open database whose tables exist. */
export class DatasetWriter {
  private readonly plan: DatasetPlan;
  private readonly inserters: Map<string, TableInserter>;
  private applicationCount = 0;
  private loanCount = 0;
  private touchCount = 0;
  private repaymentCount = 0;
  private alertCount = 0;
  private actionCount = 0;
  private surveyCount = 0;

  constructor(database: Database, plan: DatasetPlan) {
    this.plan = plan;
    this.inserters = new Map(TABLES.map((table) => [table.name, new TableInserter(database, table)]));
  }

  private insert(table: string, values: SqlValue[]): void {
    (this.inserters.get(table) as TableInserter).add(values);
  }

  /** meta, branches, products and campaigns. */
  writeReferenceData(): void {
    const { options, campaigns } = this.plan;
    const meta: [string, string][] = [
      ["as_of_date", options.asOf],
      ["seed", String(options.seed)],
      ["scale", String(options.scale)],
      ["schema_version", DATASET_SCHEMA_VERSION],
    ];
    for (const entry of meta) this.insert("meta", entry);
    for (const branch of BRANCHES) this.insert("branches", [branch.branchId, branch.name, branch.nameEnglish, branch.city, branch.region]);
    for (const product of PRODUCTS) {
      this.insert("products", [product.productId, product.name, product.nameEnglish, product.category, product.secured ? 1 : 0, product.baseRate, product.minAmount, product.maxAmount, product.maxTermMonths]);
    }
    for (const campaign of campaigns) {
      this.insert("campaigns", [campaign.campaignId, campaign.name, campaign.channel, campaign.product.productId, formatDay(campaign.startDay), formatDay(campaign.endDay), campaign.budget, campaign.targetTier]);
    }
  }

  /** Every row of one customer. */
  writeCustomer(bundle: CustomerBundle): void {
    const { profile } = bundle;
    const customerId = profile.customerId;
    this.insert("customers", [
      customerId, profile.fullName, profile.idNumber, profile.phone, profile.gender, formatDay(profile.birthDay), profile.city,
      profile.homeBranchId, profile.occupation, profile.annualIncome, profile.acquisitionChannel, formatDay(profile.onboardDay),
      bundle.status, day(profile.churnDay), bundle.valueTier,
    ]);

    const applicationIds = new Map<ApplicationRequest, string>();
    const loanIds = new Map<LoanRecord, string>();
    for (const application of bundle.applications) {
      const { request } = application;
      const applicationId = `A${pad(++this.applicationCount, 7)}`;
      applicationIds.set(request, applicationId);
      const decided = application.decidedSecond;
      this.insert("applications", [
        applicationId, customerId, request.product.productId, request.channel, request.campaignId,
        formatTimestamp(request.appliedDay, request.appliedSecond), request.requestedAmount, request.requestedTermMonths,
        application.applicationScore, application.decision,
        decided === null ? null : formatTimestamp(Math.floor(decided / SECONDS_PER_DAY), decided % SECONDS_PER_DAY),
        application.approvedAmount, application.rejectReason,
      ]);
      const loan = application.loan;
      if (!loan) continue;
      const loanId = `L${pad(++this.loanCount, 7)}`;
      loanIds.set(loan, loanId);
      const { outcome } = loan;
      this.insert("loans", [
        loanId, applicationId, customerId, loan.product.productId, loan.branchId, loan.channel, loan.principal, loan.annualRate,
        loan.termMonths, formatDay(loan.disbursedDay), formatDay(loan.maturityDay), outcome.status, day(outcome.closedDay),
        outcome.outstanding, outcome.currentDpd, riskClassForDpd(outcome.currentDpd),
      ]);
      for (const row of outcome.rows) {
        this.insert("repayments", [++this.repaymentCount, loanId, row.installmentNo, formatDay(row.dueDay), row.dueAmount, day(row.paidDay), row.paidAmount, row.status, row.daysLate]);
      }
    }
    for (const touch of bundle.touches) {
      const applicationId = touch.request ? (applicationIds.get(touch.request) ?? null) : null;
      this.insert("campaign_touches", [
        ++this.touchCount, touch.campaign.campaignId, customerId, touch.campaign.channel, formatDay(touch.touchedDay),
        touch.opened ? 1 : 0, touch.clicked ? 1 : 0, touch.request ? 1 : 0, applicationId,
      ]);
    }
    for (const row of bundle.monthly) {
      this.insert("customer_monthly", [customerId, formatMonth(row.month), row.aum, row.inflow, row.outflow, row.txnCount, row.appLogins, row.creditUtilization, row.externalInquiries]);
    }
    for (const score of bundle.riskScores) this.insert("risk_scores", [customerId, formatMonth(score.month), score.pd, score.score, score.riskGrade]);
    for (const alert of bundle.alerts) {
      this.insert("risk_alerts", [++this.alertCount, customerId, alert.loan ? (loanIds.get(alert.loan) ?? null) : null, alert.alertType, alert.severity, formatDay(alert.createdDay), alert.status, day(alert.resolvedDay)]);
    }
    for (const action of bundle.collections) {
      this.insert("collection_actions", [++this.actionCount, loanIds.get(action.loan) ?? null, customerId, action.actionType, formatDay(action.actionDay), action.outcome]);
    }
    for (const survey of bundle.surveys) this.insert("satisfaction_surveys", [++this.surveyCount, customerId, formatDay(survey.surveyDay), survey.channel, survey.npsScore]);
  }

  /** Flushes every table and releases the statements; returns rows written per table. */
  finish(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const [name, inserter] of this.inserters) {
      inserter.free();
      counts[name] = inserter.count;
    }
    return counts;
  }
}
