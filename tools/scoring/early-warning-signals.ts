/** The early-warning signals: what each one measures and when it fires, from one borrower's facts. */
import type { ScoringSettings } from "./scoring-settings.ts";
import { mean, round } from "./scoring-math.ts";

/** Signal codes, in the order they are listed. */
export const SIGNAL_CODES = [
  "pd_rise",
  "late_payments",
  "current_dpd",
  "inquiry_spike",
  "inflow_drop",
  "large_net_outflow",
  "high_utilization",
  "open_alerts",
] as const;
export type SignalCode = (typeof SIGNAL_CODES)[number];

/** Bilingual names of the signals. */
export const SIGNAL_LABELS: Record<SignalCode, { zh: string; en: string }> = {
  pd_rise: { zh: "违约概率环比上升", en: "PD rising" },
  late_payments: { zh: "近3个月有逾期或未还", en: "Late or missed payments in the last 3 months" },
  current_dpd: { zh: "当前逾期", en: "Currently past due" },
  inquiry_spike: { zh: "征信查询激增", en: "Bureau inquiries spiking" },
  inflow_drop: { zh: "资金流入下降30%以上", en: "Inflow down 30%+" },
  large_net_outflow: { zh: "大额资金净流出", en: "Large net outflow" },
  high_utilization: { zh: "授信使用率过高", en: "Credit utilization high" },
  open_alerts: { zh: "存在未处理预警", en: "Open risk alerts" },
};

/** One month of customer_monthly. */
export interface MonthlyFacts {
  aum: number;
  inflow: number;
  outflow: number;
  credit_utilization: number;
  external_inquiries: number;
}

/** Everything the signals read about one borrower, for the as-of month M. */
export interface BorrowerFacts {
  pd: number | null;
  previousPd: number | null;
  /** Installments due in M-2..M (up to the as-of date) paid late, partially, or missed. */
  latePayments: number;
  maxDpd: number;
  /** customer_monthly by month offset from M: 0 = M, -1 = M-1, ... -6. */
  monthly: Map<number, MonthlyFacts>;
  /** Alerts with status open or in_progress. */
  openAlerts: number;
}

/** A signal that fired, with the value that made it fire. */
export interface FiredSignal {
  signal: SignalCode;
  weight: number;
  value: number;
}

/** Evaluates every signal; returns those that fired with their weights. */
export function firedSignals(facts: BorrowerFacts, settings: ScoringSettings): FiredSignal[] {
  const rules = settings.early_warning;
  const fired: FiredSignal[] = [];
  const fire = (signal: SignalCode, value: number) => fired.push({ signal, weight: rules.weights[signal], value: round(value, 6) });

  if (facts.pd !== null && facts.previousPd !== null) {
    const change = round(facts.pd - facts.previousPd, 10);
    if (change >= settings.rising_risk_threshold) fire("pd_rise", change);
  }
  if (facts.latePayments > 0) fire("late_payments", facts.latePayments);
  if (facts.maxDpd > 0) fire("current_dpd", facts.maxDpd);

  const current = facts.monthly.get(0);
  if (current) {
    const previousInquiries = monthsBack(facts.monthly, 6).map((month) => month.external_inquiries);
    const inquiryMean = mean(previousInquiries) ?? 0;
    if (current.external_inquiries >= rules.inquiry_spike_minimum && current.external_inquiries >= rules.inquiry_spike_ratio * inquiryMean) {
      fire("inquiry_spike", current.external_inquiries);
    }
    const inflowMean = mean(monthsBack(facts.monthly, 3).map((month) => month.inflow));
    if (inflowMean !== null && inflowMean > 0) {
      const change = current.inflow / inflowMean - 1;
      if (round(change, 10) <= -rules.inflow_drop_share) fire("inflow_drop", change);
    }
    const netOutflow = current.outflow - current.inflow;
    const aumBefore = facts.monthly.get(-1)?.aum ?? current.aum;
    if (netOutflow > 0 && netOutflow >= Math.max(rules.large_net_outflow_minimum, rules.large_net_outflow_share_of_aum * aumBefore)) {
      fire("large_net_outflow", netOutflow);
    }
    if (current.credit_utilization >= rules.high_utilization) fire("high_utilization", current.credit_utilization);
  }
  if (facts.openAlerts > 0) fire("open_alerts", facts.openAlerts);
  return fired;
}

/** The 0-100 score: the sum of the fired signals' weights. */
export function earlyWarningScore(fired: readonly FiredSignal[]): number {
  return Math.min(100, round(fired.reduce((sum, signal) => sum + signal.weight, 0), 6));
}

/** The months 1..count before M that have data. */
function monthsBack(monthly: Map<number, MonthlyFacts>, count: number): MonthlyFacts[] {
  const months: MonthlyFacts[] = [];
  for (let offset = 1; offset <= count; offset++) {
    const month = monthly.get(-offset);
    if (month) months.push(month);
  }
  return months;
}
