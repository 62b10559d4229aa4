/** A small stand-in dataset on the contract schema, used by the evals only while the project's generator is missing. */
import { writeFileSync } from "node:fs";
import initSqlJs from "sql.js";
import type { SqlValue } from "sql.js";
import { schemaSql } from "../../schema/ddl.ts";
import { ENUMS, TABLES } from "../../schema/tables.ts";

/** What the stand-in dataset is made from. */
export interface FallbackDatasetOptions {
  seed: number;
  scale: number;
  asOfDate: string;
}

/** mulberry32: small, deterministic, good enough for test data. */
function randomStream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
function toDate(text: string): Date {
  return new Date(`${text.slice(0, 10)}T00:00:00Z`);
}
function dateText(date: Date): string {
  return date.toISOString().slice(0, 10);
}
function addDays(text: string, days: number): string {
  return dateText(new Date(toDate(text).getTime() + days * DAY_MS));
}
function addMonths(text: string, months: number): string {
  const date = toDate(text);
  const day = date.getUTCDate();
  const moved = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(moved.getUTCFullYear(), moved.getUTCMonth() + 1, 0)).getUTCDate();
  moved.setUTCDate(Math.min(day, lastDay));
  return dateText(moved);
}
function daysBetween(from: string, to: string): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY_MS);
}
function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

const BRANCHES: [string, string, string, string][] = [
  ["上海浦东支行", "Shanghai Pudong", "Shanghai", "East"],
  ["上海静安支行", "Shanghai Jing'an", "Shanghai", "East"],
  ["北京朝阳支行", "Beijing Chaoyang", "Beijing", "North"],
  ["北京海淀支行", "Beijing Haidian", "Beijing", "North"],
  ["深圳南山支行", "Shenzhen Nanshan", "Shenzhen", "South"],
  ["深圳福田支行", "Shenzhen Futian", "Shenzhen", "South"],
  ["广州天河支行", "Guangzhou Tianhe", "Guangzhou", "South"],
  ["广州越秀支行", "Guangzhou Yuexiu", "Guangzhou", "South"],
  ["杭州西湖支行", "Hangzhou Xihu", "Hangzhou", "East"],
  ["杭州滨江支行", "Hangzhou Binjiang", "Hangzhou", "East"],
  ["成都高新支行", "Chengdu Gaoxin", "Chengdu", "Southwest"],
  ["成都锦江支行", "Chengdu Jinjiang", "Chengdu", "Southwest"],
  ["武汉江汉支行", "Wuhan Jianghan", "Wuhan", "Central"],
  ["武汉洪山支行", "Wuhan Hongshan", "Wuhan", "Central"],
  ["南京鼓楼支行", "Nanjing Gulou", "Nanjing", "East"],
  ["南京建邺支行", "Nanjing Jianye", "Nanjing", "East"],
];

const PRODUCTS: [string, string, string, number, number, number, number, number][] = [
  ["安居房贷", "Home Mortgage", "mortgage", 1, 0.0395, 300000, 3000000, 360],
  ["二手房贷", "Resale Home Loan", "mortgage", 1, 0.042, 200000, 2000000, 300],
  ["畅行车贷", "Auto Loan", "auto", 1, 0.0499, 50000, 500000, 60],
  ["易贷消费贷", "Easy Consumer Loan", "consumer", 0, 0.0599, 5000, 300000, 36],
  ["闪电贷", "Flash Loan", "consumer", 0, 0.0788, 1000, 100000, 24],
  ["助学贷", "Study Loan", "education", 0, 0.0435, 10000, 200000, 60],
  ["乐游贷", "Travel Loan", "travel", 0, 0.0699, 5000, 80000, 24],
  ["家装贷", "Renovation Loan", "renovation", 0, 0.0555, 20000, 500000, 60],
  ["小微经营贷", "Micro Business Loan", "micro_business", 0, 0.0485, 50000, 1000000, 36],
];

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂";

/** Builds the stand-in dataset in memory and writes it as a SQLite file. */
export async function writeFallbackDataset(path: string, options: FallbackDatasetOptions): Promise<void> {
  const SQL = await initSqlJs();
  const database = new SQL.Database();
  for (const statement of schemaSql("sqlite")) database.run(statement);
  const random = randomStream(options.seed * 7919 + 17);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const between = (min: number, max: number): number => min + random() * (max - min);
  const integer = (min: number, max: number): number => Math.floor(between(min, max + 1));
  const asOf = options.asOfDate;
  const asOfMonth = asOf.slice(0, 7);
  const months: string[] = [];
  for (let back = 23; back >= 0; back -= 1) months.push(addMonths(`${asOfMonth}-01`, -back).slice(0, 7));
  const tables: Record<string, SqlValue[][]> = Object.fromEntries(TABLES.map((table) => [table.name, []]));
  tables.meta.push(["as_of_date", asOf], ["seed", String(options.seed)], ["scale", String(options.scale)], ["schema_version", "1"]);
  BRANCHES.forEach((branch, index) => tables.branches.push([`BR${String(index + 1).padStart(2, "0")}`, ...branch]));
  PRODUCTS.forEach((product, index) => tables.products.push([`P${String(index + 1).padStart(2, "0")}`, ...product]));

  const campaignCount = 24;
  for (let index = 0; index < campaignCount; index += 1) {
    const start = addDays(asOf, -integer(0, 700));
    const product = integer(1, PRODUCTS.length);
    tables.campaigns.push([`CP${String(index + 1).padStart(3, "0")}`, `活动${index + 1}`, ENUMS.campaignChannel[index % 6], `P${String(product).padStart(2, "0")}`, start, addDays(start, integer(20, 120)), round2(between(20000, 300000)), pick(ENUMS.targetTier)]);
  }
  const channelConversion: Record<string, number> = { sms: 0.01, app_push: 0.03, wechat: 0.06, call: 0.12, branch_event: 0.15, email: 0.005 };

  const customerCount = Math.max(200, Math.round(20000 * options.scale));
  let applicationNumber = 0;
  let loanNumber = 0;
  let touchNumber = 0;
  let repaymentNumber = 0;
  let alertNumber = 0;
  let actionNumber = 0;
  let surveyNumber = 0;
  for (let customerIndex = 1; customerIndex <= customerCount; customerIndex += 1) {
    const customerId = `C${String(customerIndex).padStart(6, "0")}`;
    const branchIndex = integer(0, BRANCHES.length - 1);
    const branchId = `BR${String(branchIndex + 1).padStart(2, "0")}`;
    const city = BRANCHES[branchIndex][2];
    const birth = addDays(asOf, -integer(19 * 365, 70 * 365));
    const onboard = random() < 0.15 ? addDays(asOf, -integer(0, 365)) : addDays(asOf, -integer(366, 3000));
    const churned = random() < 0.12;
    const churnDate = churned ? addDays(onboard, integer(30, Math.max(31, daysBetween(onboard, asOf)))) : null;
    const income = round2(Math.exp(between(Math.log(30000), Math.log(1500000))));
    const occupation = pick(ENUMS.occupation);
    const channel = pick(ENUMS.acquisitionChannel);
    const wealth = income * between(0.05, 3);
    // Monthly rows and risk profile.
    const riskiness = random();
    let aumAsOf = 0;
    for (const month of months) {
      const aum = round2(wealth * between(0.8, 1.2));
      if (month === asOfMonth) aumAsOf = aum;
      tables.customer_monthly.push([customerId, month, aum, round2(income / 12 * between(0.7, 1.3)), round2(income / 12 * between(0.6, 1.4)), integer(2, 80), integer(0, 40), Math.round(between(0, 0.9) * 1000) / 1000, riskiness > 0.8 ? integer(0, 5) : integer(0, 1)]);
    }
    // Applications and loans.
    let activeOutstanding = 0;
    const applicationCount = random() < 0.6 ? integer(1, 3) : 0;
    for (let applicationIndex = 0; applicationIndex < applicationCount; applicationIndex += 1) {
      applicationNumber += 1;
      const applicationId = `A${String(applicationNumber).padStart(7, "0")}`;
      const productIndex = integer(0, PRODUCTS.length - 1);
      const product = PRODUCTS[productIndex];
      const productId = `P${String(productIndex + 1).padStart(2, "0")}`;
      const appliedDate = addDays(asOf, -integer(0, 1000));
      const appliedAt = `${appliedDate} ${String(integer(8, 21)).padStart(2, "0")}:${String(integer(0, 59)).padStart(2, "0")}:00`;
      const requested = round2(between(product[5], product[6]));
      const term = Math.min(product[7], pick([12, 24, 36, 60, 120, 360]));
      const score = integer(300, 900);
      const roll = random();
      const decision = daysBetween(appliedDate, asOf) < 5 && roll < 0.4 ? "pending" : roll < 0.05 ? "withdrawn" : score > 520 && roll < 0.85 ? "approved" : "rejected";
      const decidedAt = decision === "approved" || decision === "rejected" ? `${addDays(appliedDate, integer(0, 3))} ${String(integer(8, 21)).padStart(2, "0")}:30:00` : null;
      const approved = decision === "approved" ? requested : null;
      const campaignIndex = random() < 0.3 ? integer(1, campaignCount) : 0;
      tables.applications.push([applicationId, customerId, productId, channel, campaignIndex ? `CP${String(campaignIndex).padStart(3, "0")}` : null, appliedAt, requested, term, score, decision, decidedAt, approved, decision === "rejected" ? pick(ENUMS.rejectReason) : null]);
      if (decision !== "approved" || decidedAt === null || decidedAt.slice(0, 10) > asOf) continue;
      loanNumber += 1;
      const loanId = `L${String(loanNumber).padStart(7, "0")}`;
      const disbursed = addDays(decidedAt.slice(0, 10), 1) > asOf ? decidedAt.slice(0, 10) : addDays(decidedAt.slice(0, 10), 1);
      const maturity = addMonths(disbursed, term);
      const elapsed = Math.max(0, Math.floor(daysBetween(disbursed, asOf) / 30));
      const earlyClose = random() < 0.15 && elapsed > 3;
      const delinquency = riskiness > 0.9 ? pick([5, 20, 45, 95, 200, 300, 400]) : riskiness > 0.8 ? pick([0, 3, 15, 35]) : 0;
      let status = maturity <= asOf || earlyClose ? "closed" : "active";
      if (status === "active" && delinquency > 360 && random() < 0.5) status = "charged_off";
      const closedDate = status === "closed" ? (earlyClose ? addDays(disbursed, integer(90, Math.max(91, daysBetween(disbursed, asOf)))) : maturity) : status === "charged_off" ? addDays(asOf, -integer(1, 60)) : null;
      const dpd = status === "active" ? delinquency : 0;
      const balance = status === "active" ? round2((approved as number) * Math.max(0.05, 1 - elapsed / term)) : 0;
      if (status === "active") activeOutstanding += balance;
      const riskClass = dpd === 0 ? "normal" : dpd <= 90 ? "special_mention" : dpd <= 270 ? "substandard" : dpd <= 360 ? "doubtful" : "loss";
      tables.loans.push([loanId, applicationId, customerId, productId, branchId, channel, approved, Math.round((product[4] + between(-0.005, 0.02)) * 10000) / 10000, term, disbursed, maturity, status, closedDate, balance, dpd, riskClass]);
      const installment = round2(((approved as number) / term) * 1.05);
      const lastDue = closedDate && closedDate < asOf ? closedDate : addDays(asOf, 90);
      for (let number = 1; number <= term; number += 1) {
        const due = addMonths(disbursed, number);
        if (due > lastDue) break;
        repaymentNumber += 1;
        let repaymentStatus: string;
        let paidDate: string | null = null;
        let paid = 0;
        let late = 0;
        if (due > asOf) repaymentStatus = "scheduled";
        else if (dpd > 0 && daysBetween(due, asOf) <= dpd) {
          repaymentStatus = "missed";
          late = daysBetween(due, asOf);
        } else {
          const roll2 = random();
          repaymentStatus = roll2 < 0.9 - riskiness * 0.2 ? "paid_on_time" : roll2 < 0.96 ? "paid_late" : "partial";
          late = repaymentStatus === "paid_on_time" ? 0 : integer(1, 20);
          paidDate = addDays(due, repaymentStatus === "paid_on_time" ? -integer(0, 3) : late);
          if (paidDate > asOf) paidDate = asOf;
          paid = repaymentStatus === "partial" ? round2(installment * between(0.2, 0.8)) : installment;
          if (repaymentStatus === "paid_on_time") late = 0;
        }
        tables.repayments.push([repaymentNumber, loanId, number, due, installment, paidDate, paid, repaymentStatus, late]);
      }
      // Behaviour scores while the loan was active.
      let pd = riskiness > 0.8 ? between(0.03, 0.25) : between(0.002, 0.05);
      for (const month of months) {
        const monthEnd = `${month}-31`;
        if (disbursed > monthEnd || (closedDate !== null && closedDate < `${month}-01`)) continue;
        pd = Math.min(0.95, Math.max(0.0005, pd + between(-0.012, riskiness > 0.85 ? 0.03 : 0.012)));
        const rounded = Math.round(pd * 10000) / 10000;
        const grade = rounded < 0.01 ? "A" : rounded < 0.03 ? "B" : rounded < 0.08 ? "C" : rounded < 0.2 ? "D" : "E";
        const existing = tables.risk_scores.find((row) => row[0] === customerId && row[1] === month);
        if (existing) continue;
        tables.risk_scores.push([customerId, month, rounded, Math.round(900 - rounded * 2000), grade]);
      }
      if (dpd > 0) {
        for (let alertIndex = 0; alertIndex < integer(1, 3); alertIndex += 1) {
          alertNumber += 1;
          const created = addDays(asOf, -integer(0, 400));
          const alertStatus = pick(ENUMS.alertStatus);
          tables.risk_alerts.push([alertNumber, customerId, loanId, pick(ENUMS.alertType), pick(ENUMS.severity), created, alertStatus, alertStatus === "resolved" ? addDays(created, integer(1, 30)) > asOf ? asOf : addDays(created, integer(1, 30)) : null]);
        }
        for (let actionIndex = 0; actionIndex < integer(1, 4); actionIndex += 1) {
          actionNumber += 1;
          tables.collection_actions.push([actionNumber, loanId, customerId, pick(ENUMS.actionType), addDays(asOf, -integer(0, Math.min(dpd, 300))), pick(ENUMS.outcome)]);
        }
      }
    }
    if (random() < 0.08) {
      alertNumber += 1;
      const created = addDays(asOf, -integer(0, 700));
      tables.risk_alerts.push([alertNumber, customerId, null, pick(["income_drop", "large_outflow", "multi_lending", "score_drop"]), pick(ENUMS.severity), created, "open", null]);
    }
    const tier = aumAsOf >= 500000 || activeOutstanding >= 1000000 ? "high" : aumAsOf >= 50000 || activeOutstanding >= 100000 ? "medium" : "low";
    const idNumber = `${pick(["310101", "110105", "440305", "330106", "510107", "420103", "320106"])}${birth.replace(/-/g, "")}${String(integer(0, 999)).padStart(3, "0")}${pick(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "X"])}`;
    const phone = `1${pick(["38", "39", "37", "86", "58", "50"])}${String(integer(0, 99999999)).padStart(8, "0")}`;
    tables.customers.push([customerId, `${pick([...SURNAMES])}${pick([...GIVEN])}`, idNumber, phone, random() < 0.5 ? "M" : "F", birth, city, branchId, occupation, income, channel, onboard, churned ? "churned" : "active", churnDate, tier]);
    for (let touchIndex = 0; touchIndex < integer(0, 6); touchIndex += 1) {
      touchNumber += 1;
      const campaign = tables.campaigns[integer(0, campaignCount - 1)];
      const campaignChannel = campaign[2] as string;
      const touched = addDays(campaign[4] as string, integer(0, daysBetween(campaign[4] as string, campaign[5] as string)));
      if (touched > asOf) continue;
      const opened = random() < 0.4 ? 1 : 0;
      const clicked = opened && random() < 0.4 ? 1 : 0;
      const applied = random() < channelConversion[campaignChannel] ? 1 : 0;
      tables.campaign_touches.push([touchNumber, campaign[0], customerId, campaignChannel, touched, opened, clicked, applied, null]);
    }
    for (let surveyIndex = 0; surveyIndex < integer(0, 2); surveyIndex += 1) {
      surveyNumber += 1;
      tables.satisfaction_surveys.push([surveyNumber, customerId, addDays(asOf, -integer(0, 700)), channel, Math.min(10, Math.max(0, Math.round(between(3, 11))))]);
    }
  }
  database.run("BEGIN");
  for (const table of TABLES) {
    const rows = tables[table.name];
    if (rows.length === 0) continue;
    const statement = database.prepare(`INSERT INTO ${table.name} VALUES (${table.columns.map(() => "?").join(", ")})`);
    for (const row of rows) statement.run(row);
    statement.free();
  }
  database.run("COMMIT");
  writeFileSync(path, database.export());
  database.close();
}
