/** A tiny SQLite dataset written to a file with sql.js and schemaSql("sqlite"), for the guard's tests. */
import { writeFileSync } from "node:fs";
import initSqlJs from "sql.js";
import type { Database, SqlJsStatic } from "sql.js";
import { schemaSql } from "../../../schema/ddl.ts";

/** The pii values in the dataset: no result may ever contain one of them whole. */
export const TINY_PII = {
  idNumbers: ["31010119900101123X", "110105198512240018", "440305200002291234"],
  phones: ["13812345678", "13998765432", "18600001111"],
} as const;

let sqlJs: Promise<SqlJsStatic> | undefined;

/** sql.js, loaded once per test file. */
export function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= initSqlJs();
  return sqlJs;
}

/** Creates the dataset in memory: 2 branches, 3 customers, 4 loans, a few repayments and scores. */
export async function createTinyDatabase(): Promise<Database> {
  const SQL = await loadSqlJs();
  const database = new SQL.Database();
  for (const statement of schemaSql("sqlite")) database.run(statement);
  const rows: [string, unknown[][]][] = [
    ["meta", [["as_of_date", "2026-06-30"], ["seed", "7"], ["scale", "0.0001"], ["schema_version", "1"]]],
    ["branches", [["BR01", "上海浦东支行", "Shanghai Pudong", "Shanghai", "East"], ["BR02", "北京朝阳支行", "Beijing Chaoyang", "Beijing", "North"]]],
    [
      "customers",
      [
        ["C000001", "张三", TINY_PII.idNumbers[0], TINY_PII.phones[0], "M", "1990-01-01", "Shanghai", "BR01", "salaried", 180000, "branch", "2020-03-01", "active", null, "high"],
        ["C000002", "李四", TINY_PII.idNumbers[1], TINY_PII.phones[1], "F", "1985-12-24", "Beijing", "BR02", "civil_servant", 120000, "wechat", "2021-07-15", "active", null, "medium"],
        ["C000003", "王五", TINY_PII.idNumbers[2], TINY_PII.phones[2], "M", "2000-02-29", "Shanghai", "BR01", "student", 20000, "mobile_app", "2024-01-10", "churned", "2026-02-01", "low"],
      ],
    ],
    [
      "products",
      [["P01", "住房贷款", "Mortgage", "mortgage", 1, 0.0395, 100000, 5000000, 360], ["P02", "消费贷", "Consumer loan", "consumer", 0, 0.068, 1000, 300000, 36]],
    ],
    [
      "applications",
      [
        ["A0001", "C000001", "P01", "branch", null, "2024-01-05 10:00:00", 1200000, 360, 780, "approved", "2024-01-07 10:00:00", 1200000, null],
        ["A0002", "C000002", "P02", "wechat", null, "2025-03-01 09:30:00", 50000, 24, 690, "approved", "2025-03-01 15:30:00", 50000, null],
        ["A0003", "C000003", "P02", "mobile_app", null, "2025-06-01 12:00:00", 30000, 12, 560, "rejected", "2025-06-02 12:00:00", null, "low_score"],
        ["A0004", "C000002", "P02", "wechat", null, "2026-01-10 08:00:00", 20000, 12, 700, "approved", "2026-01-10 20:00:00", 20000, null],
      ],
    ],
    [
      "loans",
      [
        ["L0001", "A0001", "C000001", "P01", "BR01", "branch", 1200000, 0.0395, 360, "2024-01-10", "2054-01-10", "active", null, 1150000, 0, "normal"],
        ["L0002", "A0002", "C000002", "P02", "BR02", "wechat", 50000, 0.068, 24, "2025-03-05", "2027-03-05", "active", null, 21000, 45, "special_mention"],
        ["L0004", "A0004", "C000002", "P02", "BR02", "wechat", 20000, 0.068, 12, "2026-01-15", "2027-01-15", "active", null, 12000, 0, "normal"],
      ],
    ],
    [
      "repayments",
      [
        [1, "L0002", 1, "2026-05-05", 2300, "2026-05-05", 2300, "paid_on_time", 0],
        [2, "L0002", 2, "2026-06-05", 2300, null, 0, "missed", 25],
        [3, "L0004", 1, "2026-07-03", 1800, null, 0, "scheduled", 0],
      ],
    ],
    [
      "risk_scores",
      [["C000001", "2026-05", 0.008, 810, "A"], ["C000001", "2026-06", 0.009, 805, "A"], ["C000002", "2026-05", 0.04, 660, "C"], ["C000002", "2026-06", 0.07, 640, "C"]],
    ],
  ];
  for (const [table, values] of rows) {
    for (const row of values) database.run(`INSERT INTO ${table} VALUES (${row.map(() => "?").join(", ")})`, row as (string | number | null)[]);
  }
  return database;
}

/** Writes the tiny dataset to a file and returns its bytes. */
export async function writeTinyDatasetFile(path: string): Promise<Uint8Array> {
  const database = await createTinyDatabase();
  const bytes = database.export();
  database.close();
  writeFileSync(path, bytes);
  return bytes;
}
