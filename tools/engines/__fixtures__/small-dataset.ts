/** A tiny hand-written dataset (a handful of rows per contract table) for engine and loader tests. */
import { writeFileSync } from "node:fs";
import initSqlJs from "sql.js";
import type { Database, SqlValue } from "sql.js";
import { schemaSql } from "../../../schema/ddl.ts";
import { TABLES } from "../../../schema/tables.ts";

/** Rows per table, values in the column order of schema/tables.ts. */
export const SMALL_DATASET_ROWS: Record<string, SqlValue[][]> = {
  meta: [
    ["as_of_date", "2026-06-30"],
    ["seed", "7"],
    ["scale", "0"],
    ["schema_version", "1"],
  ],
  branches: [
    ["BR01", "上海浦东支行", "Shanghai Pudong", "Shanghai", "East"],
    ["BR02", "上海静安支行", "Shanghai Jing'an", "Shanghai", "East"],
    ["BR03", "北京朝阳支行", "Beijing Chaoyang", "Beijing", "North"],
  ],
  customers: [
    ["C000001", "张伟", "310101199001011234", "13812345678", "M", "1990-01-01", "Shanghai", "BR01", "salaried", 240000.5, "branch", "2021-03-04", "active", null, "high"],
    ["C000002", "李娜", "110105199805054321", "13987654321", "F", "1998-05-05", "Beijing", "BR03", "freelancer", 96000.25, "wechat", "2025-11-20", "active", null, "medium"],
    ["C000003", "王芳", "31010419750909888X", "13700001111", "F", "1975-09-09", "Shanghai", "BR02", "retired", 60000, "mobile_app", "2019-07-15", "churned", "2026-04-02", "low"],
    ["C000004", "刘洋", "110108200201017777", "13655556666", "M", "2002-01-01", "Beijing", "BR03", "student", 12000, "partner", "2026-06-01", "active", null, "low"],
  ],
  products: [
    ["P01", "安居房贷", "Home Mortgage", "mortgage", 1, 0.0395, 100000, 5000000, 360],
    ["P02", "易贷消费贷", "Easy Consumer Loan", "consumer", 0, 0.0599, 1000, 300000, 36],
  ],
  campaigns: [
    ["CP001", "夏季消费季", "sms", "P02", "2026-06-01", "2026-07-31", 50000, "all"],
    ["CP002", "安家计划", "wechat", "P01", "2026-01-01", "2026-03-31", 120000.75, "high"],
  ],
  applications: [
    ["A0000001", "C000001", "P01", "branch", null, "2025-08-01 09:30:00", 1500000, 360, 780, "approved", "2025-08-03 15:00:00", 1400000, null],
    ["A0000002", "C000002", "P02", "wechat", "CP001", "2026-06-10 20:15:42", 50000, 24, 640, "approved", "2026-06-10 20:45:00", 50000, null],
    ["A0000003", "C000004", "P02", "partner", "CP001", "2026-06-12 11:00:00", 80000, 36, 420, "rejected", "2026-06-12 11:05:30", null, "low_score"],
    ["A0000004", "C000003", "P02", "mobile_app", null, "2026-06-29 08:00:00", 20000, 12, 700, "pending", null, null, null],
  ],
  campaign_touches: [
    [1, "CP001", "C000002", "sms", "2026-06-05", 1, 1, 1, "A0000002"],
    [2, "CP001", "C000004", "sms", "2026-06-06", 1, 0, 1, "A0000003"],
    [3, "CP001", "C000001", "sms", "2026-06-06", 0, 0, 0, null],
    [4, "CP002", "C000001", "wechat", "2026-02-14", 1, 1, 0, null],
  ],
  loans: [
    ["L0000001", "A0000001", "C000001", "P01", "BR01", "branch", 1400000, 0.0395, 360, "2025-08-05", "2055-08-05", "active", null, 1372345.67, 0, "normal"],
    ["L0000002", "A0000002", "C000002", "P02", "BR03", "wechat", 50000, 0.0612, 24, "2026-06-11", "2028-06-11", "active", null, 49000.1, 45, "special_mention"],
  ],
  repayments: [
    [1, "L0000001", 1, "2025-09-05", 6643.21, "2025-09-04", 6643.21, "paid_on_time", 0],
    [2, "L0000001", 10, "2026-06-05", 6643.21, "2026-06-12", 6643.21, "paid_late", 7],
    [3, "L0000001", 11, "2026-07-05", 6643.21, null, 0, "scheduled", 0],
    [4, "L0000002", 1, "2026-05-16", 2219.5, null, 0, "missed", 45],
    [5, "L0000002", 2, "2026-06-16", 2219.5, "2026-06-20", 1000, "partial", 4],
  ],
  customer_monthly: [
    ["C000001", "2026-05", 620000.5, 30000, 25000, 42, 18, 0.12, 0],
    ["C000001", "2026-06", 640000.5, 32000, 21000, 40, 20, 0.1, 1],
    ["C000002", "2026-05", 52000, 8000, 9000, 25, 30, 0.55, 2],
    ["C000002", "2026-06", 48000, 7000, 11000, 28, 33, 0.71, 4],
  ],
  risk_scores: [
    ["C000001", "2026-05", 0.004, 840, "A"],
    ["C000001", "2026-06", 0.005, 835, "A"],
    ["C000002", "2026-05", 0.06, 610, "C"],
    ["C000002", "2026-06", 0.095, 585, "D"],
  ],
  risk_alerts: [
    [1, "C000002", "L0000002", "missed_payment", "high", "2026-05-17", "open", null],
    [2, "C000002", null, "multi_lending", "medium", "2026-06-20", "resolved", "2026-06-25"],
  ],
  collection_actions: [
    [1, "L0000002", "C000002", "sms_reminder", "2026-05-18", "no_contact"],
    [2, "L0000002", "C000002", "phone_call", "2026-05-25", "promise_to_pay"],
  ],
  satisfaction_surveys: [
    [1, "C000001", "2026-06-01", "branch", 10],
    [2, "C000002", "2026-06-15", "wechat", 6],
    [3, "C000003", "2026-03-01", "mobile_app", 8],
  ],
};

/** Builds the tiny dataset in a fresh sql.js Database with the SQLite contract schema. */
export async function buildSmallDataset(): Promise<Database> {
  const SQL = await initSqlJs();
  const database = new SQL.Database();
  for (const statement of schemaSql("sqlite")) database.run(statement);
  for (const table of TABLES) {
    const placeholders = table.columns.map(() => "?").join(", ");
    const insert = database.prepare(`INSERT INTO ${table.name} VALUES (${placeholders})`);
    for (const row of SMALL_DATASET_ROWS[table.name] ?? []) insert.run(row);
    insert.free();
  }
  return database;
}

/** Writes the tiny dataset to a file, as `npm run data` would write a real one. */
export async function writeSmallDatasetFile(path: string): Promise<void> {
  const database = await buildSmallDataset();
  writeFileSync(path, database.export());
  database.close();
}
